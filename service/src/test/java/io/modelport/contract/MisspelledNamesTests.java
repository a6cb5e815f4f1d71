package io.modelport.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Misspells every query parameter, JSON field (nested objects included) and multipart
 * part of every operation in the service's own OpenAPI document, and requires each
 * misspelling to be refused with 400 naming it: none may be silently accepted and
 * answered with the defaults.
 *
 * @author Modelport Team
 */
class MisspelledNamesTests extends ShippedService {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void everyMisspellingIsRefused() throws Exception {
		JsonNode document = json.readTree(this.http.get("/v3/api-docs").getBody());
		List<String> refused = new ArrayList<>();
		List<String> accepted = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase(Locale.ROOT);
				String target = fill(path.getKey());
				JsonNode spec = operation.getValue();
				for (String misspelled : queryMisspellings(spec)) {
					check(method, target + "?" + misspelled + "=1", spec, null, misspelled, refused, accepted);
				}
				JsonNode content = spec.path("requestBody").path("content");
				JsonNode jsonSchema = content.path("application/json").path("schema");
				if (!jsonSchema.isMissingNode()) {
					for (String body : jsonMisspellings(document, jsonSchema, 0)) {
						check(method, target, spec, body, body, refused, accepted);
					}
				}
				JsonNode multipart = content.path("multipart/form-data").path("schema").path("properties");
				for (String part : multipart.propertyNames()) {
					for (String misspelled : misspell(part, multipart.propertyNames())) {
						check(method, target, spec, "multipart:" + misspelled, misspelled, refused, accepted);
					}
				}
			}
		}
		System.out.println("misspellings refused: " + refused.size() + ", silently accepted: " + accepted.size());
		assertThat(refused).hasSizeGreaterThan(50);
		assertThat(accepted).as("misspellings not refused with 400 naming them").isEmpty();
	}

	private void check(String method, String target, JsonNode spec, String body, String name, List<String> refused,
			List<String> accepted) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + target));
		if (body != null && body.startsWith("multipart:")) {
			String boundary = "misspelled";
			String part = body.substring("multipart:".length());
			String payload = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part
					+ "\"; filename=\"f.png\"\r\nContent-Type: image/png\r\n\r\n" + "x" + "\r\n--" + boundary
					+ "--\r\n";
			request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.method(method, BodyPublishers.ofString(payload));
		}
		else if (body != null) {
			request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(body));
		}
		else {
			String type = declaredType(spec);
			if (type == null) {
				request.method(method, BodyPublishers.noBody());
			}
			else if (type.equals("multipart/form-data")) {
				request.header("Content-Type", "multipart/form-data; boundary=empty")
					.method(method, BodyPublishers.ofString("--empty--\r\n"));
			}
			else {
				request.header("Content-Type", type).method(method, BodyPublishers.ofByteArray(sample(type)));
			}
		}
		var response = this.client.send(request.build(), BodyHandlers.ofString());
		String answer = method + " " + target + " " + ((body != null) ? body + " " : "") + "-> " + response.statusCode()
				+ " " + response.body();
		// The Open Inference Protocol answers errors in its own {"error": "..."} form.
		String kind = target.startsWith("/v2/") ? "\"error\":\"unknown (field|parameter)"
				: "urn:modelport:problem:unknown-(field|parameter)";
		boolean named = response.statusCode() == 400 && response.body().contains(shortName(name))
				&& response.body().matches("(?s).*" + kind + ".*");
		(named ? refused : accepted).add(answer);
	}

	private static String shortName(String name) {
		// A JSON body's misspelled name is the innermost key.
		Matcher key = Pattern.compile("\"([^\"]+)\":1").matcher(name);
		return key.find() ? key.group(1) : name;
	}

	private static String declaredType(JsonNode spec) {
		List<String> types = new ArrayList<>();
		spec.path("requestBody").path("content").propertyNames().forEach(types::add);
		if (types.isEmpty()) {
			return null;
		}
		return types.contains("application/json") ? "application/json" : types.get(0);
	}

	private static byte[] sample(String type) throws IOException {
		if (type.startsWith("image/") || type.equals("application/octet-stream")) {
			return Files.readAllBytes(ROOT.resolve("service/src/test/resources/images/fashion-mnist/trouser.png"));
		}
		return (type.contains("json") ? "{}" : "king").getBytes(StandardCharsets.UTF_8);
	}

	private static List<String> queryMisspellings(JsonNode spec) {
		Set<String> names = new LinkedHashSet<>();
		for (JsonNode parameter : spec.path("parameters")) {
			if ("query".equals(parameter.path("in").asString())) {
				names.add(parameter.path("name").asString());
			}
		}
		List<String> misspellings = new ArrayList<>();
		for (String name : names) {
			misspellings.addAll(misspell(name, names));
		}
		return misspellings;
	}

	// Bodies with one misspelled field each: at the top level and inside every object
	// field whose schema lists its properties.
	private static List<String> jsonMisspellings(JsonNode document, JsonNode schema, int depth) {
		JsonNode resolved = resolve(document, schema);
		JsonNode properties = resolved.path("properties");
		List<String> bodies = new ArrayList<>();
		if (properties.isMissingNode() || depth > 3) {
			return bodies;
		}
		for (String name : properties.propertyNames()) {
			for (String misspelled : misspell(name, properties.propertyNames())) {
				bodies.add("{\"" + misspelled + "\":1}");
			}
			for (String inner : jsonMisspellings(document, properties.get(name), depth + 1)) {
				bodies.add("{\"" + name + "\":" + inner + "}");
			}
		}
		return bodies;
	}

	private static JsonNode resolve(JsonNode document, JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		if (ref.startsWith("#/components/schemas/")) {
			return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
		}
		for (JsonNode option : schema.path("allOf")) {
			if (option.has("$ref")) {
				return resolve(document, option);
			}
		}
		return schema;
	}

	// A dropped last letter and an upper-case first letter: the typos the issue saw.
	private static List<String> misspell(String name, Iterable<String> known) {
		Set<String> all = new LinkedHashSet<>();
		known.forEach(all::add);
		List<String> variants = new ArrayList<>();
		if (name.length() > 2) {
			variants.add(name.substring(0, name.length() - 1));
		}
		variants.add(name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1) + "s");
		variants.removeIf(all::contains);
		return variants;
	}

	private static String fill(String template) {
		Matcher matcher = VARIABLE.matcher(template);
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			String value = switch (matcher.group(1)) {
				case "model", "name" -> "fashion-mnist";
				case "version" -> "1";
				default -> "x";
			};
			matcher.appendReplacement(path, value);
		}
		matcher.appendTail(path);
		return path.toString();
	}

}
