package io.modelport.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.modelport.Fixtures;
import io.modelport.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser (headless chromium) against the service on a free port,
 * in the local profile, serving a copy of the shipped model store: every page loads
 * without console errors, an image is classified, a scene gets boxes, a version is
 * promoted, and a one-epoch training job's curve grows until it succeeds.
 *
 * @author Modelport Team
 */
@SlowTest
@AutoConfigureMetrics
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT, properties = "modelport.training.worker-heap=384m")
@ActiveProfiles("local")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTests {

	private static final Path ROOT = ConsoleFixtures.serviceRoot("modelport-console");

	private static final int PORT = ConsoleFixtures.freePort();

	private static final Path SHIPPED = Path.of(System.getProperty("modelport.repository", ".."), "model-store");

	private static Browser browser;

	@LocalServerPort
	private int port;

	@Autowired
	private ServletWebServerApplicationContext context;

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		Fixtures.copyTree(SHIPPED, ROOT.resolve("store"));
		ConsoleFixtures.register(registry, ROOT);
		registry.add("server.port", () -> PORT);
	}

	@BeforeAll
	static void noBrowserYet() {
		browser = null;
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	private Browser browser() {
		if (browser == null) {
			browser = Browser.start(this.port);
		}
		return browser;
	}

	@Test
	@Order(1)
	void everyPageLoadsWithoutConsoleErrors() {
		Browser b = browser();
		b.open("models");
		b.waitFor(By.cssSelector("section.model[data-model='fashion-mnist'] table.versions"));
		b.screenshot("models");
		b.open("models/fashion-mnist");
		b.waitFor(By.cssSelector(".report-pane svg.heatmap"));
		b.screenshot("models-report");
		b.open("models/orl-faces");
		b.waitUntil((d) -> d.findElements(By.cssSelector(".report-pane img.report-image"))
			.stream()
			.anyMatch((img) -> img.getDomProperty("src").startsWith("blob:")));
		b.open("try");
		b.waitFor(By.id("try-model"));
		b.open("training");
		b.waitFor(By.id("job-form"));
		b.screenshot("training");
		b.open("ops");
		b.waitFor(By.cssSelector("table.ops tbody tr"));
		assertThat(b.errors()).isEmpty();
	}

	@Test
	@Order(2)
	void anUploadedImageGetsTheRightTopLabel() {
		Browser b = browser();
		b.open("try/fashion-mnist");
		WebElement file = b.waitFor(By.cssSelector("#classify-form input[type=file]"));
		file.sendKeys(Fixtures.IMAGES.resolve("trouser.png").toAbsolutePath().toString());
		b.driver().findElement(By.cssSelector("#classify-form button[type=submit]")).click();
		WebElement label = b.waitFor(By.id("top-label"));
		assertThat(label.getText()).isEqualTo("Trouser");
		assertThat(b.driver().findElement(By.cssSelector("pre.curl")).getText())
			.contains("/api/v1/models/fashion-mnist/classify", "-F 'image=@trouser.png'");
		b.screenshot("try-classifier");
		assertThat(b.errors()).isEmpty();
	}

	@Test
	@Order(3)
	void aSceneGetsBoxesThatTheSliderFilters() {
		Browser b = browser();
		b.open("try/fashion-scenes");
		WebElement file = b.waitFor(By.cssSelector("#detect-form input[type=file]"));
		file.sendKeys(ConsoleFixtures.SCENES.resolve("scene-1.png").toAbsolutePath().toString());
		b.driver().findElement(By.cssSelector("#detect-form button[type=submit]")).click();
		WebElement canvas = b.waitFor(By.id("detections"));
		int boxes = Integer.parseInt(canvas.getDomAttribute("data-boxes"));
		assertThat(boxes).isPositive();
		b.screenshot("try-detector");
		// The slider at its top filters every box out without asking the server again.
		b.script(
				"const s = document.getElementById('score-slider'); s.value = 1; s.dispatchEvent(new Event('input'));");
		assertThat(Integer.parseInt(canvas.getDomAttribute("data-boxes"))).isLessThan(boxes);
		assertThat(b.errors()).isEmpty();
	}

	@Test
	@Order(4)
	void promotingAVersionChangesTheDefault() {
		Browser b = browser();
		b.open("models");
		By card = By.cssSelector("section.model[data-model='fashion-mnist']");
		assertThat(b.waitFor(card).getDomAttribute("data-default-version")).isEqualTo("2");
		b.driver()
			.findElement(By.cssSelector("section.model[data-model='fashion-mnist'] button[data-action=promote]"))
			.click();
		b.waitFor(By.id("confirm-ok")).click();
		b.waitUntil((d) -> "1".equals(d.findElement(card).getDomAttribute("data-default-version")));
		assertThat(b.driver().findElement(card).getText()).contains("default v1");
		assertThat(b.errors()).isEmpty();
	}

	@Test
	@Order(5)
	void aOneEpochJobsCurveGrowsUntilItSucceeds() throws Exception {
		Browser b = browser();
		b.open("training");
		Path zip = ROOT.resolve("shapes.zip");
		Files.write(zip, Fixtures.shapesIdxZip(600, 100));
		b.waitFor(By.cssSelector("#dataset-form input[name=name]")).sendKeys("shapes");
		new Select(b.driver().findElement(By.cssSelector("#dataset-form select[name=kind]"))).selectByValue("idx");
		b.driver().findElement(By.cssSelector("#dataset-form input[type=file]")).sendKeys(zip.toString());
		b.driver().findElement(By.cssSelector("#dataset-form button[type=submit]")).click();
		b.waitUntil((d) -> d.findElements(By.cssSelector("#job-form select[name=dataset] option[value=shapes]"))
			.size() == 1);

		new Select(b.driver().findElement(By.cssSelector("#job-form select[name=task]"))).selectByValue("classifier");
		set(b, "#job-form input[name=model]", "shapes-model");
		new Select(b.driver().findElement(By.cssSelector("#job-form select[name=dataset]"))).selectByValue("shapes");
		set(b, "#job-form input[name='settings.epochs']", "1");
		set(b, "#job-form input[name='settings.batchSize']", "32");
		set(b, "#job-form textarea[name='architecture.parameters']", "{\"filters\": [4, 8], \"dense\": 16}");
		b.driver().findElement(By.cssSelector("#job-form button[type=submit]")).click();

		b.waitFor(By.cssSelector("[data-job-state]"));
		List<Integer> counts = new java.util.ArrayList<>();
		b.waitUntil((d) -> {
			String points = d.findElement(By.cssSelector("figure.chart[data-series=loss]"))
				.getDomAttribute("data-points");
			counts.add(Integer.parseInt(points));
			String state = d.findElement(By.cssSelector("[data-job-state]")).getDomAttribute("data-job-state");
			return "SUCCEEDED".equals(state) || "FAILED".equals(state) || "CANCELLED".equals(state);
		}, Duration.ofMinutes(4));
		b.screenshot("training-job");
		assertThat(b.driver().findElement(By.cssSelector("[data-job-state]")).getDomAttribute("data-job-state"))
			.isEqualTo("SUCCEEDED");
		assertThat(counts.get(0)).isZero();
		assertThat(counts.get(counts.size() - 1)).isPositive();
		assertThat(b.driver().findElement(By.cssSelector("a.result-version")).getDomAttribute("href"))
			.isEqualTo("#/models/shapes-model/1");
		assertThat(b.errors()).isEmpty();
	}

	@Test
	@Order(6)
	void anOutOfRangeValueIsShownNextToItsField() {
		Browser b = browser();
		b.open("training");
		b.waitFor(By.cssSelector("#job-form select[name=dataset] option[value=shapes]"));
		new Select(b.driver().findElement(By.cssSelector("#job-form select[name=dataset]"))).selectByValue("shapes");
		set(b, "#job-form input[name=model]", "shapes-model");
		set(b, "#job-form input[name='settings.epochs']", "5000");
		// The browser's own range check is what a user meets first; turn it off to see
		// the server's.
		b.script("document.getElementById('job-form').noValidate = true;");
		b.driver().findElement(By.cssSelector("#job-form button[type=submit]")).click();
		WebElement error = b.waitFor(By
			.id(b.driver().findElement(By.cssSelector("#job-form input[name='settings.epochs']")).getDomAttribute("id")
					+ "-error"));
		assertThat(error.getText()).contains("between 1 and 1000");
		assertThat(b.errors()).allSatisfy((e) -> assertThat(e).contains("status of 400"));
	}

	@Test
	@Order(7)
	void wordsTranslationsAndFacesAnswerInTheirForms() {
		Browser b = browser();
		b.open("try/kjv-words");
		b.waitFor(By.cssSelector("#similar-form button[type=submit]")).click();
		assertThat(b.waitFor(By.cssSelector(".answer table.bars")).findElements(By.cssSelector("tbody tr")))
			.hasSize(10);
		b.driver().findElement(By.cssSelector("#analogy-form button[type=submit]")).click();
		b.waitFor(By.xpath("//div[contains(@class, 'answer')]/h2[contains(., 'father : son :: mother')]"));

		b.open("try/dates");
		set(b, "#translate-form input[name=text]", "14 august 2085");
		b.driver().findElement(By.cssSelector("#translate-form button[type=submit]")).click();
		assertThat(b.waitFor(By.id("translation")).getText()).isEqualTo("2085-08-14");
		assertThat(b.driver().findElements(By.cssSelector(".answer svg.heatmap"))).hasSize(1);
		b.screenshot("try-translator");

		b.open("try/orl-faces");
		String face = Fixtures.IMAGES.resolve("shirt.png").toAbsolutePath().toString();
		b.waitFor(By.cssSelector("#verify-form input[name=image1]")).sendKeys(face);
		b.driver().findElement(By.cssSelector("#verify-form input[name=image2]")).sendKeys(face);
		b.driver().findElement(By.cssSelector("#verify-form button[type=submit]")).click();
		assertThat(b.waitFor(By.cssSelector(".answer .verdict")).getText()).isEqualTo("Same person");
		assertThat(b.driver().findElements(By.cssSelector(".answer svg.gauge"))).hasSize(1);
		assertThat(b.errors()).isEmpty();
	}

	@Test
	@Order(8)
	void aFileThatIsNoImageGetsTheServersDetailNextToTheField() throws Exception {
		Browser b = browser();
		b.open("try/fashion-mnist");
		Path text = ROOT.resolve("not-an-image.png");
		Files.writeString(text, "plain text, not a PNG");
		b.waitFor(By.cssSelector("#classify-form input[type=file]")).sendKeys(text.toString());
		b.driver().findElement(By.cssSelector("#classify-form button[type=submit]")).click();
		WebElement input = b.driver().findElement(By.cssSelector("#classify-form input[type=file]"));
		WebElement error = b.waitFor(By.id(input.getDomAttribute("id") + "-error"));
		assertThat(error.getText()).isNotBlank();
		assertThat(input.getDomAttribute("aria-invalid")).isEqualTo("true");
		b.screenshot("try-bad-file");
		assertThat(b.errors()).allSatisfy((e) -> assertThat(e).containsAnyOf("status of 400", "status of 415"));
	}

	@Test
	@Order(9)
	void operationsShowTheRequestsMadeWithLatencyPercentiles() {
		Browser b = browser();
		b.open("ops");
		WebElement row = b.waitFor(By.cssSelector("table.ops tr[data-model='fashion-mnist']"));
		List<WebElement> cells = row.findElements(By.tagName("td"));
		assertThat(Integer.parseInt(cells.get(1).getText())).isPositive();
		assertThat(cells.get(3).getText()).endsWith("ms");
		assertThat(cells.get(5).getText()).endsWith("ms");
		b.screenshot("operations");
		assertThat(b.errors()).isEmpty();
	}

	@Test
	@Order(10)
	void aPageOpenWhileTheServerStopsSaysSoAndRecoversWhenItIsBack() {
		Browser b = browser();
		b.open("models");
		b.waitFor(By.cssSelector("section.model[data-model='fashion-mnist']"));
		WebServer server = this.context.getWebServer();
		server.stop();
		try {
			// Any call now fails: moving to another page makes one.
			b.script("location.hash = '#/try/fashion-mnist';");
			assertThat(b.waitFor(By.id("banner")).getText()).contains("cannot be reached", "retrying");
			b.screenshot("offline");
		}
		finally {
			server.start();
		}
		b.waitUntil((d) -> !d.findElement(By.id("banner")).isDisplayed(), Duration.ofSeconds(60));
		b.waitFor(By.cssSelector("#classify-form input[type=file]"));
		assertThat(b.errors()).allSatisfy((e) -> assertThat(e).contains("ERR_CONNECTION_REFUSED"));
	}

	private static void set(Browser b, String css, String value) {
		WebElement input = b.driver().findElement(By.cssSelector(css));
		input.clear();
		input.sendKeys(value);
	}

}
