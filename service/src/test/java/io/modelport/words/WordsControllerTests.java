package io.modelport.words;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.modelport.web.WebConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * The word endpoints: lookups, similar words, similarity, analogies and text embedding
 * reach the service with their parameters, and an unknown word is a 404 naming it.
 *
 * @author Modelport Team
 */
@WebMvcTest(WordsController.class)
@Import(WebConfiguration.class)
class WordsControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private WordsService service;

	@Test
	void aWordIsLookedUpInTheVersionAsked() {
		given(this.service.word("kjv", 2, "King"))
			.willReturn(new WordVector("kjv", 2, "king", true, 2, new float[] { 0.5f, -0.5f }));
		assertThat(this.mvc.get().uri("/api/v1/models/kjv/words/King?version=2")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"word\":\"king\",\"inVocabulary\":true,\"dimension\":2,\"vector\":[0.5,-0.5]}");
	}

	@Test
	void similarWordsTakeKAndTheDeadline() {
		given(this.service.similar("kjv", null, "king", 3, Duration.ofMillis(700)))
			.willReturn(new SimilarWords("kjv", 1, "king", List.of(new ScoredWord("queen", 0.7))));
		assertThat(this.mvc.get().uri("/api/v1/models/kjv/words/king/similar?k=3").header("Request-Timeout", "700"))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"neighbours\":[{\"word\":\"queen\",\"score\":0.7}]}");
		given(this.service.similar(eq("kjv"), isNull(), eq("king"), eq(10), isNull()))
			.willReturn(new SimilarWords("kjv", 1, "king", List.of()));
		assertThat(this.mvc.get().uri("/api/v1/models/kjv/words/king/similar")).hasStatusOk();
	}

	@Test
	void similarityAndAnalogy() {
		given(this.service.similarity("kjv", null, "king", "queen"))
			.willReturn(new Similarity("kjv", 1, "king", "queen", 0.45));
		assertThat(this.mvc.get().uri("/api/v1/models/kjv/similarity?a=king&b=queen")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.similarity")
			.isEqualTo(0.45);
		AnalogyRequest request = new AnalogyRequest("man", "woman", "king", 2);
		given(this.service.analogy(eq("kjv"), isNull(), eq(request), any())).willReturn(
				new AnalogyResponse("kjv", 1, "man", "woman", "king", "queen", List.of(new ScoredWord("queen", 0.5))));
		assertThat(this.mvc.post()
			.uri("/api/v1/models/kjv/analogy")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"a\":\"man\",\"b\":\"woman\",\"c\":\"king\",\"k\":2}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.answer")
			.isEqualTo("queen");
	}

	@Test
	void textIsEmbeddedFromAPlainTextBody() {
		given(this.service.embed("kjv", null, "In the beginning"))
			.willReturn(new TextEmbedding("kjv", 1, 3, 3, List.of(), 1, new float[] { 0.1f }));
		assertThat(this.mvc.post()
			.uri("/api/v1/models/kjv/embed")
			.contentType(MediaType.TEXT_PLAIN)
			.content("In the beginning")).hasStatusOk().bodyJson().extractingPath("$.knownTokens").isEqualTo(3);
	}

	@Test
	void anUnknownWordIs404NamingTheWordAndAMissingParameter400() {
		given(this.service.word("kjv", null, "zzyzx")).willThrow(new UnknownWordException("zzyzx"));
		assertThat(this.mvc.get().uri("/api/v1/models/kjv/words/zzyzx")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.isLenientlyEqualTo("{\"type\":\"urn:modelport:problem:unknown-word\",\"word\":\"zzyzx\"}");
		assertThat(this.mvc.get().uri("/api/v1/models/kjv/similarity?a=king")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.get().uri("/api/v1/models/kjv/words/king/similar?k=many"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		then(this.service).should().word("kjv", null, "zzyzx");
	}

}
