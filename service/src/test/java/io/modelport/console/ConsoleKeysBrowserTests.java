package io.modelport.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.modelport.Fixtures;
import io.modelport.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console behind API keys (not the local profile): it asks for a key, keeps it in the
 * tab's session storage, and shows only what the key may do; a key without the training
 * scope gets no training form.
 *
 * @author Modelport Team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "modelport.security.open-scopes=", "modelport.security.keys-check-interval=100ms" })
@SlowTest
class ConsoleKeysBrowserTests {

	private static final Path ROOT = ConsoleFixtures.serviceRoot("modelport-console-keys");

	private static final String VIEWER = "mp_viewer_console-test-viewer-key-0001";

	private static final String TRAINER = "mp_trainer_console-test-trainer-key-0002";

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) throws IOException {
		Path store = ROOT.resolve("store");
		Files.createDirectories(store);
		Fixtures.copyTree(Fixtures.MODEL_STORE, store);
		ConsoleFixtures.register(registry, ROOT);
		Path keys = ROOT.resolve("keys");
		Files.writeString(keys,
				String.join("\n", "# keys of ConsoleKeysBrowserTests",
						"viewer sha256:" + sha256(VIEWER) + " inference,management",
						"trainer sha256:" + sha256(TRAINER) + " inference,training", ""));
		registry.add("modelport.security.keys-file", keys::toString);
	}

	@Test
	void theConsoleAsksForAKeyAndShowsOnlyWhatItMayDo() {
		try (Browser b = Browser.start(this.port)) {
			b.open("models");
			// Every scope is closed: the key dialog opens by itself.
			WebElement input = b.waitFor(By.id("key-input"));
			input.sendKeys("mp_wrong_not-a-key");
			b.driver().findElement(By.id("key-save")).click();
			assertThat(b.waitFor(By.cssSelector(".key-problem")).getText()).contains("not valid");
			b.screenshot("keys-refused");

			b.driver().findElement(By.cssSelector("#access button")).click();
			b.waitFor(By.id("key-input")).sendKeys(VIEWER);
			b.driver().findElement(By.id("key-save")).click();
			b.waitFor(By.cssSelector("section.model[data-model='tiny-fashion']"));
			assertThat(b.script("return sessionStorage.getItem('modelport.apiKey')")).isEqualTo(VIEWER);
			assertThat(b.driver().findElement(By.cssSelector("#nav a[data-page=training]")).isDisplayed()).isFalse();
			assertThat(b.driver().findElements(By.cssSelector("button[data-action=reload]"))).isNotEmpty();
			b.open("training");
			b.waitFor(By.xpath("//h1[contains(., 'Not available')]"));
			assertThat(b.driver().findElements(By.id("job-form"))).isEmpty();
			b.screenshot("keys-no-training");

			b.driver().findElement(By.cssSelector("#access button")).click();
			b.waitFor(By.id("key-input")).sendKeys(TRAINER);
			b.driver().findElement(By.id("key-save")).click();
			b.waitFor(By.id("job-form"));
			assertThat(b.driver().findElement(By.cssSelector("#nav a[data-page=ops]")).isDisplayed()).isFalse();
			b.open("models");
			b.waitFor(By.cssSelector("section.model[data-model='tiny-fashion']"));
			assertThat(b.driver().findElements(By.cssSelector("button[data-action=reload]"))).isEmpty();
			// The only console errors are the refused probes of the scopes a key lacks.
			List<String> errors = b.errors();
			assertThat(errors).allSatisfy((error) -> assertThat(error).containsAnyOf("status of 401", "status of 403"));
		}
	}

	private static String sha256(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
