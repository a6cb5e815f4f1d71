package io.modelport.robustness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names that come from requests never reach a file outside the store: model names,
 * versions, report files, data set names, gallery identities, job ids, words and zip
 * entry names, each sent as {@code ../}, absolute, percent-encoded (once and twice), with
 * backslashes, NUL and very long. Each answer is a 400 or 404, the secret file beside the
 * store never appears in an answer, and afterwards no file outside the store and data
 * folders exists that was not there before.
 *
 * @author Modelport Team
 */
class PathTraversalTests extends ServiceUnderFuzz {

	private static final List<String> TEMPLATES = List.of("/api/v1/models/%s", "/api/v1/models/%s/reload",
			"/api/v1/models/" + FuzzStore.CLASSIFIER + "/versions/%s/report",
			"/api/v1/models/" + FuzzStore.CLASSIFIER + "/versions/1/report/%s", "/api/v1/models/%s/classify",
			"/api/v1/datasets/%s", "/api/v1/models/" + FuzzStore.FACES + "/gallery/%s", "/api/v1/training-jobs/%s",
			"/api/v1/models/" + FuzzStore.WORDS + "/words/%s", "/api/v1/models/%s/versions/1/vectors", "/v2/models/%s",
			"/v2/models/%s/versions/%s/infer");

	private List<String> before;

	@BeforeEach
	void snapshot() {
		this.before = STORE.guardedFiles();
	}

	@Test
	void namesInPathsNeverLeaveTheStore() {
		List<String> payloads = new ArrayList<>(Nasty.TRAVERSALS);
		payloads.add("x".repeat(5000));
		payloads.add("..%2F".repeat(40) + "outside%2Fsecret.txt");
		for (String template : TEMPLATES) {
			for (String payload : payloads) {
				String target = template.replace("%s", payload);
				String method = (template.endsWith("/reload") || template.endsWith("/classify")
						|| template.endsWith("/infer")) ? "POST" : "GET";
				Answer raw = this.http.raw(method, target);
				assertRefused(target, raw);
				if (target.chars().allMatch((c) -> c > 0x20 && c < 0x7f && c != '\\')) {
					assertRefused(target, handled(new Probe(method, target, null, null, Map.of())));
				}
			}
		}
		assertThat(STORE.guardedFiles()).isEqualTo(this.before);
	}

	@Test
	void namesInBodiesNeverLeaveTheStore() {
		for (String name : Nasty.TRAVERSALS) {
			Multipart dataset = new Multipart().field("name", name)
				.field("kind", "text")
				.file("file", "t.txt", "text/plain", "in the beginning\n".getBytes());
			assertRefused(name, handled(Probe.post("/api/v1/datasets", dataset.contentType(), dataset.body())));
			String job = "{\"task\":\"word2vec\",\"model\":" + Nasty.jsonString(name) + ",\"dataset\":"
					+ Nasty.jsonString(name) + "}";
			assertRefused(name, handled(Probe.post("/api/v1/training-jobs", "application/json", job)));
			assertRefused(name, handled(Probe.post("/api/v1/models/" + Nasty.encode(name) + "/vectors?format=text",
					"text/plain", "1 2\nking 1 2\n".getBytes())));
		}
		assertThat(STORE.guardedFiles()).isEqualTo(this.before);
	}

	@Test
	void zipEntriesNeverLeaveTheUpload() throws IOException {
		int i = 0;
		for (String entry : Zips.ESCAPING) {
			byte[] zip = Zips.of(Map.of("class-a/1.png", Images.PNG, "class-b/2.png", Images.PNG, entry, Images.PNG));
			Multipart upload = new Multipart().field("name", "slip-" + i++)
				.field("kind", "image-folders")
				.file("file", "slip.zip", "application/zip", zip);
			Answer answer = handled(Probe.post("/api/v1/datasets", upload.contentType(), upload.body()));
			assertThat(answer.status()).as("%s: %s", entry, answer).isEqualTo(400);
		}
		assertThat(STORE.guardedFiles()).isEqualTo(this.before);
		try (Stream<Path> files = Files.walk(STORE.root())) {
			assertThat(files.map((path) -> path.getFileName().toString()))
				.noneMatch((name) -> name.contains("slipped"));
		}
	}

	private static void assertRefused(String target, Answer answer) {
		assertThat(answer.status()).as("%s: %s", target, answer).isIn(400, 404, 405);
		assertThat(answer.text()).as(target).doesNotContain(FuzzStore.SECRET);
	}

}
