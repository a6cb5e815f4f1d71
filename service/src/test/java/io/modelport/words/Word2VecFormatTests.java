package io.modelport.words;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link Word2VecFormat}: round trips, the byte layouts the word2vec C tool and
 * gensim write, and malformed files.
 *
 * @author Modelport Team
 */
class Word2VecFormatTests {

	private static WordVectors random() {
		Random random = new Random(3);
		List<String> words = List.of("</s>", "the", "Köln", "naïve", "New_York", "東京", "x");
		float[] matrix = new float[words.size() * 5];
		for (int i = 0; i < matrix.length; i++) {
			matrix[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4));
		}
		return new WordVectors(new Vocabulary(words, null), 5, matrix);
	}

	private static byte[] write(Word2VecFormat format, WordVectors vectors) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		format.write(vectors, out);
		return out.toByteArray();
	}

	private static WordVectors read(Word2VecFormat format, byte[] bytes) throws IOException {
		return format.read(new ByteArrayInputStream(bytes), Word2VecLimits.DEFAULT);
	}

	@Test
	void textAndBinaryRoundTripExactly() throws IOException {
		WordVectors original = random();
		WordVectors viaText = read(Word2VecFormat.TEXT, write(Word2VecFormat.TEXT, original));
		WordVectors viaBoth = read(Word2VecFormat.BINARY, write(Word2VecFormat.BINARY, viaText));
		WordVectors back = read(Word2VecFormat.TEXT, write(Word2VecFormat.TEXT, viaBoth));
		for (WordVectors copy : List.of(viaText, viaBoth, back)) {
			assertThat(copy.vocabulary().words()).isEqualTo(original.vocabulary().words());
			assertThat(copy.dimension()).isEqualTo(5);
			assertThat(copy.matrix()).isEqualTo(original.matrix());
		}
	}

	@Test
	void binaryIsHeaderThenWordSpaceLittleEndianFloatsNewline() throws IOException {
		WordVectors vectors = new WordVectors(new Vocabulary(List.of("é"), null), 2, new float[] { 1.5f, -2 });
		ByteBuffer expected = ByteBuffer.allocate(4 + 3 + 8 + 1).order(ByteOrder.LITTLE_ENDIAN);
		expected.put("1 2\n".getBytes(StandardCharsets.US_ASCII)).put((byte) 0xC3).put((byte) 0xA9).put((byte) ' ');
		expected.putFloat(1.5f).putFloat(-2).put((byte) '\n');
		assertThat(write(Word2VecFormat.BINARY, vectors)).isEqualTo(expected.array());
		assertThat(new String(write(Word2VecFormat.TEXT, vectors), StandardCharsets.UTF_8))
			.isEqualTo("1 2\né 1.5 -2.0\n");
	}

	@Test
	void binaryWithoutNewlinesAsGensimWritesItIsRead() throws IOException {
		ByteBuffer file = ByteBuffer.allocate(5 + 2 * (2 + 8)).order(ByteOrder.LITTLE_ENDIAN);
		file.put("2 2\r\n".getBytes(StandardCharsets.US_ASCII));
		file.put("a ".getBytes(StandardCharsets.US_ASCII)).putFloat(1).putFloat(2);
		file.put("b ".getBytes(StandardCharsets.US_ASCII)).putFloat(3).putFloat(4);
		WordVectors vectors = read(Word2VecFormat.BINARY, file.array());
		assertThat(vectors.vocabulary().words()).containsExactly("a", "b");
		assertThat(vectors.vector("b")).containsExactly(3, 4);
	}

	@Test
	void textAsTheCToolWritesItIsRead() throws IOException {
		// The C tool prints "%lf " for every value: a trailing space before each newline.
		byte[] file = "2 3\n</s> 0.001 -0.002 0.003 \nking 1.000000 2.000000 3.000000 \n"
			.getBytes(StandardCharsets.UTF_8);
		WordVectors vectors = read(Word2VecFormat.TEXT, file);
		assertThat(vectors.vector("king")).containsExactly(1, 2, 3);
		assertThat(vectors.vocabulary().counts()).containsExactly(0, 0);
	}

	@Test
	void truncatedFilesSayWhere() throws IOException {
		byte[] binary = write(Word2VecFormat.BINARY, random());
		assertThatIOException().isThrownBy(() -> read(Word2VecFormat.BINARY, Arrays.copyOf(binary, binary.length - 5)))
			.withMessageStartingWith("truncated at byte " + (binary.length - 5))
			.withMessageContaining("'x' (word 7 of 7)");
		byte[] text = write(Word2VecFormat.TEXT, random());
		String cut = new String(text, StandardCharsets.UTF_8);
		cut = cut.substring(0, cut.indexOf("\nx ") + 1);
		byte[] shortText = cut.getBytes(StandardCharsets.UTF_8);
		assertThatIOException().isThrownBy(() -> read(Word2VecFormat.TEXT, shortText))
			.withMessage("truncated at line 8: the header promises 7 words, the file ends after 6");
	}

	@Test
	void garbageIsRejectedWithAReason() {
		assertThatIOException().isThrownBy(() -> read(Word2VecFormat.TEXT, "hello world\n".getBytes()))
			.withMessageStartingWith("not a word2vec file");
		assertThatIOException().isThrownBy(() -> read(Word2VecFormat.TEXT, "1 2\nword 0.1 zero\n".getBytes()))
			.withMessage("line 2: 'zero' is not a finite number");
		assertThatIOException().isThrownBy(() -> read(Word2VecFormat.TEXT, "1 2\nword 0.1\n".getBytes()))
			.withMessage("line 2: expected a word and 2 values, found 1 values");
		assertThatIOException().isThrownBy(() -> read(Word2VecFormat.TEXT, "2 1\na 1\na 2\n".getBytes()))
			.withMessage("word 'a' appears twice (again at line 3)");
		assertThatIOException().isThrownBy(() -> read(Word2VecFormat.TEXT, "1 1\na 1\nb 2\n".getBytes()))
			.withMessageStartingWith("unexpected data after the last of 1 words");
	}

	@Test
	void aTextFileReadAsBinaryFails() throws IOException {
		byte[] text = write(Word2VecFormat.TEXT, random());
		assertThatIOException().isThrownBy(() -> read(Word2VecFormat.BINARY, text));
	}

	@Test
	void limitsAreCheckedAgainstTheHeader() {
		Word2VecLimits limits = new Word2VecLimits(10, 300, 5);
		assertThatIOException()
			.isThrownBy(() -> Word2VecFormat.BINARY.read(new ByteArrayInputStream("3000000 300\n".getBytes()), limits))
			.withMessageContaining("at most 10 words and dimension 300");
		assertThatIOException()
			.isThrownBy(() -> Word2VecFormat.BINARY.read(new ByteArrayInputStream("1 1\nlongword ".getBytes()), limits))
			.withMessageContaining("longer than 5 bytes");
		assertThatIOException()
			.isThrownBy(() -> Word2VecFormat.TEXT.read(new ByteArrayInputStream("2 2000000000\n".getBytes()),
					new Word2VecLimits(10, Integer.MAX_VALUE, 5)))
			.withMessageContaining("do not fit");
	}

	@Test
	void wordsWithSpacesCannotBeWritten() {
		WordVectors vectors = new WordVectors(new Vocabulary(List.of("new york"), null), 1, new float[] { 1 });
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> write(Word2VecFormat.BINARY, vectors))
			.withMessageContaining("'new york' contains whitespace");
	}

}
