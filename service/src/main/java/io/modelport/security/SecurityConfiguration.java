package io.modelport.security;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.DispatcherType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Wires the key store, the key filter and the security headers. Both filters run before
 * the request size limit, so a request without a key is refused before its body is read,
 * and after the observation filter, so refusals still count as HTTP requests.
 *
 * @author Modelport Team
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Log logger = LogFactory.getLog(SecurityConfiguration.class);

	@Bean
	ApiKeys apiKeys(SecurityProperties properties, MeterRegistry meters) {
		ApiKeys keys = new ApiKeys(properties.keysFile(), properties.keysCheckInterval(), Clock.systemUTC());
		Gauge.builder("modelport.security.keys", keys, (k) -> k.keys().size())
			.description("API keys loaded from the keys file")
			.register(meters);
		describe(properties.openScopes(), keys);
		return keys;
	}

	// The same decision for callers that are not servlet requests (the gRPC port).
	@Bean
	ApiKeyCheck apiKeyCheck(SecurityProperties properties, ApiKeys keys, MeterRegistry meters) {
		return new ApiKeyCheck(properties.openScopes(), keys, meters);
	}

	@Bean
	FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
		FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(
				new SecurityHeadersFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
		return registration;
	}

	@Bean
	FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(SecurityProperties properties, ApiKeys keys,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver, MeterRegistry meters) {
		FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(
				new ApiKeyFilter(new EndpointScopes(), properties.openScopes(), keys, resolver, meters));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	// Tells OpenAPI clients, and Swagger UI's Authorize button, how to send a key.
	@Bean
	OpenApiCustomizer apiKeySchemes() {
		return (openApi) -> {
			Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
			openApi.setComponents(components
				.addSecuritySchemes("bearer",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("An API key as a bearer token"))
				.addSecuritySchemes("apiKey",
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name(ApiKeyFilter.API_KEY_HEADER)));
			openApi.addSecurityItem(new SecurityRequirement().addList("bearer"))
				.addSecurityItem(new SecurityRequirement().addList("apiKey"));
		};
	}

	private static void describe(Set<Scope> open, ApiKeys keys) {
		logger.info("Open scopes (no key needed): "
				+ (open.isEmpty() ? "none" : open.stream().map(Scope::id).collect(Collectors.joining(", "))) + "; "
				+ keys.keys().size() + " API keys loaded");
		for (Scope scope : open) {
			if (scope != Scope.INFERENCE) {
				logger.warn("The " + scope.id() + " scope is open: anyone who reaches this port can use its "
						+ "endpoints. Only the local profile should do this.");
			}
		}
	}

}
