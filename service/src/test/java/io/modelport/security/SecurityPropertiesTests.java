package io.modelport.security;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@code modelport.security.open-scopes} binds: inference alone by default, a list,
 * and an empty value that closes every scope.
 *
 * @author Modelport Team
 */
class SecurityPropertiesTests {

	@Test
	void onlyInferenceIsOpenByDefault() {
		assertThat(bind(Map.of()).openScopes()).containsExactly(Scope.INFERENCE);
		assertThat(bind(Map.of()).keysFile()).isNull();
	}

	@Test
	void scopesAreAListAndAnEmptyValueClosesThemAll() {
		assertThat(bind(Map.of("modelport.security.open-scopes", "inference,management,training")).openScopes())
			.containsExactlyInAnyOrder(Scope.INFERENCE, Scope.MANAGEMENT, Scope.TRAINING);
		assertThat(bind(Map.of("modelport.security.open-scopes", "TRAINING")).openScopes())
			.containsExactly(Scope.TRAINING);
		assertThat(bind(Map.of("modelport.security.open-scopes", "")).openScopes()).isEmpty();
	}

	private static SecurityProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("modelport.security",
				SecurityProperties.class);
	}

}
