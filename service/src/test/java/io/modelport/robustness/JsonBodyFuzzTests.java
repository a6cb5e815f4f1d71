package io.modelport.robustness;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * Every JSON endpoint against bodies built from its own field names with plausible and
 * hostile values (wrong types, NaN, huge and negative numbers, long and odd strings), and
 * against structurally broken JSON: deep nesting, truncation, invalid UTF-8, other
 * top-level types.
 *
 * @author Modelport Team
 */
class JsonBodyFuzzTests extends ServiceUnderFuzz {

	private static final String MODELS = "/api/v1/models/";

	/** Each JSON endpoint: its path and, per field, a generator of a plausible value. */
	private static final Map<String, Map<String, Function<Random, String>>> ENDPOINTS = endpoints();

	@Test
	void fieldsWithHostileValues() {
		Fuzz.forAll("JSON fields", Fuzz.tries() * 4, (random) -> {
			String path = Nasty.pick(random, List.copyOf(ENDPOINTS.keySet()));
			StringBuilder body = new StringBuilder("{");
			ENDPOINTS.get(path).forEach((field, plausible) -> {
				if (random.nextInt(4) == 0) {
					return;
				}
				String value = switch (random.nextInt(3)) {
					case 0 -> plausible.apply(random);
					case 1 -> Nasty.jsonNumber(random);
					default -> Nasty.jsonValue(random, 2);
				};
				body.append((body.length() > 1) ? "," : "").append(Nasty.jsonString(field)).append(':').append(value);
			});
			return json(path, body.append('}').toString());
		}, this::handled);
	}

	@Test
	void brokenJson() {
		Fuzz.forAll("broken JSON", Fuzz.tries() * 2, (random) -> {
			String path = Nasty.pick(random, List.copyOf(ENDPOINTS.keySet()));
			String valid = "{\"image\":\"" + base64(Images.PNG) + "\",\"text\":\"3 Mar 2021\",\"a\":\"man\"}";
			byte[] body = switch (random.nextInt(7)) {
				case 0 -> Nasty.deepJson(random, 10_000).getBytes(StandardCharsets.UTF_8);
				case 1 -> ("{\"inputs\":" + Nasty.deepJson(random, 100 + random.nextInt(2000)) + "}")
					.getBytes(StandardCharsets.UTF_8);
				case 2 -> valid.substring(0, random.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8);
				case 3 -> Nasty.invalidUtf8(random, valid);
				case 4 -> Nasty.jsonValue(random, 3).getBytes(StandardCharsets.UTF_8);
				case 5 -> ("{\"text\":\"" + "\\u0000".repeat(1 + random.nextInt(50_000)) + "\"}")
					.getBytes(StandardCharsets.UTF_8);
				default -> Nasty.randomBytes(random, 512);
			};
			String type = Nasty.pick(random,
					List.of("application/json", "application/json; charset=utf-8", "application/json; charset=latin1",
							"application/json; charset=nonexistent-9", "application/json;charset=\"utf-16\"",
							"application/problem+json", "application/x-ndjson"));
			return new Probe(path.startsWith(MODELS + FuzzStore.FACES + "/gallery") ? "PUT" : "POST", path, type, body,
					Map.of());
		}, this::handled);
	}

	private static Probe json(String path, String body) {
		return new Probe(path.startsWith(MODELS + FuzzStore.FACES + "/gallery") ? "PUT" : "POST", path,
				"application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
	}

	private static Map<String, Map<String, Function<Random, String>>> endpoints() {
		Function<Random, String> image = (random) -> "\"" + base64(Images.any(random)) + "\"";
		Function<Random, String> small = (random) -> Integer.toString(random.nextInt(5));
		Function<Random, String> fraction = (random) -> Double.toString(random.nextDouble());
		Function<Random, String> word = (random) -> Nasty
			.jsonString(Nasty.pick(random, List.of("man", "woman", "king", "queen", "apple", "nope")));
		Function<Random, String> text = (random) -> Nasty
			.jsonString(random.nextBoolean() ? "3 Mar 2021" : Nasty.string(random));
		Map<String, Map<String, Function<Random, String>>> endpoints = new LinkedHashMap<>();
		endpoints.put(MODELS + FuzzStore.CLASSIFIER + "/classify",
				Map.of("image", image, "topK", small, "version", small));
		endpoints.put(MODELS + FuzzStore.DETECTOR + "/detect",
				Map.of("image", image, "scoreThreshold", fraction, "iouThreshold", fraction, "maxDetections", small,
						"classes", (random) -> "[\"a\"," + Nasty.jsonString(Nasty.string(random)) + "]", "version",
						small));
		endpoints.put(MODELS + FuzzStore.FACES + "/embed", Map.of("image", image, "version", small));
		endpoints.put(MODELS + FuzzStore.FACES + "/verify",
				Map.of("image1", image, "image2", image, "threshold", fraction, "version", small));
		endpoints.put(MODELS + FuzzStore.FACES + "/identify",
				Map.of("image", image, "topK", small, "threshold", fraction, "version", small));
		endpoints.put(MODELS + FuzzStore.FACES + "/gallery/fuzzed",
				Map.of("images", (random) -> "[" + image.apply(random) + "]", "version", small));
		endpoints.put(MODELS + FuzzStore.WORDS + "/analogy", Map.of("a", word, "b", word, "c", word, "k", small));
		endpoints.put(MODELS + FuzzStore.TRANSLATOR + "/translate",
				Map.of("text", text, "texts", (random) -> "[" + text.apply(random) + "," + text.apply(random) + "]",
						"beamWidth", small, "lengthNormalization", fraction, "maxLength", small, "numAlternatives",
						small, "returnAttention", (random) -> Boolean.toString(random.nextBoolean()), "version",
						small));
		endpoints.put(MODELS + FuzzStore.TRANSLATOR + "/translate?render=attention",
				Map.of("text", text, "beamWidth", small, "maxLength", small));
		endpoints.put("/v2/models/" + FuzzStore.CLASSIFIER + "/infer",
				Map.of("id", text, "inputs", (random) -> OipFuzzTests.tensor(random, 1), "outputs",
						(random) -> "[{\"name\":" + Nasty.jsonString(Nasty.string(random)) + "}]", "parameters",
						(random) -> Nasty.jsonValue(random, 2)));
		endpoints.put("/api/v1/training-jobs", Map.of("task",
				(random) -> Nasty.jsonString(
						Nasty.pick(random, List.of("classifier", "detector", "face-verifier", "word2vec", "seq2seq"))),
				"model", (random) -> Nasty.jsonString(Nasty.string(random)), "dataset",
				(random) -> Nasty.jsonString(Nasty.pick(random, List.of("fashion-mnist", "dates", "x"))),
				"architecture",
				(random) -> "{\"name\":\"conv-classifier\",\"parameters\":" + Nasty.jsonValue(random, 2) + "}",
				"settings",
				(random) -> "{\"epochs\":" + Nasty.jsonNumber(random) + ",\"batchSize\":" + Nasty.jsonNumber(random)
						+ "}",
				"input",
				(random) -> "{\"width\":" + Nasty.jsonNumber(random) + ",\"height\":" + Nasty.jsonNumber(random) + "}",
				"words", (random) -> "{\"dimension\":" + Nasty.jsonNumber(random) + "}", "faces",
				(random) -> "{\"ensemble\":" + Nasty.jsonNumber(random) + "}", "seq2seq",
				(random) -> Nasty.jsonValue(random, 2)));
		return endpoints;
	}

}
