package io.modelport.words;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.modelport.core.RequestTimeout;

@RestController
@RequestMapping("/api/v1/models/{model}")
@Tag(name = "Words", description = "Word vectors: lookups, cosine similarity, nearest words, analogies")
class WordsController {

	private final WordsService service;

	WordsController(WordsService service) {
		this.service = service;
	}

	@GetMapping("/words/{word}")
	@Operation(summary = "A word's vector (cased as the model was trained)")
	WordVector word(@PathVariable String model, @PathVariable String word,
			@RequestParam(required = false) Integer version) {
		return this.service.word(model, version, word);
	}

	@GetMapping("/words/{word}/similar")
	@Operation(summary = "The k nearest words by cosine similarity")
	SimilarWords similar(@PathVariable String model, @PathVariable String word,
			@RequestParam(defaultValue = "10") int k, @RequestParam(required = false) Integer version,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) {
		return this.service.similar(model, version, word, k, RequestTimeout.parse(timeoutMillis));
	}

	@GetMapping("/similarity")
	@Operation(summary = "The cosine similarity of words a and b")
	Similarity similarity(@PathVariable String model, @RequestParam String a, @RequestParam String b,
			@RequestParam(required = false) Integer version) {
		return this.service.similarity(model, version, a, b);
	}

	@PostMapping(path = "/analogy", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Solve a : b :: c : d, JSON {a, b, c, k}")
	AnalogyResponse analogy(@PathVariable String model, @RequestBody AnalogyRequest request,
			@RequestParam(required = false) Integer version,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) {
		return this.service.analogy(model, version, request, RequestTimeout.parse(timeoutMillis));
	}

	// text/plain keeps this apart from a face verifier's JSON and image /embed bodies.
	@PostMapping(path = "/embed", consumes = MediaType.TEXT_PLAIN_VALUE)
	@Operation(summary = "Embed a text (request body, text/plain) as the mean vector of its known words")
	TextEmbedding embed(@PathVariable String model, @RequestBody String text,
			@RequestParam(required = false) Integer version) {
		return this.service.embed(model, version, text);
	}

}
