package io.modelport;

import java.time.Duration;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import io.modelport.registry.ModelRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resolves a {@link LocalHttp} parameter of an {@link IntegrationTest}: a client of the
 * service the test's context started, returned once the service is ready and none of the
 * shared store's models is still loading (readiness waits only for required models).
 *
 * @author Modelport Team
 */
class LocalHttpResolver implements ParameterResolver {

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
		return parameter.getParameter().getType() == LocalHttp.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
		ApplicationContext context = SpringExtension.getApplicationContext(extension);
		LocalHttp http = LocalHttp
			.ready(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
		assertThat(context.getBean(ModelRegistry.class).awaitLoaded(Duration.ofSeconds(120)))
			.as("every model of the test store loaded or failed")
			.isTrue();
		return http;
	}

}
