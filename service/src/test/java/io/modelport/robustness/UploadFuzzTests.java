package io.modelport.robustness;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Data set and word-vector uploads, and training job submissions, against hostile names,
 * kinds, archives and files.
 *
 * @author Modelport Team
 */
class UploadFuzzTests extends ServiceUnderFuzz {

	private static final List<String> KINDS = List.of("image-folders", "idx", "text", "sequence-pairs", "yolo", "coco",
			"IMAGE-FOLDERS", "zip", "");

	@Test
	void datasets() {
		Fuzz.forAll("data set uploads", (random) -> {
			String kind = Nasty.pick(random, KINDS);
			byte[] file = switch (random.nextInt(4)) {
				case 0 -> Nasty.randomBytes(random, 4096);
				case 1 ->
					(random.nextBoolean() ? "a\tb\nc\td\n" : Nasty.string(random)).getBytes(StandardCharsets.UTF_8);
				default -> Zips.any(random);
			};
			Multipart parts = new Multipart();
			if (random.nextInt(6) > 0) {
				parts.field("name", random.nextBoolean() ? "fz-" + random.nextInt(1000) : Nasty.string(random));
			}
			if (random.nextInt(6) > 0) {
				parts.field("kind", kind);
			}
			if (random.nextInt(6) > 0) {
				parts.file("file", "upload.zip", "application/zip", file);
			}
			return parts.probe(random, "POST", "/api/v1/datasets");
		}, this::handled);
	}

	@Test
	void datasetLookups() {
		Fuzz.forAll("data set lookups",
				(random) -> Probe.get("/api/v1/datasets/" + Nasty
					.encode(random.nextBoolean() ? Nasty.pick(random, Nasty.TRAVERSALS) : Nasty.string(random))),
				this::handled);
	}

	@Test
	void wordVectors() {
		Fuzz.forAll("vector uploads", (random) -> {
			String model = random.nextBoolean() ? "fz-vectors" : Nasty.encode(Nasty.string(random));
			String format = Nasty
				.encode(random.nextBoolean() ? Nasty.pick(random, List.of("text", "binary")) : Nasty.string(random));
			String header = Nasty.number(random) + " " + Nasty.number(random) + "\n";
			byte[] body = random.nextBoolean() ? (header + "king 1 2 3 4\n").getBytes(StandardCharsets.UTF_8)
					: Nasty.randomBytes(random, 2048);
			return Probe.post(
					"/api/v1/models/" + model + "/vectors?format=" + format + "&lowercase="
							+ Nasty.encode(Nasty.string(random)),
					random.nextBoolean() ? "application/octet-stream" : "text/plain", body);
		}, this::handled);
	}

	@Test
	void trainingJobLookups() {
		Fuzz.forAll("job lookups", (random) -> {
			String id = Nasty
				.encode(random.nextBoolean() ? Nasty.pick(random, Nasty.TRAVERSALS) : Nasty.string(random));
			return switch (random.nextInt(4)) {
				case 0 -> Probe.get("/api/v1/training-jobs/" + id);
				case 1 -> new Probe("DELETE", "/api/v1/training-jobs/" + id, null, null, java.util.Map.of());
				case 2 -> Probe.get("/api/v1/training-jobs/" + id + "/events");
				default -> Probe.get("/api/v1/training-jobs?state=" + Nasty.encode(Nasty.string(random)) + "&page="
						+ Nasty.encode(Nasty.number(random)) + "&size=" + Nasty.encode(Nasty.number(random)));
			};
		}, this::handled);
	}

}
