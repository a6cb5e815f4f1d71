package io.modelport.seq2seq;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.modelport.core.RequestTimeout;

@RestController
@RequestMapping("/api/v1/models/{model}")
@Tag(name = "Translate", description = "Sequence-to-sequence translation with greedy or beam-search decoding")
class TranslateController {

	private final Seq2SeqService service;

	TranslateController(Seq2SeqService service) {
		this.service = service;
	}

	@PostMapping(path = "/translate", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Translate {text} or {texts: [...]}, with beamWidth, lengthNormalization, maxLength, "
			+ "numAlternatives, returnAttention")
	TranslationResponse translate(@PathVariable String model, @RequestBody TranslateRequest request,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) {
		return this.service.translate(model, request, RequestTimeout.parse(timeoutMillis));
	}

	@PostMapping(path = "/translate", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(summary = "Translate one {text} and answer its attention matrix as a heat map (Accept: image/png)")
	byte[] heatmap(@PathVariable String model, @RequestBody TranslateRequest request,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) {
		return this.service.heatmap(model, request, RequestTimeout.parse(timeoutMillis));
	}

	@PostMapping(path = "/translate", consumes = MediaType.APPLICATION_JSON_VALUE, params = "render=attention",
			produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(summary = "Translate one {text} and answer its attention heat map (?render=attention)")
	byte[] rendered(@PathVariable String model, @RequestBody TranslateRequest request,
			@RequestHeader(name = RequestTimeout.HEADER, required = false) Long timeoutMillis) {
		return this.service.heatmap(model, request, RequestTimeout.parse(timeoutMillis));
	}

}
