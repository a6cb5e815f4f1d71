package io.modelport.oip;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.oip.OipTypes.InferRequest;
import io.modelport.oip.OipTypes.InferResponse;
import io.modelport.oip.OipTypes.InputTensor;
import io.modelport.oip.OipTypes.OutputTensor;
import io.modelport.oip.OipTypes.RequestedOutput;

/**
 * The OIP binary data extension over REST: the body is a JSON inference header of
 * {@code Inference-Header-Content-Length} bytes followed by the raw contents of every
 * input whose {@code parameters.binary_data_size} is set, in input order. Outputs come
 * back the same way when the request asks for them with {@code binary_data_output} or an
 * output's {@code binary_data} parameter; raw encoding as in {@link RawTensors}.
 *
 * @author Modelport Team
 */
@Component
class OipBinary {

	static final String HEADER = "Inference-Header-Content-Length";

	private static final String SIZE = "binary_data_size";

	private final JsonMapper json;

	OipBinary(JsonMapper json) {
		this.json = json;
	}

	InferRequest read(byte[] body, String headerLength) {
		int length;
		try {
			length = Integer.parseInt(headerLength.strip());
		}
		catch (NumberFormatException ex) {
			throw invalid(HEADER + " must be a whole number of bytes, not '" + headerLength + "'");
		}
		if (length < 0 || length > body.length) {
			throw invalid(HEADER + " is " + length + " but the body has " + body.length + " bytes");
		}
		InferRequest header;
		try {
			header = this.json.readValue(body, 0, length, InferRequest.class);
		}
		catch (JacksonException ex) {
			throw invalid("the first " + length + " bytes are not a JSON inference request header");
		}
		if (header == null || header.inputs() == null) {
			throw invalid("the inference header has no 'inputs'");
		}
		int offset = length;
		List<InputTensor> inputs = new ArrayList<>();
		for (InputTensor input : header.inputs()) {
			Object size = (input != null && input.parameters() != null) ? input.parameters().get(SIZE) : null;
			if (size == null) {
				inputs.add(input);
				continue;
			}
			if (!(size instanceof Number number) || number.longValue() < 0
					|| number.longValue() > body.length - offset) {
				throw invalid("input '" + input.name() + "' has " + SIZE + " " + size + " but only "
						+ (body.length - offset) + " bytes of binary data are left");
			}
			if (input.datatype() == null || input.shape() == null) {
				throw invalid("input '" + input.name() + "' needs 'datatype' and 'shape'");
			}
			long elements = RawTensors.elements(input.name(), input.shape());
			List<Object> data = RawTensors.decode(input.name(), input.datatype(), input.shape(), elements,
					ByteBuffer.wrap(body, offset, number.intValue()).slice());
			offset += number.intValue();
			inputs.add(new InputTensor(input.name(), input.datatype(), input.shape(), data, input.parameters()));
		}
		if (offset != body.length) {
			throw invalid((body.length - offset) + " bytes of binary data follow the inputs' " + SIZE + " total");
		}
		return new InferRequest(header.id(), header.parameters(), inputs, header.outputs());
	}

	ResponseEntity<byte[]> write(InferRequest request, InferResponse answer) {
		boolean all = request.parameters() != null
				&& Boolean.TRUE.equals(request.parameters().get("binary_data_output"));
		ByteArrayOutputStream binary = new ByteArrayOutputStream();
		List<Map<String, Object>> outputs = new ArrayList<>();
		for (OutputTensor output : answer.outputs()) {
			Map<String, Object> tensor = new LinkedHashMap<>();
			tensor.put("name", output.name());
			tensor.put("datatype", output.datatype());
			tensor.put("shape", output.shape());
			if (all || asksBinary(request.outputs(), output.name())) {
				byte[] raw = RawTensors.encode(output);
				binary.writeBytes(raw);
				tensor.put("parameters", Map.of(SIZE, raw.length));
			}
			else {
				tensor.put("data", output.data());
			}
			outputs.add(tensor);
		}
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("model_name", answer.modelName());
		header.put("model_version", answer.modelVersion());
		if (answer.id() != null) {
			header.put("id", answer.id());
		}
		header.put("outputs", outputs);
		byte[] json = this.json.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
		if (binary.size() == 0) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream(json.length + binary.size());
		body.writeBytes(json);
		body.writeBytes(binary.toByteArray());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HEADER, Integer.toString(json.length))
			.body(body.toByteArray());
	}

	private static boolean asksBinary(List<RequestedOutput> requested, String name) {
		if (requested == null) {
			return false;
		}
		return requested.stream()
			.anyMatch((output) -> output != null && name.equals(output.name()) && output.parameters() != null
					&& Boolean.TRUE.equals(output.parameters().get("binary_data")));
	}

	private static OipException invalid(String message) {
		return new OipException(HttpStatus.BAD_REQUEST, message);
	}

}
