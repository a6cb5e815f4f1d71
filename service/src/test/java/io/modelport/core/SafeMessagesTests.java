package io.modelport.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Absolute paths leave messages; media types, dates, URLs and quoted client input stay.
 *
 * @author Modelport Team
 */
class SafeMessagesTests {

	@Test
	void absolutePathsBecomeTheirFileName() {
		assertThat(SafeMessages.withoutPaths(
				"cannot read labels from synset.txt: /tmp/modelport-it123/broken/1/synset.txt (no such file)"))
			.isEqualTo("cannot read labels from synset.txt: synset.txt (no such file)");
		assertThat(SafeMessages.withoutPaths("Cannot run program \"/usr/lib/jvm/java-17/bin/java\": error=2"))
			.isEqualTo("Cannot run program \"java\": error=2");
		assertThat(SafeMessages.withoutPaths("at /work/main/model-store/x/1/ and (/home/u/f.params)"))
			.isEqualTo("at 1 and (f.params)");
	}

	@Test
	void otherSlashesStay() {
		for (String message : new String[] { "Content-Type must be image/png or text/plain", "T-shirt/top",
				"12/25/99 is a date", "see https://example.org/a/b", "ratio 3/4",
				"the archive entry '/etc/passwd' " + "has an absolute path",
				"a relative path models/x/1/descriptor.yaml", "/single" }) {
			assertThat(SafeMessages.withoutPaths(message)).isEqualTo(message);
		}
		assertThat(SafeMessages.withoutPaths(null)).isNull();
	}

}
