package io.modelport.words;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.modelport.core.InvalidRequestException;

@RestController
@RequestMapping("/api/v1/models/{model}")
@Tag(name = "Words", description = "Word vectors: lookups, cosine similarity, nearest words, analogies")
class VectorFilesController {

	private final VectorFiles files;

	VectorFilesController(VectorFiles files) {
		this.files = files;
	}

	@GetMapping("/versions/{version}/vectors")
	@Operation(summary = "Download a version's vectors in the word2vec binary (default) or text format")
	ResponseEntity<StreamingResponseBody> export(@PathVariable String model, @PathVariable int version,
			@RequestParam(defaultValue = "binary") String format) {
		Word2VecFormat parsed = format(format);
		int exported = this.files.exportedVersion(model, version);
		String name = model + "-" + exported + ((parsed == Word2VecFormat.TEXT) ? ".txt" : ".bin");
		return ResponseEntity.ok()
			.contentType((parsed == Word2VecFormat.TEXT) ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body((out) -> this.files.export(model, exported, parsed, out));
	}

	@PostMapping(path = "/vectors", consumes = { MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Import a word2vec text or binary file as the model's next version")
	ResponseEntity<VectorImport> importVectors(@PathVariable String model, @RequestBody byte[] body,
			@RequestParam(defaultValue = "binary") String format,
			@RequestParam(defaultValue = "false") boolean lowercase,
			@RequestParam(required = false) String tokenPattern) throws IOException {
		TokenizerSettings tokenizer;
		try {
			tokenizer = new TokenizerSettings(lowercase,
					(tokenPattern != null) ? tokenPattern : TokenizerSettings.DEFAULT.tokenPattern());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(ex.getMessage());
		}
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.files.importVectors(model, format(format), body, tokenizer));
	}

	private static Word2VecFormat format(String format) {
		return switch (format) {
			case "binary" -> Word2VecFormat.BINARY;
			case "text" -> Word2VecFormat.TEXT;
			default -> throw new InvalidRequestException("format must be 'binary' or 'text', was '" + format + "'");
		};
	}

}
