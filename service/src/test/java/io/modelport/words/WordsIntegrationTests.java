package io.modelport.words;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import io.modelport.IntegrationTest;
import io.modelport.LocalHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The word endpoints over HTTP with a hand-made featurized table (gender, royal, age,
 * food), where the answers are known: man : woman :: king : queen, apple is next to
 * orange.
 *
 * @author Modelport Team
 */
@IntegrationTest
class WordsIntegrationTests {

	private static final String BASE = "/api/v1/models/" + WordsFixture.TABLE;

	private final LocalHttp http;

	WordsIntegrationTests(LocalHttp http) {
		this.http = http;
	}

	@Test
	void aWordIsLookedUpCasedAsTheModelWasTrained() {
		JsonNode answer = LocalHttp.read(this.http.get(BASE + "/words/King"));
		assertThat(answer.get("word").asString()).isEqualTo("king");
		assertThat(answer.get("inVocabulary").asBoolean()).isTrue();
		assertThat(answer.get("dimension").asInt()).isEqualTo(4);
		assertThat(answer.get("vector").get(1).asDouble()).isCloseTo(0.93, offset(1e-6));
	}

	@Test
	void theAnalogyOfTheCourseNotesAnswersQueen() {
		JsonNode answer = LocalHttp.read(this.http.post(BASE + "/analogy", MediaType.APPLICATION_JSON,
				Map.of("a", "man", "b", "woman", "c", "king", "k", 3)));
		assertThat(answer.get("answer").asString()).isEqualTo("queen");
		assertThat(answer.get("candidates")).hasSize(3);
		List<String> words = new ArrayList<>();
		answer.get("candidates").forEach((candidate) -> words.add(candidate.get("word").asString()));
		assertThat(words).doesNotContain("man", "woman", "king");
		// 3CosAdd on unit vectors: cos(ê_queen, ê_woman − ê_man + ê_king), as the
		// in-memory
		// scan computes it (the notes' 0.999 is on raw vectors).
		assertThat(answer.get("candidates").get(0).get("score").asDouble())
			.isCloseTo(WordsFixture.table(false).analogy("man", "woman", "king", 1).get(0).score(), offset(1e-5));
	}

	@Test
	void theEngineFindsTheSameNeighboursAsTheInMemoryScan() {
		WordVectors table = WordsFixture.table(false);
		for (String word : WordsFixture.WORDS) {
			JsonNode answer = LocalHttp.read(this.http.get(BASE + "/words/" + word + "/similar?k=5"));
			List<Neighbour> expected = table.nearest(word, 5);
			assertThat(answer.get("neighbours")).hasSize(5);
			for (int i = 0; i < 5; i++) {
				assertThat(answer.get("neighbours").get(i).get("word").asString()).isEqualTo(expected.get(i).word());
				assertThat(answer.get("neighbours").get(i).get("score").asDouble()).isCloseTo(expected.get(i).score(),
						offset(1e-5));
			}
		}
	}

	@Test
	void similarityIsTheCosine() {
		JsonNode answer = LocalHttp.read(this.http.get(BASE + "/similarity?a=apple&b=Orange"));
		assertThat(answer.get("b").asString()).isEqualTo("orange");
		assertThat(answer.get("similarity").asDouble())
			.isCloseTo(WordVectors.cosine(WordsFixture.VECTORS[4], WordsFixture.VECTORS[5]), offset(1e-6));
	}

	@Test
	void aTextIsEmbeddedAsTheMeanOfItsKnownWords() {
		JsonNode answer = LocalHttp
			.read(this.http.post(BASE + "/embed", MediaType.TEXT_PLAIN, "The King and the Queen."));
		assertThat(answer.get("tokens").asInt()).isEqualTo(5);
		assertThat(answer.get("knownTokens").asInt()).isEqualTo(2);
		assertThat(answer.get("unknownTokens").toString()).isEqualTo("[\"the\",\"and\",\"the\"]");
		assertThat(answer.get("vector").get(0).asDouble()).isCloseTo((-0.95 + 0.97) / 2, offset(1e-6));
	}

	@Test
	void anUnknownWordIsA404NamingIt() {
		ResponseEntity<String> response = this.http.get(BASE + "/words/zulu/similar");
		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		JsonNode problem = LocalHttp.read(response);
		assertThat(problem.get("type").asString()).isEqualTo("urn:modelport:problem:unknown-word");
		assertThat(problem.get("word").asString()).isEqualTo("zulu");
		assertThat(this.http.get(BASE + "/similarity?a=king&b=zulu").getStatusCode().value()).isEqualTo(404);
		assertThat(this.http
			.post(BASE + "/analogy", MediaType.APPLICATION_JSON, Map.of("a", "man", "b", "zulu", "c", "king"))
			.getStatusCode()
			.value()).isEqualTo(404);
	}

	@Test
	void aModelWithAnUnknownRowAnswersItsVectorAndNeverReturnsIt() {
		String base = "/api/v1/models/" + WordsFixture.WITH_UNKNOWN;
		JsonNode answer = LocalHttp.read(this.http.get(base + "/words/zulu"));
		assertThat(answer.get("inVocabulary").asBoolean()).isFalse();
		assertThat(answer.get("vector").get(0).asDouble()).isCloseTo(0.1, offset(1e-6));
		JsonNode similar = LocalHttp.read(this.http.get(base + "/words/king/similar?k=6"));
		assertThat(similar.get("neighbours")).hasSize(5);
		similar.get("neighbours").forEach((n) -> assertThat(n.get("word").asString()).isNotEqualTo("<UNK>"));
	}

	@Test
	void badRequestsGetProblems() {
		assertThat(this.http.get(BASE + "/words/king/similar?k=0").getStatusCode().value()).isEqualTo(400);
		assertThat(this.http.get(BASE + "/words/king/similar?k=1001").getStatusCode().value()).isEqualTo(400);
		assertThat(this.http.post(BASE + "/analogy", MediaType.APPLICATION_JSON, Map.of("a", "man"))
			.getStatusCode()
			.value()).isEqualTo(400);
		assertThat(this.http.post(BASE + "/embed", MediaType.TEXT_PLAIN, "zulu xhosa").getStatusCode().value())
			.isEqualTo(400);
		assertThat(this.http.get("/api/v1/models/nobody/words/king").getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void aDescriptorThatDisagreesWithItsFileFailsToLoadAndAnswers503() {
		JsonNode model = LocalHttp.read(this.http.get("/api/v1/models/" + WordsFixture.BROKEN));
		assertThat(model.toString()).contains("FAILED").contains("dimension 5");
		assertThat(this.http.get("/api/v1/models/" + WordsFixture.BROKEN + "/words/king").getStatusCode().value())
			.isEqualTo(503);
	}

	@Test
	void exportedVectorsImportAsANewModelThatAnswersTheSame() {
		for (String format : List.of("binary", "text")) {
			ResponseEntity<byte[]> file = this.http.getBytes(BASE + "/versions/1/vectors?format=" + format);
			assertThat(file.getStatusCode().value()).isEqualTo(200);
			String name = "imported-" + format;
			JsonNode imported = LocalHttp
				.read(this.http.post("/api/v1/models/" + name + "/vectors?lowercase=true&format=" + format,
						MediaType.APPLICATION_OCTET_STREAM, file.getBody()));
			assertThat(imported.get("state").asString()).isEqualTo("READY");
			assertThat(imported.get("words").asInt()).isEqualTo(6);
			JsonNode original = LocalHttp.read(this.http.get(BASE + "/words/man/similar?k=5"));
			JsonNode copy = LocalHttp.read(this.http.get("/api/v1/models/" + name + "/words/man/similar?k=5"));
			assertThat(copy.get("neighbours").toString()).isEqualTo(original.get("neighbours").toString());
		}
	}

	@Test
	void aCorruptImportIsRejectedAndCreatesNothing() {
		ResponseEntity<String> response = this.http.post("/api/v1/models/garbage/vectors",
				MediaType.APPLICATION_OCTET_STREAM, "3 4\nnot vectors at all".getBytes());
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(this.http.get("/api/v1/models/garbage").getStatusCode().value()).isEqualTo(404);
	}

}
