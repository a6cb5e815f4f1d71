package io.modelport.words;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Tokenizer} and {@link TokenizerSettings}.
 *
 * @author Modelport Team
 */
class TokenizerTests {

	@Test
	void theDefaultKeepsWordsLowerCasedAndDropsPunctuation() {
		Tokenizer tokenizer = new Tokenizer(TokenizerSettings.DEFAULT);
		assertThat(tokenizer.tokenize("The dessert is EXCELLENT, isn't it? Café-au-lait 42!")).containsExactly("the",
				"dessert", "is", "excellent", "isn't", "it", "café-au-lait", "42");
	}

	@Test
	void whitespaceTokensKeepCaseAndUnderscores() {
		Tokenizer tokenizer = new Tokenizer(TokenizerSettings.WHITESPACE);
		assertThat(tokenizer.tokenize("  New_York is\tbig.\n")).containsExactly("New_York", "is", "big.");
		assertThat(tokenizer.normalize("King")).isEqualTo("King");
	}

	@Test
	void lowerCasingIgnoresTheDefaultLocale() {
		// With a Turkish locale, "I".toLowerCase() would be a dotless ı.
		assertThat(new Tokenizer(TokenizerSettings.DEFAULT).normalize("INDIA")).isEqualTo("india");
	}

	@Test
	void settingsSurviveTheDescriptorParameters() {
		TokenizerSettings settings = new TokenizerSettings(false, "[a-z]+");
		Map<String, Object> parameters = settings.toParameters();
		assertThat(parameters).containsEntry("lowercase", false).containsEntry("tokenPattern", "[a-z]+");
		assertThat(TokenizerSettings.fromParameters(parameters)).isEqualTo(settings);
		assertThat(TokenizerSettings.fromParameters(Map.of())).isEqualTo(TokenizerSettings.DEFAULT);
	}

	@Test
	void invalidSettingsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenizerSettings(true, "[a-"))
			.withMessageContaining("not a valid regular expression");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TokenizerSettings.fromParameters(Map.of("lowercase", "yes")))
			.withMessageContaining("lowercase");
	}

}
