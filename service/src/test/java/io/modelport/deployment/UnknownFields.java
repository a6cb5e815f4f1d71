package io.modelport.deployment;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Finds the fields of parsed manifests that their fabric8 model does not know. fabric8
 * parses leniently, keeping an unknown field (a typo, a field of another API version) in
 * {@code getAdditionalProperties()}, where a cluster's schema validation would refuse it.
 *
 * @author Modelport Team
 */
final class UnknownFields {

	private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

	private UnknownFields() {
	}

	/**
	 * Walks a typed resource.
	 * @param resource the resource
	 * @return one entry per object holding unknown fields: its path and their names
	 */
	static List<String> of(Object resource) {
		List<String> found = new ArrayList<>();
		walk(resource, resource.getClass().getSimpleName(), found);
		return found;
	}

	private static void walk(Object value, String path, List<String> found) {
		if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				walk(list.get(i), path + "[" + i + "]", found);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, child) -> walk(child, path + "." + key, found));
			return;
		}
		// Custom resources have no schema here; their shape is checked by hand.
		if (value == null || value instanceof GenericKubernetesResource
				|| !value.getClass().getName().startsWith(MODEL_PACKAGE)) {
			return;
		}
		for (Method getter : value.getClass().getMethods()) {
			if (!isProperty(getter)) {
				continue;
			}
			Object child = invoke(getter, value);
			if (getter.getName().equals("getAdditionalProperties")) {
				if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
					found.add(path + ": " + extra.keySet());
				}
			}
			else {
				walk(child, path + "." + getter.getName().substring(3), found);
			}
		}
	}

	// Model objects, lists and maps only: the walk never needs a scalar.
	private static boolean isProperty(Method method) {
		Class<?> type = method.getReturnType();
		return method.getName().startsWith("get") && method.getParameterCount() == 0
				&& !Modifier.isStatic(method.getModifiers()) && (List.class.isAssignableFrom(type)
						|| Map.class.isAssignableFrom(type) || type.getName().startsWith(MODEL_PACKAGE));
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("cannot read " + getter, ex);
		}
	}

}
