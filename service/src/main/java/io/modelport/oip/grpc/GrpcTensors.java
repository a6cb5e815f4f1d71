package io.modelport.oip.grpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;

import io.modelport.oip.OipTypes.InferRequest;
import io.modelport.oip.OipTypes.InferResponse;
import io.modelport.oip.OipTypes.InputTensor;
import io.modelport.oip.OipTypes.OutputTensor;
import io.modelport.oip.OipTypes.RequestedOutput;
import io.modelport.oip.RawTensors;
import io.modelport.oip.grpc.v2.InferParameter;
import io.modelport.oip.grpc.v2.InferTensorContents;
import io.modelport.oip.grpc.v2.ModelInferRequest;
import io.modelport.oip.grpc.v2.ModelInferRequest.InferInputTensor;
import io.modelport.oip.grpc.v2.ModelInferResponse;
import io.modelport.oip.grpc.v2.ModelInferResponse.InferOutputTensor;

/**
 * Converts between the protobuf tensors of a gRPC call and the OIP service's tensors. Raw
 * contents are little-endian and row-major; a BYTES element is a 4-byte little-endian
 * length followed by its bytes, as the protocol defines.
 *
 * @author Modelport Team
 */
final class GrpcTensors {

	private GrpcTensors() {
	}

	static InferRequest request(ModelInferRequest request) {
		int raw = request.getRawInputContentsCount();
		if (raw > 0 && raw != request.getInputsCount()) {
			throw GrpcErrors.invalid("raw_input_contents has " + raw + " entries but the request has "
					+ request.getInputsCount() + " inputs; give one per input or none");
		}
		List<InputTensor> inputs = new ArrayList<>();
		for (int i = 0; i < request.getInputsCount(); i++) {
			InferInputTensor tensor = request.getInputs(i);
			List<Long> shape = tensor.getShapeList();
			long elements = RawTensors.elements(tensor.getName(), shape);
			List<Object> data;
			if (raw > 0) {
				if (tensor.hasContents()) {
					throw GrpcErrors.invalid("input '" + tensor.getName()
							+ "' has both contents and raw_input_contents; send one of them");
				}
				data = RawTensors.decode(tensor.getName(), tensor.getDatatype(), shape, elements,
						request.getRawInputContents(i).asReadOnlyByteBuffer());
			}
			else {
				data = contents(tensor.getDatatype(), tensor.getContents());
			}
			inputs.add(new InputTensor(tensor.getName(), tensor.getDatatype(), shape, data, null));
		}
		List<RequestedOutput> outputs = request.getOutputsList()
			.stream()
			.map((output) -> new RequestedOutput(output.getName(), null))
			.toList();
		return new InferRequest(request.getId().isEmpty() ? null : request.getId(),
				parameters(request.getParametersMap()), inputs, outputs.isEmpty() ? null : outputs);
	}

	// Request parameters (score_threshold, beam_width, ...) as REST's JSON would give
	// them.
	static Map<String, Object> parameters(Map<String, InferParameter> parameters) {
		if (parameters.isEmpty()) {
			return null;
		}
		Map<String, Object> values = new LinkedHashMap<>();
		parameters.forEach((name, parameter) -> values.put(name, switch (parameter.getParameterChoiceCase()) {
			case BOOL_PARAM -> parameter.getBoolParam();
			case INT64_PARAM -> parameter.getInt64Param();
			case STRING_PARAM -> parameter.getStringParam();
			case DOUBLE_PARAM -> parameter.getDoubleParam();
			case UINT64_PARAM -> parameter.getUint64Param();
			case PARAMETERCHOICE_NOT_SET -> null;
		}));
		return values;
	}

	static ModelInferResponse response(InferResponse answer, boolean raw) {
		ModelInferResponse.Builder builder = ModelInferResponse.newBuilder()
			.setModelName(answer.modelName())
			.setModelVersion(answer.modelVersion());
		if (answer.id() != null) {
			builder.setId(answer.id());
		}
		for (OutputTensor output : answer.outputs()) {
			InferOutputTensor.Builder tensor = InferOutputTensor.newBuilder()
				.setName(output.name())
				.setDatatype(output.datatype())
				.addAllShape(output.shape());
			if (raw) {
				builder.addRawOutputContents(ByteString.copyFrom(RawTensors.encode(output)));
			}
			else {
				tensor.setContents(contents(output));
			}
			builder.addOutputs(tensor);
		}
		return builder.build();
	}

	private static List<Object> contents(String datatype, InferTensorContents contents) {
		List<Object> values = new ArrayList<>();
		switch ((RawTensors.width(datatype) == 0) ? "BYTES" : datatype) {
			case "BOOL" -> values.addAll(contents.getBoolContentsList());
			case "INT8", "INT16", "INT32" -> values.addAll(contents.getIntContentsList());
			case "UINT8", "UINT16", "UINT32" ->
				contents.getUintContentsList().forEach((value) -> values.add(Integer.toUnsignedLong(value)));
			case "INT64" -> values.addAll(contents.getInt64ContentsList());
			case "UINT64" -> values.addAll(contents.getUint64ContentsList());
			case "FP32" -> values.addAll(contents.getFp32ContentsList());
			case "FP64" -> values.addAll(contents.getFp64ContentsList());
			case "BYTES" -> contents.getBytesContentsList().forEach((value) -> values.add(value.toByteArray()));
			default -> throw GrpcErrors
				.invalid("datatype " + datatype + " has no typed contents field; " + "send it in raw_input_contents");
		}
		return values;
	}

	private static InferTensorContents contents(OutputTensor output) {
		InferTensorContents.Builder contents = InferTensorContents.newBuilder();
		for (Object value : output.data()) {
			switch (output.datatype()) {
				case "BYTES" -> contents.addBytesContents(ByteString.copyFrom(RawTensors.bytes(value)));
				case "BOOL" -> contents.addBoolContents((Boolean) value);
				case "INT8", "INT16", "INT32" -> contents.addIntContents(((Number) value).intValue());
				case "UINT8", "UINT16", "UINT32" -> contents.addUintContents(((Number) value).intValue());
				case "INT64" -> contents.addInt64Contents(((Number) value).longValue());
				case "UINT64" -> contents.addUint64Contents(((Number) value).longValue());
				case "FP64" -> contents.addFp64Contents(((Number) value).doubleValue());
				default -> contents.addFp32Contents(((Number) value).floatValue());
			}
		}
		return contents.build();
	}

}
