package io.modelport.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.Fixtures;
import io.modelport.IntegrationTest;
import io.modelport.LocalHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Checks the files under the repository's {@code monitoring/} against the service: every
 * PromQL expression of the Grafana dashboard is valid (promtool has no Grafana, so each
 * becomes a {@code record:} rule that {@code promtool check rules} parses), and every
 * metric that the dashboard and the alert rules name is in a real scrape of the running
 * service. The promtool check is skipped where promtool is absent, unless
 * {@code -Dmodelport.promtool.required=true} (CI installs it).
 *
 * @author Modelport Team
 */
@IntegrationTest
class MonitoringFilesTests {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"and", "or", "unless", "bool", "offset", "inf", "nan");

	/** Series that Prometheus itself writes, never the service. */
	private static final Set<String> PROMETHEUS_SERIES = Set.of("up");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final LocalHttp http;

	MonitoringFilesTests(LocalHttp http) {
		this.http = http;
	}

	@Test
	void theDashboardIsWellFormed() throws IOException {
		JsonNode dashboard = json.readTree(MonitoringFiles.DASHBOARD.toFile());
		assertThat(dashboard.get("uid").asString()).isEqualTo("modelport");
		List<String> variables = new ArrayList<>();
		dashboard.get("templating").get("list").forEach((variable) -> variables.add(variable.get("name").asString()));
		assertThat(variables).contains("DS_PROMETHEUS");
		Set<Integer> ids = new HashSet<>();
		for (JsonNode panel : dashboard.get("panels")) {
			assertThat(ids.add(panel.get("id").asInt())).as("panel id %s is unique", panel.get("id")).isTrue();
			if (!panel.get("type").asString().equals("row")) {
				// A panel bound to a fixed uid would break on any Grafana but the one it
				// was drawn on.
				assertThat(panel.get("datasource").get("uid").asString()).as(panel.get("title").asString())
					.isEqualTo("${DS_PROMETHEUS}");
				assertThat(panel.get("targets")).as(panel.get("title").asString()).isNotEmpty();
			}
		}
		assertThat(MonitoringFiles.dashboardExpressions()).hasSizeGreaterThan(20);
	}

	@Test
	void everyDashboardExpressionIsValidPromQl(@TempDir Path dir) throws Exception {
		String promtool = Executables.require("promtool", "modelport.promtool.required");
		StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
		int index = 0;
		for (String expression : MonitoringFiles.dashboardExpressions()) {
			// A JSON string is a valid YAML scalar, and keeps quotes and braces intact.
			rules.append("      - record: dashboard:expression_")
				.append(++index)
				.append("\n        expr: ")
				.append(json.writeValueAsString(MonitoringFiles.substituteVariables(expression)))
				.append('\n');
		}
		Path file = dir.resolve("dashboard-rules.yml");
		Files.writeString(file, rules);
		Process process = new ProcessBuilder(promtool, "check", "rules", file.toString()).redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("SUCCESS: " + index + " rules found");
	}

	@Test
	void everyMetricTheDashboardAndAlertsUseIsScraped() throws IOException {
		// The inference meters are registered with a model's queue; one request also
		// fills the request histograms.
		assertThat(this.http
			.post("/api/v1/models/" + Fixtures.TINY_MODEL + "/classify", MediaType.IMAGE_PNG,
					Fixtures.image("trouser.png"))
			.getStatusCode()
			.value()).isEqualTo(200);
		// Micrometer registers the GC pause timer at the JVM's first collection, which a
		// fresh test JVM may not have had yet.
		System.gc();
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> scrapedNames(this.http.get("/actuator/prometheus").getBody())
				.contains("jvm_gc_pause_seconds_sum"));
		Set<String> scraped = scrapedNames(this.http.get("/actuator/prometheus").getBody());
		Set<String> used = new LinkedHashSet<>();
		for (String expression : MonitoringFiles.dashboardExpressions()) {
			used.addAll(metricNames(MonitoringFiles.substituteVariables(expression)));
		}
		Set<String> alertMetrics = new LinkedHashSet<>();
		for (String expression : MonitoringFiles.alertExpressions().values()) {
			alertMetrics.addAll(metricNames(expression));
		}
		assertThat(alertMetrics).contains("modelport_inference_seconds_count", "modelport_inference_queue_depth",
				"modelport_model_versions", "modelport_training_jobs");
		used.addAll(alertMetrics);
		used.removeAll(PROMETHEUS_SERIES);
		assertThat(scraped).containsAll(used);
	}

	@Test
	void metricNamesAreTakenFromExpressions() {
		assertThat(metricNames("histogram_quantile(0.99, sum by (model, le) (rate(a_bucket{outcome=\"x|y\"}[5m])))"
				+ " / on (model) group_left b_total > bool 0.5 or c offset 1m"))
			.containsExactlyInAnyOrder("a_bucket", "b_total", "c");
	}

	private static Set<String> scrapedNames(String exposition) {
		Set<String> names = new HashSet<>();
		for (String line : exposition.split("\n")) {
			Matcher matcher = IDENTIFIER.matcher(line);
			if (!line.startsWith("#") && matcher.lookingAt()) {
				names.add(matcher.group());
			}
		}
		return names;
	}

	/**
	 * Drops what is not a metric name: string literals (label values), label matchers,
	 * grouping clauses, ranges, function names and keywords.
	 */
	static Set<String> metricNames(String expression) {
		String stripped = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
			.replaceAll("\\{[^}]*\\}", " ")
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
			.replaceAll("\\[[^\\]]*\\]", " ");
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = IDENTIFIER.matcher(stripped);
		while (matcher.find()) {
			String name = matcher.group();
			boolean call = stripped.substring(matcher.end()).stripLeading().startsWith("(");
			boolean number = matcher.start() > 0 && Character.isDigit(stripped.charAt(matcher.start() - 1));
			if (!call && !number && !KEYWORDS.contains(name.toLowerCase())) {
				names.add(name);
			}
		}
		return names;
	}

}
