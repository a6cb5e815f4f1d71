package io.modelport.oip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.modelport.detection.BoundingBox;
import io.modelport.detection.DetectionOptions;
import io.modelport.detection.DetectionResponse;
import io.modelport.detection.DetectionService;
import io.modelport.oip.OipTypes.InferRequest;
import io.modelport.oip.OipTypes.InferResponse;
import io.modelport.oip.OipTypes.InputTensor;
import io.modelport.oip.OipTypes.ModelMetadata;
import io.modelport.oip.OipTypes.OutputTensor;
import io.modelport.oip.OipTypes.RequestedOutput;
import io.modelport.oip.OipTypes.TensorMetadata;

/**
 * Open Inference Protocol v2 for detectors, through the detection service (letterbox,
 * queue, decoding, NMS, metrics). Input: {@code image} (BYTES [1], one base64 image per
 * request, since each image has its own number of boxes). Outputs: {@code boxes} (FP32
 * [K, 4], x, y, width, height in pixels of the image sent), {@code scores} (FP32 [K]) and
 * {@code labels} (BYTES [K]). Request parameters {@code score_threshold},
 * {@code iou_threshold} and {@code max_detections} override the model's defaults.
 *
 * @author Modelport Team
 */
@Component
class OipDetection {

	private static final List<String> OUTPUTS = List.of("boxes", "scores", "labels");

	private final DetectionService detection;

	OipDetection(DetectionService detection) {
		this.detection = detection;
	}

	ModelMetadata metadata(String model, List<String> versions) {
		return new ModelMetadata(model, versions, "djl_pytorch",
				List.of(new TensorMetadata("image", "BYTES", List.of(1L))),
				List.of(new TensorMetadata("boxes", "FP32", List.of(-1L, 4L)),
						new TensorMetadata("scores", "FP32", List.of(-1L)),
						new TensorMetadata("labels", "BYTES", List.of(-1L))));
	}

	InferResponse infer(String model, Integer version, InferRequest request, Duration timeout) {
		if (request == null || request.inputs() == null || request.inputs().size() != 1) {
			throw new OipException(HttpStatus.BAD_REQUEST, "expected exactly one input tensor 'image'");
		}
		InputTensor input = request.inputs().get(0);
		if (!"BYTES".equals(input.datatype()) || !List.of(1L).equals(input.shape())
				|| !(input.data() instanceof List<?> data) || data.size() != 1) {
			throw new OipException(HttpStatus.BAD_REQUEST,
					"a detector takes one image per request: datatype BYTES, shape [1], one base64 element");
		}
		byte[] image = image(data.get(0));
		Map<String, Object> parameters = (request.parameters() != null) ? request.parameters() : Map.of();
		DetectionOptions options = new DetectionOptions(number(parameters, "score_threshold"),
				number(parameters, "iou_threshold"), integer(parameters, "max_detections"), null);
		DetectionResponse answer = this.detection.detect(model, version, image, options, timeout);
		return new InferResponse(model, Integer.toString(answer.version()), request.id(),
				outputs(requested(request.outputs()), answer));
	}

	private static List<OutputTensor> outputs(List<String> names, DetectionResponse answer) {
		long count = answer.detections().size();
		List<OutputTensor> outputs = new ArrayList<>();
		for (String name : names) {
			switch (name) {
				case "boxes" -> {
					List<Float> values = new ArrayList<>();
					for (DetectionResponse.DetectedObject object : answer.detections()) {
						BoundingBox box = object.box();
						values.addAll(List.of(box.x(), box.y(), box.width(), box.height()));
					}
					outputs.add(new OutputTensor(name, "FP32", List.of(count, 4L), values));
				}
				case "scores" -> outputs.add(new OutputTensor(name, "FP32", List.of(count),
						answer.detections().stream().map(DetectionResponse.DetectedObject::score).toList()));
				default -> outputs.add(new OutputTensor(name, "BYTES", List.of(count),
						answer.detections().stream().map(DetectionResponse.DetectedObject::label).toList()));
			}
		}
		return outputs;
	}

	private static List<String> requested(List<RequestedOutput> requested) {
		if (requested == null || requested.isEmpty()) {
			return OUTPUTS;
		}
		List<String> names = new ArrayList<>();
		for (RequestedOutput output : requested) {
			if (output == null || !OUTPUTS.contains(output.name())) {
				throw new OipException(HttpStatus.BAD_REQUEST, "unknown output '"
						+ ((output != null) ? output.name() : null) + "'; the outputs are " + OUTPUTS);
			}
			names.add(output.name());
		}
		return names;
	}

	private static Float number(Map<String, Object> parameters, String key) {
		Object value = parameters.get(key);
		if (value != null && !(value instanceof Number)) {
			throw new OipException(HttpStatus.BAD_REQUEST, "parameter " + key + " must be a number");
		}
		return (value != null) ? ((Number) value).floatValue() : null;
	}

	private static Integer integer(Map<String, Object> parameters, String key) {
		Object value = parameters.get(key);
		if (value != null && !(value instanceof Integer)) {
			throw new OipException(HttpStatus.BAD_REQUEST, "parameter " + key + " must be an integer");
		}
		return (Integer) value;
	}

	// gRPC and binary REST hand over the bytes themselves, JSON a base64 string.
	private static byte[] image(Object value) {
		if (value instanceof byte[] raw) {
			return raw;
		}
		Object element = (value instanceof Map<?, ?> map) ? map.get("b64") : value;
		if (!(element instanceof String text)) {
			throw new OipException(HttpStatus.BAD_REQUEST, "the BYTES element must be a base64 string");
		}
		try {
			return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
		}
		catch (IllegalArgumentException ex) {
			throw new OipException(HttpStatus.BAD_REQUEST, "the BYTES element is not valid base64");
		}
	}

}
