package io.modelport.robustness;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 500s fuzzing found, each pinned to the input that found it (now a 4xx).
 *
 * @author Modelport Team
 */
class FoundBugsTests extends ServiceUnderFuzz {

	private static final String EMBED = "/api/v1/models/" + FuzzStore.FACES + "/embed";

	@Test
	void aCutOffMultipartBodyIsABadRequest() {
		Multipart parts = new Multipart().file("image", "x.png", "image/png", Images.FACE);
		byte[] body = parts.body();
		Answer answer = handled(Probe.post(EMBED, parts.contentType(), Arrays.copyOf(body, body.length / 2)));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.text()).contains("multipart body cannot be parsed");
	}

	@Test
	void aWildcardContentTypeIsUnsupported() {
		for (String type : new String[] { "*/*", "image/*", "application/*" }) {
			Answer answer = handled(Probe.post("/api/v1/training-jobs", type, "{}"));
			assertThat(answer.status()).as(type).isEqualTo(415);
			assertThat(handled(Probe.post("/v2/models/" + FuzzStore.CLASSIFIER + "/infer", type, "{}")).status())
				.isEqualTo(415);
		}
	}

	@Test
	void formParametersThatDoNotDecodeAreAClientError() {
		byte[] body = { (byte) 0xD2, (byte) 0xE5, 'Q', (byte) 0xB0, '%', 'Z', 'Z', '=', 'x' };
		Answer answer = handled(new Probe("POST", "/api/v1/models/" + FuzzStore.WORDS + "/identify",
				"application/x-www-form-urlencoded", body, Map.of()));
		// Once a 500; since the strict contract, a form body where the endpoint reads
		// none is
		// refused before its parameters are decoded, naming the media types to send.
		assertThat(answer.status()).isEqualTo(415);
	}

	@Test
	void aFilePartWhereATextFieldBelongsIsABadRequest() {
		Multipart upload = new Multipart().field("name", "file-for-kind")
			.file("kind", "kind.bin", "application/octet-stream", new byte[] { 1, 2 })
			.file("file", "t.txt", "text/plain", "text\n".getBytes(StandardCharsets.UTF_8));
		Answer answer = handled(Probe.post("/api/v1/datasets", upload.contentType(), upload.body()));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.text()).contains("parameter 'kind' has the wrong form");
	}

	@Test
	void openInferenceErrorsAreJsonWhateverTheClientAccepts() {
		Answer answer = handled(
				Probe.get("/v2/models/" + FuzzStore.DETECTOR + "/versions/65").withHeader("Accept", "text/plain"));
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.text()).contains("\"error\"");
	}

	@Test
	void aZipEntryNameTooLongForTheFileSystemIsABadRequest() {
		byte[] zip = Zips.of(Map.of("a/1.png", Images.PNG, "b/" + "x".repeat(300) + ".png", Images.PNG));
		Multipart upload = new Multipart().field("name", "long-names")
			.field("kind", "image-folders")
			.file("file", "z.zip", "application/zip", zip);
		Answer answer = handled(Probe.post("/api/v1/datasets", upload.contentType(), upload.body()));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("longer than 255 bytes");
	}

}
