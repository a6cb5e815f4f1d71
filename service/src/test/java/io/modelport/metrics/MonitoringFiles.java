package io.modelport.metrics;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the repository's {@code monitoring/} folder: the PromQL of the Grafana dashboard
 * and of the alert rules, as the tests check them.
 *
 * @author Modelport Team
 */
final class MonitoringFiles {

	static final Path MONITORING = Path.of(System.getProperty("modelport.repository", ".."), "monitoring");

	static final Path DASHBOARD = MONITORING.resolve("grafana/dashboards/modelport.json");

	static final Path ALERTS = MONITORING.resolve("alerts.yml");

	static final Path PROMETHEUS_CONFIG = MONITORING.resolve("prometheus.yml");

	/** Grafana's variables: the interval ones become a duration, the others a regex. */
	private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)(?::\\w+)?\\}?");

	private static final JsonMapper json = JsonMapper.builder().build();

	private MonitoringFiles() {
	}

	/**
	 * Replaces Grafana's variables the way a dashboard showing everything would: every
	 * instance and model, a 5-minute rate window.
	 * @param expression a panel's expression
	 * @return plain PromQL
	 */
	static String substituteVariables(String expression) {
		return VARIABLE.matcher(expression)
			.replaceAll((match) -> match.group(1).startsWith("__") ? "5m" : Matcher.quoteReplacement(".*"));
	}

	/**
	 * Every panel's expressions, variables left in.
	 * @return the expressions in panel order
	 * @throws IOException when the dashboard cannot be read
	 */
	static List<String> dashboardExpressions() throws IOException {
		List<String> expressions = new ArrayList<>();
		for (JsonNode panel : json.readTree(DASHBOARD.toFile()).get("panels")) {
			JsonNode targets = panel.get("targets");
			if (targets != null) {
				targets.forEach((target) -> expressions.add(target.get("expr").asString()));
			}
		}
		return expressions;
	}

	/**
	 * Every alert rule's expression, by alert name.
	 * @return the expressions in file order
	 * @throws IOException when the rules cannot be read
	 */
	@SuppressWarnings("unchecked")
	static Map<String, String> alertExpressions() throws IOException {
		Map<String, String> expressions = new LinkedHashMap<>();
		try (Reader reader = Files.newBufferedReader(ALERTS)) {
			Map<String, Object> root = new Yaml().load(reader);
			for (Map<String, Object> group : (List<Map<String, Object>>) root.get("groups")) {
				for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
					expressions.put(rule.get("alert").toString(), rule.get("expr").toString());
				}
			}
		}
		if (expressions.isEmpty()) {
			throw new IllegalStateException("no alert rules in " + ALERTS);
		}
		return expressions;
	}

}
