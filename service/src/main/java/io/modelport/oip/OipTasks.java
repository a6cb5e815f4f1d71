package io.modelport.oip;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.modelport.faces.FaceService;
import io.modelport.faces.VerifierSettings;
import io.modelport.oip.OipTypes.InferRequest;
import io.modelport.oip.OipTypes.InferResponse;
import io.modelport.oip.OipTypes.InputTensor;
import io.modelport.oip.OipTypes.ModelMetadata;
import io.modelport.oip.OipTypes.OutputTensor;
import io.modelport.oip.OipTypes.TensorMetadata;
import io.modelport.registry.ModelRegistry;
import io.modelport.registry.ModelState;
import io.modelport.runtime.LoadedModel;
import io.modelport.seq2seq.Seq2SeqService;
import io.modelport.seq2seq.TranslateRequest;
import io.modelport.seq2seq.Translation;
import io.modelport.store.ModelDescriptor;
import io.modelport.words.UnknownWordException;
import io.modelport.words.WordModel;
import io.modelport.words.WordVector;
import io.modelport.words.WordsService;

/**
 * Open Inference Protocol v2 for the face embedder ({@code image} BYTES [N] →
 * {@code embedding} FP32 [N, D], L2-normalised), word vectors ({@code words} BYTES [N] →
 * {@code vectors} FP32 [N, D] and {@code in_vocabulary} BOOL [N]) and seq2seq
 * ({@code text} BYTES [N] → {@code output} BYTES [N] and {@code score} FP32 [N]). Each
 * delegates to its task's service, so the task endpoints and OIP answer alike.
 *
 * @author Modelport Team
 */
@Component
class OipTasks {

	private final ModelRegistry registry;

	private final FaceService faces;

	private final WordsService words;

	private final Seq2SeqService seq2seq;

	OipTasks(ModelRegistry registry, FaceService faces, WordsService words, Seq2SeqService seq2seq) {
		this.registry = registry;
		this.faces = faces;
		this.words = words;
		this.seq2seq = seq2seq;
	}

	ModelMetadata metadata(String model, Integer version, ModelDescriptor d, List<String> versions) {
		return switch (d.task()) {
			case FACE_VERIFIER -> {
				int size = VerifierSettings.fromParameters(d.parameters()).embeddingSize();
				yield new ModelMetadata(model, versions, "djl_pytorch",
						List.of(new TensorMetadata("image", "BYTES", List.of(-1L))),
						List.of(new TensorMetadata("embedding", "FP32", List.of(-1L, (size > 0) ? size : -1L))));
			}
			case WORD2VEC -> new ModelMetadata(model, versions, "modelport_word2vec",
					List.of(new TensorMetadata("words", "BYTES", List.of(-1L))),
					List.of(new TensorMetadata("vectors", "FP32", List.of(-1L, wordDimension(model, version))),
							new TensorMetadata("in_vocabulary", "BOOL", List.of(-1L))));
			case SEQ2SEQ -> new ModelMetadata(model, versions, "djl_pytorch",
					List.of(new TensorMetadata("text", "BYTES", List.of(-1L))),
					List.of(new TensorMetadata("output", "BYTES", List.of(-1L)),
							new TensorMetadata("score", "FP32", List.of(-1L))));
			default -> throw new IllegalStateException("no OIP mapping for " + d.task());
		};
	}

	InferResponse infer(String model, Integer version, ModelDescriptor d, InferRequest request, Duration timeout) {
		String input = switch (d.task()) {
			case FACE_VERIFIER -> "image";
			case WORD2VEC -> "words";
			default -> "text";
		};
		List<?> elements = bytesInput(request, input);
		String id = request.id();
		String answered = Integer.toString(d.version());
		return switch (d.task()) {
			case FACE_VERIFIER -> {
				LoadedModel loaded = this.faces.resolve(model, version);
				List<byte[]> images = elements.stream().map(OipTasks::image).toList();
				List<float[]> embeddings = this.faces.embedAll(loaded, images, timeout);
				int size = embeddings.get(0).length;
				yield new InferResponse(model, Integer.toString(loaded.descriptor().version()), id,
						List.of(new OutputTensor("embedding", "FP32", List.of((long) embeddings.size(), (long) size),
								flatten(embeddings))));
			}
			case WORD2VEC -> {
				List<float[]> vectors = new ArrayList<>();
				List<Boolean> known = new ArrayList<>();
				for (Object element : elements) {
					try {
						WordVector vector = this.words.word(model, version, text(element));
						answered = Integer.toString(vector.version());
						vectors.add(vector.vector());
						known.add(vector.inVocabulary());
					}
					catch (UnknownWordException ex) {
						throw new OipException(HttpStatus.BAD_REQUEST, ex.getMessage());
					}
				}
				yield new InferResponse(model, answered, id,
						List.of(new OutputTensor("vectors", "FP32",
								List.of((long) vectors.size(), (long) vectors.get(0).length), flatten(vectors)),
								new OutputTensor("in_vocabulary", "BOOL", List.of((long) known.size()), known)));
			}
			default -> {
				List<String> texts = elements.stream().map(OipTasks::text).toList();
				var answer = this.seq2seq.translate(model, new TranslateRequest(null, texts,
						integer(request, "beam_width"), null, integer(request, "max_length"), null, null, version),
						timeout);
				List<String> outputs = answer.translations().stream().map(Translation::output).toList();
				List<Float> scores = answer.translations().stream().map((t) -> (float) t.score()).toList();
				yield new InferResponse(model, Integer.toString(answer.version()), id,
						List.of(new OutputTensor("output", "BYTES", List.of((long) outputs.size()), outputs),
								new OutputTensor("score", "FP32", List.of((long) scores.size()), scores)));
			}
		};
	}

	private long wordDimension(String model, Integer version) {
		if (this.registry.version(model, version).state() != ModelState.READY) {
			return -1;
		}
		return this.registry.resolve(model, version).state(WordModel.class).vectors().dimension();
	}

	private static List<?> bytesInput(InferRequest request, String name) {
		if (request == null || request.inputs() == null || request.inputs().size() != 1) {
			throw new OipException(HttpStatus.BAD_REQUEST, "expected exactly one input tensor '" + name + "'");
		}
		InputTensor input = request.inputs().get(0);
		if (!name.equals(input.name()) || !"BYTES".equals(input.datatype()) || input.shape() == null
				|| input.shape().size() != 1) {
			throw new OipException(HttpStatus.BAD_REQUEST,
					"the input must be '" + name + "', datatype BYTES, shape [N]; got '" + input.name() + "', "
							+ input.datatype() + " " + input.shape());
		}
		if (!(input.data() instanceof List<?> data) || data.size() != input.shape().get(0)) {
			throw new OipException(HttpStatus.BAD_REQUEST,
					"input shape " + input.shape() + " holds " + input.shape().get(0) + " elements but data has "
							+ ((input.data() instanceof List<?> list) ? list.size() : 0));
		}
		if (data.isEmpty() || data.size() > OipService.MAX_BATCH) {
			throw new OipException(HttpStatus.BAD_REQUEST,
					"send 1 to " + OipService.MAX_BATCH + " elements, not " + data.size());
		}
		return data;
	}

	private static byte[] image(Object element) {
		if (element instanceof byte[] raw) {
			return raw;
		}
		Object encoded = (element instanceof Map<?, ?> map) ? map.get("b64") : element;
		if (!(encoded instanceof String text)) {
			throw new OipException(HttpStatus.BAD_REQUEST, "each image must be a base64 string");
		}
		try {
			return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
		}
		catch (IllegalArgumentException ex) {
			throw new OipException(HttpStatus.BAD_REQUEST, "an image element is not valid base64");
		}
	}

	private static String text(Object element) {
		if (element instanceof byte[] raw) {
			return new String(raw, StandardCharsets.UTF_8);
		}
		if (!(element instanceof String text)) {
			throw new OipException(HttpStatus.BAD_REQUEST, "each BYTES element must be a string");
		}
		return text;
	}

	private static Integer integer(InferRequest request, String name) {
		Object value = (request.parameters() != null) ? request.parameters().get(name) : null;
		if (value == null) {
			return null;
		}
		if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
			throw new OipException(HttpStatus.BAD_REQUEST, "parameter " + name + " must be a whole number");
		}
		return number.intValue();
	}

	private static List<Float> flatten(List<float[]> rows) {
		List<Float> values = new ArrayList<>();
		for (float[] row : rows) {
			for (float value : row) {
				values.add(value);
			}
		}
		return values;
	}

}
