package io.modelport.robustness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the service's own OpenAPI document, generated rather than listed:
 * path variables filled with real names, hostile strings and numbers, the declared query
 * parameters with hostile values, and a body of a declared or a wrong content type.
 *
 * @author Modelport Team
 */
class OpenApiFuzzTests extends ServiceUnderFuzz {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain", "image/png",
			"application/octet-stream", "multipart/form-data", "application/x-www-form-urlencoded", "application/xml",
			"text/event-stream", "garbage", "image/png; charset=utf-8", "*/*");

	@Test
	void everyOperation() {
		List<Operation> operations = operations();
		assertThat(operations).hasSizeGreaterThan(30);
		Fuzz.forAll("OpenAPI operations", operations.size() * Math.max(1, Fuzz.tries() / 5),
				(random) -> accepting(random, Nasty.pick(random, operations).probe(random)), this::handled);
	}

	private static Probe accepting(Random random, Probe probe) {
		if (random.nextInt(3) > 0) {
			return probe;
		}
		return probe.withHeader("Accept",
				Nasty.pick(random,
						List.of("image/png", "text/event-stream", "application/xml", "*/*", "text/plain",
								"application/problem+json", "garbage", "image/*;q=0.5, application/json;q=x",
								"application/json;charset=nonexistent")));
	}

	private List<Operation> operations() {
		JsonNode document = json.readTree(this.http.send(Probe.get("/v3/api-docs")).body());
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				List<String> query = new ArrayList<>();
				for (JsonNode parameter : method.getValue().path("parameters")) {
					if ("query".equals(parameter.path("in").asString())) {
						query.add(parameter.path("name").asString());
					}
				}
				List<String> types = new ArrayList<>();
				method.getValue().path("requestBody").path("content").propertyNames().forEach(types::add);
				operations.add(
						new Operation(method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), query, types));
			}
		}
		return operations;
	}

	/**
	 * One operation of the document.
	 *
	 * @param method the HTTP method
	 * @param template the path template
	 * @param query the query parameter names
	 * @param contentTypes the declared body types
	 */
	private record Operation(String method, String template, List<String> query, List<String> contentTypes) {

		Probe probe(Random random) {
			Matcher matcher = VARIABLE.matcher(this.template);
			StringBuilder path = new StringBuilder();
			while (matcher.find()) {
				matcher.appendReplacement(path, Matcher.quoteReplacement(variable(random, matcher.group(1))));
			}
			matcher.appendTail(path);
			path.append(ImageInputFuzzTests.query(random, this.query));
			if (this.method.equals("GET") || this.method.equals("DELETE")) {
				return new Probe(this.method, path.toString(), null, null, Map.of());
			}
			String type = (!this.contentTypes.isEmpty() && random.nextInt(3) > 0)
					? Nasty.pick(random, this.contentTypes) : Nasty.pick(random, CONTENT_TYPES);
			if (type.startsWith("multipart/")) {
				Multipart parts = new Multipart();
				for (String name : List.of("image", "image1", "image2", "file", "name", "kind")) {
					if (random.nextBoolean()) {
						parts.file(name, "f.bin", "application/octet-stream",
								random.nextBoolean() ? Images.any(random) : Nasty.randomBytes(random, 256));
					}
				}
				return parts.probe(random, this.method, path.toString());
			}
			byte[] body = switch (random.nextInt(3)) {
				case 0 -> Nasty.jsonValue(random, 3).getBytes(StandardCharsets.UTF_8);
				case 1 -> Images.any(random);
				default -> Nasty.randomBytes(random, 512);
			};
			return new Probe(this.method, path.toString(), type, body, Map.of());
		}

		private static String variable(Random random, String name) {
			if (name.equals("model")) {
				return (random.nextInt(3) > 0) ? Nasty.pick(random, FuzzStore.MODELS)
						: Nasty.encode(Nasty.string(random));
			}
			if (name.equals("version")) {
				return Nasty.encode(Nasty.number(random));
			}
			return Nasty.encode(random.nextBoolean() ? Nasty.string(random) : Nasty.pick(random, Nasty.TRAVERSALS));
		}

	}

}
