package io.modelport.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless chromium driven through its chromedriver, with a fresh profile, the
 * browser's console log kept, and screenshots written under {@code target/}. Where
 * chromium or chromedriver is missing the test is skipped, unless
 * {@code -Dmodelport.browser.required=true} (CI) makes that a failure.
 *
 * @author Modelport Team
 */
final class Browser implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

	private final ChromeDriver driver;

	private final Path profile;

	private final String base;

	private final List<String> log = new ArrayList<>();

	private Browser(ChromeDriver driver, Path profile, String base) {
		this.driver = driver;
		this.profile = profile;
		this.base = base;
	}

	/**
	 * Starts a browser for a service.
	 * @param port the service's port on 127.0.0.1
	 * @return the browser
	 */
	static Browser start(int port) {
		Optional<Path> chromium = find("chromium", "chromium-browser");
		Optional<Path> chromedriver = find("chromedriver");
		String missing = "chromium and chromedriver are needed (apt-get install chromium chromium-driver)";
		if (Boolean.getBoolean("modelport.browser.required")) {
			if (chromium.isEmpty() || chromedriver.isEmpty()) {
				throw new IllegalStateException(missing + "; modelport.browser.required=true");
			}
		}
		Assumptions.assumeTrue(chromium.isPresent() && chromedriver.isPresent(), missing + "; skipping");
		try {
			Path profile = Files.createTempDirectory("modelport-chromium");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(chromium.get().toFile());
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1366,900");
			LoggingPreferences logging = new LoggingPreferences();
			logging.enable(LogType.BROWSER, Level.ALL);
			options.setCapability("goog:loggingPrefs", logging);
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(chromedriver.get().toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
			return new Browser(driver, profile, "http://127.0.0.1:" + port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Optional<Path> find(String... names) {
		List<Path> folders = new ArrayList<>(List.of(Path.of("/usr/bin")));
		for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (!entry.isBlank()) {
				folders.add(Path.of(entry));
			}
		}
		return Stream.of(names)
			.flatMap((name) -> folders.stream().map((folder) -> folder.resolve(name)))
			.filter(Files::isExecutable)
			.findFirst();
	}

	WebDriver driver() {
		return this.driver;
	}

	/**
	 * Opens a console page by its fragment and waits until the console has drawn it.
	 * @param fragment for example {@code models} or {@code try/fashion-mnist}
	 */
	void open(String fragment) {
		this.driver.get(this.base + "/console/#/" + fragment);
		waitUntil((d) -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
	}

	/**
	 * Loads a URL of the service (not a console page).
	 * @param path the path
	 */
	void get(String path) {
		this.driver.get(this.base + path);
	}

	WebElement waitFor(By by) {
		return waitFor(by, Duration.ofSeconds(30));
	}

	WebElement waitFor(By by, Duration timeout) {
		return new WebDriverWait(this.driver, timeout).until((d) -> {
			List<WebElement> found = d.findElements(by);
			return (found.isEmpty() || !found.get(0).isDisplayed()) ? null : found.get(0);
		});
	}

	<T> T waitUntil(Function<WebDriver, T> condition) {
		return waitUntil(condition, Duration.ofSeconds(30));
	}

	<T> T waitUntil(Function<WebDriver, T> condition, Duration timeout) {
		return new WebDriverWait(this.driver, timeout).pollingEvery(Duration.ofMillis(100))
			.ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/**
	 * The browser console's errors since the last call (Chrome hands each entry out
	 * once).
	 * @return the SEVERE entries' messages
	 */
	List<String> errors() {
		List<String> errors = new ArrayList<>();
		for (LogEntry entry : this.driver.manage().logs().get(LogType.BROWSER).getAll()) {
			this.log.add(entry.getLevel() + " " + entry.getMessage());
			if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
				errors.add(entry.getMessage());
			}
		}
		return errors;
	}

	/**
	 * Writes a screenshot of the window.
	 * @param name the file name without extension
	 * @return the file
	 */
	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.profile.toFile());
		}
	}

}
