package io.modelport.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The scope every endpoint needs, by path: the same path patterns, matched the same way,
 * as Spring MVC's handler mappings, so a request is classified by the path that will
 * choose its handler. All methods of a path share its scope, so a wrong method still gets
 * its 405. A path no rule names needs {@link Scope#MANAGEMENT}: a new endpoint is closed
 * until it is classified here ({@code EndpointScopesTests} fails for any handler mapping
 * that is not).
 *
 * @author Modelport Team
 */
final class EndpointScopes {

	private static final String MODEL = "/api/v1/models/{model}";

	private static final String VERSION = MODEL + "/versions/{version}";

	private final List<Rule> rules = new ArrayList<>();

	EndpointScopes() {
		// Probes, scraping and the API description: what load balancers, Prometheus
		// and people reading the docs need without a key.
		open("/", "/actuator", "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
				"/livez", "/readyz", "/v2/health/live", "/v2/health/ready", "/v3/api-docs", "/v3/api-docs/**",
				"/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/error");
		// The web console's static pages and scripts: they hold no data, and every call
		// they make to the API presents the user's key like any other client.
		open("/console", "/console/", "/console/**");
		// Changing what is served, taking a model's weights out, the face gallery, whose
		// identity names are personal data, and what tells an attacker most about the
		// server: every meter and the dependency list (SBOM).
		scope(Scope.MANAGEMENT, MODEL + "/reload", VERSION + "/promote", MODEL + "/vectors", VERSION + "/vectors",
				MODEL + "/gallery", MODEL + "/gallery/{identity}", "/actuator/metrics", "/actuator/metrics/**",
				"/actuator/sbom", "/actuator/sbom/**");
		scope(Scope.TRAINING, "/api/v1/training-jobs", "/api/v1/training-jobs/**", "/api/v1/datasets",
				"/api/v1/datasets/**");
		scope(Scope.INFERENCE, "/api/v1/models", MODEL, MODEL + "/classify", MODEL + "/detect", MODEL + "/faces/detect",
				MODEL + "/embed", MODEL + "/verify", MODEL + "/identify", MODEL + "/translate", MODEL + "/analogy",
				MODEL + "/similarity", MODEL + "/words/{word}", MODEL + "/words/{word}/similar", VERSION + "/report",
				VERSION + "/report/{file}", "/v2", "/v2/models/**");
	}

	/**
	 * Finds the rule for a path.
	 * @param path the path within the application, as Spring MVC matches it
	 * @return the first rule whose pattern matches, empty for an unclassified path
	 */
	Optional<Rule> match(PathContainer path) {
		for (Rule rule : this.rules) {
			if (rule.pattern().matches(path)) {
				return Optional.of(rule);
			}
		}
		return Optional.empty();
	}

	/**
	 * The scope a path needs.
	 * @param path the path within the application
	 * @return the scope, or empty when the path is public
	 */
	Optional<Scope> required(PathContainer path) {
		return match(path).map(Rule::scope).orElse(Optional.of(Scope.MANAGEMENT));
	}

	private void open(String... patterns) {
		add(Optional.empty(), patterns);
	}

	private void scope(Scope scope, String... patterns) {
		add(Optional.of(scope), patterns);
	}

	private void add(Optional<Scope> scope, String... patterns) {
		for (String pattern : patterns) {
			this.rules.add(new Rule(PathPatternParser.defaultInstance.parse(pattern), scope));
		}
	}

	/**
	 * A path pattern and what it needs.
	 *
	 * @param pattern the pattern
	 * @param scope the scope, or empty when public
	 */
	record Rule(PathPattern pattern, Optional<Scope> scope) {

	}

}
