package io.modelport.robustness;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Every image endpoint against valid, mutated, bomb and random images, in each input form
 * (raw body under any image content type, multipart, base64 JSON) with hostile query
 * parameters: never a 5xx, never a hang.
 *
 * @author Modelport Team
 */
class ImageInputFuzzTests extends ServiceUnderFuzz {

	private static final String MODELS = "/api/v1/models/";

	private static final List<String> RAW_TYPES = List.of("image/png", "image/jpeg", "image/gif", "image/bmp",
			"application/octet-stream");

	@Test
	void classify() {
		Fuzz.forAll("classify images",
				(random) -> single(random, FuzzStore.CLASSIFIER, "classify", List.of("topK", "version")),
				this::handled);
	}

	@Test
	void detect() {
		Fuzz.forAll("detect images",
				(random) -> single(random, FuzzStore.DETECTOR, "detect",
						List.of("scoreThreshold", "iouThreshold", "maxDetections", "classes", "version", "render")),
				this::handled);
	}

	@Test
	void embedAndIdentifyFaces() {
		Fuzz.forAll("embed faces", (random) -> single(random, FuzzStore.FACES, "embed", List.of("version")),
				this::handled);
		Fuzz.forAll("identify faces",
				(random) -> single(random, FuzzStore.FACES, "identify", List.of("topK", "threshold", "version")),
				this::handled);
	}

	@Test
	void verifyFaces() {
		Fuzz.forAll("verify faces", (random) -> {
			String path = MODELS + FuzzStore.FACES + "/verify" + query(random, List.of("threshold", "version"));
			byte[] first = Images.any(random);
			byte[] second = Images.any(random);
			if (random.nextBoolean()) {
				return new Multipart().file("image1", "a.png", "image/png", first)
					.file(random.nextBoolean() ? "image2" : "image3", "b.png", "image/png", second)
					.probe(random, "POST", path);
			}
			return Probe.post(path, "application/json", "{\"image1\":\"" + base64(first) + "\",\"image2\":\""
					+ base64(second) + "\",\"threshold\":" + Nasty.jsonNumber(random) + "}");
		}, this::handled);
	}

	@Test
	void enrolFaces() {
		Fuzz.forAll("enrol faces", (random) -> {
			String identity = random.nextBoolean() ? "person-" + random.nextInt(8) : Nasty.encode(Nasty.string(random));
			String path = MODELS + FuzzStore.FACES + "/gallery/" + identity + query(random, List.of("version"));
			int count = random.nextInt(4);
			if (random.nextBoolean()) {
				Multipart parts = new Multipart();
				for (int i = 0; i < count; i++) {
					parts.file("image", i + ".png", "image/png", Images.any(random));
				}
				return parts.probe(random, "PUT", path);
			}
			StringBuilder images = new StringBuilder();
			for (int i = 0; i < count; i++) {
				images.append((i > 0) ? "," : "").append('"').append(base64(Images.any(random))).append('"');
			}
			return Probe.put(path, "application/json",
					("{\"images\":[" + images + "]}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}, this::handled);
	}

	@Test
	void openInferenceProtocolImages() {
		Fuzz.forAll("OIP image bytes", (random) -> {
			String model = random.nextBoolean() ? FuzzStore.CLASSIFIER : FuzzStore.DETECTOR;
			int count = 1 + random.nextInt(3);
			StringBuilder data = new StringBuilder();
			for (int i = 0; i < count; i++) {
				String encoded = "\"" + base64(Images.any(random)) + "\"";
				data.append((i > 0) ? "," : "").append(random.nextBoolean() ? encoded : "{\"b64\":" + encoded + "}");
			}
			return Probe.post("/v2/models/" + model + "/infer", "application/json",
					"{\"inputs\":[{\"name\":\"image\",\"datatype\":\"BYTES\",\"shape\":[" + count + "],\"data\":["
							+ data + "]}]}");
		}, this::handled);
	}

	private static Probe single(Random random, String model, String endpoint, List<String> parameters) {
		String path = MODELS + model + "/" + endpoint + query(random, parameters);
		byte[] image = Images.any(random);
		Probe probe = switch (random.nextInt(3)) {
			case 0 -> Probe.post(path, Nasty.pick(random, RAW_TYPES), image);
			case 1 -> new Multipart()
				.file((random.nextInt(5) > 0) ? "image" : "picture", "x.png", Nasty.pick(random, RAW_TYPES), image)
				.probe(random, "POST", path);
			default -> Probe.post(path, "application/json", "{\"image\":\""
					+ ((random.nextInt(5) > 0) ? base64(image) : Nasty.string(random).replace("\"", "")) + "\"}");
		};
		return (random.nextInt(6) == 0) ? probe.withHeader("Request-Timeout", Nasty.number(random)) : probe;
	}

	static String query(Random random, List<String> parameters) {
		StringBuilder query = new StringBuilder();
		for (String parameter : parameters) {
			if (random.nextInt(3) == 0) {
				String value = random.nextBoolean() ? Nasty.number(random) : Nasty.string(random);
				query.append(query.isEmpty() ? "?" : "&").append(parameter).append('=').append(Nasty.encode(value));
			}
		}
		return query.toString();
	}

}
