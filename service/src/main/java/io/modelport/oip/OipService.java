package io.modelport.oip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.djl.translate.TranslateException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import io.modelport.imaging.ImageDecoder;
import io.modelport.imaging.ImagePreprocessor;
import io.modelport.metrics.InferenceMetrics;
import io.modelport.oip.OipTypes.InferRequest;
import io.modelport.oip.OipTypes.InferResponse;
import io.modelport.oip.OipTypes.InputTensor;
import io.modelport.oip.OipTypes.ModelMetadata;
import io.modelport.oip.OipTypes.ServerMetadata;
import io.modelport.oip.OipTypes.TensorMetadata;
import io.modelport.registry.ModelNotFoundException;
import io.modelport.registry.ModelRegistry;
import io.modelport.registry.ModelState;
import io.modelport.registry.ModelVersion;
import io.modelport.runtime.LoadedModel;
import io.modelport.store.InputSpec;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;

/**
 * Open Inference Protocol v2 for classifiers (detectors: {@link OipDetection}, faces,
 * words and seq2seq: {@link OipTasks}), through the same runtime as the task endpoints
 * (queue, batching, deadlines, metrics). Inputs: {@code input} (FP32, the normalised
 * tensor, or UINT8/INT32/INT64 raw pixels, shape [N, C, H, W]) or {@code image} (BYTES
 * [N], base64-encoded PNG/JPEG). Outputs ({@link OipOutputs}): {@code probabilities}
 * (FP32 [N, classes]) and {@code label} (BYTES [N]).
 *
 * @author Modelport Team
 */
@Service
public class OipService {

	static final int MAX_BATCH = 256;

	private static final Set<Task> OTHER_TASKS = EnumSet.of(Task.FACE_VERIFIER, Task.WORD2VEC, Task.SEQ2SEQ);

	private final ModelRegistry registry;

	private final ImageDecoder decoder;

	private final InferenceMetrics metrics;

	private final OipDetection detection;

	private final OipTasks tasks;

	OipService(ModelRegistry registry, ImageDecoder decoder, InferenceMetrics metrics, OipDetection detection,
			OipTasks tasks) {
		this.registry = registry;
		this.decoder = decoder;
		this.metrics = metrics;
		this.detection = detection;
		this.tasks = tasks;
	}

	/**
	 * The server's name, version and protocol extensions.
	 * @return the server metadata
	 */
	public ServerMetadata server() {
		String version = OipService.class.getPackage().getImplementationVersion();
		return new ServerMetadata("modelport", (version != null) ? version : "dev", List.of("binary_tensor_data"));
	}

	public ModelMetadata metadata(String model, Integer version) {
		ModelVersion target = this.registry.version(model, version);
		ModelDescriptor d = target.descriptor();
		if (d == null) {
			throw new OipException(HttpStatus.BAD_REQUEST, "model '" + model + "' version " + target.version()
					+ " has no readable descriptor: " + target.failureReason());
		}
		List<String> versions = this.registry.find(model)
			.versions()
			.stream()
			.map((v) -> Integer.toString(v.version()))
			.toList();
		if (d.task() == Task.DETECTOR) {
			return this.detection.metadata(model, versions);
		}
		if (OTHER_TASKS.contains(d.task())) {
			return this.tasks.metadata(model, version, d, versions);
		}
		if (d.task() != Task.CLASSIFIER || d.input() == null) {
			return new ModelMetadata(model, versions, "djl_pytorch", List.of(), List.of());
		}
		InputSpec in = d.input();
		return new ModelMetadata(model, versions, "djl_pytorch",
				List.of(new TensorMetadata("input", "FP32",
						List.of(-1L, (long) in.channels(), (long) in.height(), (long) in.width())),
						new TensorMetadata("image", "BYTES", List.of(-1L))),
				List.of(new TensorMetadata("probabilities", "FP32", List.of(-1L, (long) d.labels().size())),
						new TensorMetadata("label", "BYTES", List.of(-1L))));
	}

	public boolean ready(String model, Integer version) {
		try {
			return this.registry.version(model, version).state() == ModelState.READY;
		}
		catch (ModelNotFoundException ex) {
			return false;
		}
	}

	public boolean serverReady() {
		return this.registry.requiredModelsReady();
	}

	public InferResponse infer(String model, Integer version, InferRequest request, Duration timeout) {
		LoadedModel loaded = this.registry.resolve(model, version);
		ModelDescriptor d = loaded.descriptor();
		if (d.task() == Task.DETECTOR) {
			return this.detection.infer(model, version, request, timeout);
		}
		if (OTHER_TASKS.contains(d.task())) {
			return this.tasks.infer(model, version, d, request, timeout);
		}
		if (request == null || request.inputs() == null || request.inputs().size() != 1) {
			throw new OipException(HttpStatus.BAD_REQUEST, "expected exactly one input tensor ('input' or 'image')");
		}
		List<String> outputs = OipOutputs.requested(request.outputs());
		long start = System.nanoTime();
		String outcome = InferenceMetrics.INVALID_INPUT;
		try {
			List<float[]> tensors = tensors(request.inputs().get(0), d.input());
			outcome = InferenceMetrics.ERROR;
			List<float[]> results = run(loaded, tensors, timeout);
			outcome = InferenceMetrics.SUCCESS;
			return new InferResponse(model, Integer.toString(d.version()), request.id(),
					OipOutputs.of(outputs, results, d));
		}
		finally {
			this.metrics.record(d, outcome, System.nanoTime() - start);
		}
	}

	private List<float[]> run(LoadedModel loaded, List<float[]> tensors, Duration timeout) {
		try {
			return loaded.predictAll(tensors, (timeout != null) ? timeout : loaded.defaultTimeout());
		}
		catch (TranslateException ex) {
			throw new OipException(HttpStatus.INTERNAL_SERVER_ERROR, "inference failed");
		}
	}

	private List<float[]> tensors(InputTensor input, InputSpec spec) {
		if (input.datatype() == null || input.shape() == null || input.data() == null) {
			throw new OipException(HttpStatus.BAD_REQUEST,
					"input '" + input.name() + "' needs 'datatype', 'shape' and 'data'");
		}
		List<Object> values = new ArrayList<>();
		flatten(input.data(), values);
		long elements = 1;
		for (Long dimension : input.shape()) {
			if (dimension == null || dimension < 1) {
				throw new OipException(HttpStatus.BAD_REQUEST,
						"input shape " + input.shape() + " must have positive dimensions");
			}
			elements = Math.multiplyExact(elements, dimension);
		}
		if (elements != values.size()) {
			throw new OipException(HttpStatus.BAD_REQUEST,
					"input shape " + input.shape() + " holds " + elements + " elements but data has " + values.size());
		}
		long batch = input.shape().get(0);
		if (batch > MAX_BATCH) {
			throw new OipException(HttpStatus.BAD_REQUEST, "at most " + MAX_BATCH + " items per request");
		}
		return switch (input.datatype()) {
			case "BYTES" -> images(input, values, spec);
			case "FP32", "UINT8", "INT32", "INT64" -> numeric(input, values, spec);
			default -> throw new OipException(HttpStatus.BAD_REQUEST, "datatype " + input.datatype()
					+ " is not accepted; use FP32, UINT8, INT32, INT64 (shape [N, C, H, W]) or BYTES (images)");
		};
	}

	private List<float[]> numeric(InputTensor input, List<Object> values, InputSpec spec) {
		List<Long> expected = List.of(input.shape().get(0), (long) spec.channels(), (long) spec.height(),
				(long) spec.width());
		if (!input.shape().equals(expected)) {
			throw new OipException(HttpStatus.BAD_REQUEST, "input shape " + input.shape() + " does not match [N, "
					+ spec.channels() + ", " + spec.height() + ", " + spec.width() + "]");
		}
		boolean raw = !"FP32".equals(input.datatype());
		int size = spec.channels() * spec.height() * spec.width();
		int plane = spec.height() * spec.width();
		List<float[]> tensors = new ArrayList<>();
		for (int n = 0; n < input.shape().get(0); n++) {
			float[] tensor = new float[size];
			for (int i = 0; i < size; i++) {
				Object value = values.get(n * size + i);
				if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
					throw new OipException(HttpStatus.BAD_REQUEST,
							"input data must be finite numbers for " + input.datatype() + ", found '" + value + "'");
				}
				if (raw && (number.doubleValue() < 0 || number.doubleValue() > 255)) {
					throw new OipException(HttpStatus.BAD_REQUEST, "raw pixel values must be in [0, 255]");
				}
				tensor[i] = raw ? spec.normalize(number.floatValue(), i / plane) : number.floatValue();
			}
			tensors.add(tensor);
		}
		return tensors;
	}

	private List<float[]> images(InputTensor input, List<Object> values, InputSpec spec) {
		if (input.shape().size() != 1) {
			throw new OipException(HttpStatus.BAD_REQUEST, "a BYTES input has shape [N], one image per element");
		}
		List<float[]> tensors = new ArrayList<>();
		for (Object value : values) {
			// gRPC and binary REST hand over the image bytes themselves.
			if (value instanceof byte[] raw) {
				tensors.add(ImagePreprocessor.toTensor(this.decoder.decode(raw), spec));
				continue;
			}
			Object encoded = (value instanceof Map<?, ?> map) ? map.get("b64") : value;
			if (!(encoded instanceof String text)) {
				throw new OipException(HttpStatus.BAD_REQUEST, "each BYTES element must be a base64 string");
			}
			byte[] bytes;
			try {
				bytes = Base64.getDecoder().decode(text.replaceAll("\\s", ""));
			}
			catch (IllegalArgumentException ex) {
				throw new OipException(HttpStatus.BAD_REQUEST, "a BYTES element is not valid base64");
			}
			tensors.add(ImagePreprocessor.toTensor(this.decoder.decode(bytes), spec));
		}
		return tensors;
	}

	private static void flatten(Object data, List<Object> into) {
		if (data instanceof List<?> list) {
			for (Object item : list) {
				flatten(item, into);
			}
		}
		else {
			into.add(data);
		}
	}

}
