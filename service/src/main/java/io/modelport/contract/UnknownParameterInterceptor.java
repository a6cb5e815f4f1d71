package io.modelport.contract;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;

/**
 * Refuses a request whose query parameters or multipart parts include a name the handler
 * does not read ({@code ?threshold=0.2} for {@code scoreThreshold}): silently ignoring it
 * would answer with the defaults as if the client's setting had been applied.
 *
 * <p>
 * The accepted names are the handler method's {@code @RequestParam} and
 * {@code @RequestPart} names and the properties of its {@code @ModelAttribute}s; a
 * handler that takes a parameter map accepts anything.
 *
 * @author Modelport Team
 */
class UnknownParameterInterceptor implements HandlerInterceptor {

	private static final ParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();

	private final Map<HandlerMethod, Set<String>> accepted = new ConcurrentHashMap<>();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		Set<String> known = this.accepted.computeIfAbsent(method, UnknownParameterInterceptor::acceptedNames);
		if (known.contains("*")) {
			return true;
		}
		for (String name : sentNames(request)) {
			if (!known.contains(name)) {
				throw new UnknownParameterException(name, known);
			}
		}
		return true;
	}

	private static Set<String> sentNames(HttpServletRequest request) {
		Set<String> sent = new LinkedHashSet<>();
		String query = request.getQueryString();
		if (query != null) {
			for (String pair : query.split("&")) {
				if (!pair.isEmpty()) {
					int equals = pair.indexOf('=');
					sent.add(decode((equals >= 0) ? pair.substring(0, equals) : pair));
				}
			}
		}
		MultipartRequest multipart = WebUtils.getNativeRequest(request, MultipartRequest.class);
		if (multipart != null) {
			sent.addAll(multipart.getMultiFileMap().keySet());
			sent.addAll(request.getParameterMap().keySet());
		}
		return sent;
	}

	private static String decode(String name) {
		try {
			return StringUtils.uriDecode(name.replace('+', ' '), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return name;
		}
	}

	private static Set<String> acceptedNames(HandlerMethod method) {
		Set<String> known = new LinkedHashSet<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			parameter.initParameterNameDiscovery(names);
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
			if (param != null) {
				if (Map.class.isAssignableFrom(parameter.getParameterType()) && !StringUtils.hasText(param.name())) {
					known.add("*");
				}
				known.add(StringUtils.hasText(param.name()) ? param.name() : parameter.getParameterName());
			}
			else if (part != null) {
				known.add(StringUtils.hasText(part.name()) ? part.name() : parameter.getParameterName());
			}
			else if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
				known.addAll(properties(parameter.getParameterType()));
			}
		}
		// A mapping condition such as params = "render=attention" reads its name too.
		addConditionNames(AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequestMapping.class),
				known);
		addConditionNames(AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class), known);
		known.remove(null);
		return Set.copyOf(known);
	}

	private static void addConditionNames(RequestMapping mapping, Set<String> known) {
		if (mapping == null) {
			return;
		}
		for (String condition : mapping.params()) {
			String name = condition.split("!?=", 2)[0];
			known.add(name.startsWith("!") ? name.substring(1) : name);
		}
	}

	private static Set<String> properties(Class<?> type) {
		Set<String> properties = new LinkedHashSet<>();
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				properties.add(component.getName());
			}
		}
		else {
			for (var descriptor : BeanUtils.getPropertyDescriptors(type)) {
				if (descriptor.getWriteMethod() != null) {
					properties.add(descriptor.getName());
				}
			}
		}
		return properties;
	}

}
