package io.modelport.oip.grpc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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

	// Far more elements than any accepted input; stops a shape from asking for a huge
	// list before the byte length check.
	private static final long MAX_ELEMENTS = 64L * 1024 * 1024;

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
			long elements = elements(tensor.getName(), shape);
			List<Object> data;
			if (raw > 0) {
				if (tensor.hasContents()) {
					throw GrpcErrors.invalid("input '" + tensor.getName()
							+ "' has both contents and raw_input_contents; send one of them");
				}
				data = decode(tensor.getName(), tensor.getDatatype(), shape, elements,
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
				builder.addRawOutputContents(encode(output));
			}
			else {
				tensor.setContents(contents(output));
			}
			builder.addOutputs(tensor);
		}
		return builder.build();
	}

	static long elements(String name, List<Long> shape) {
		long elements = 1;
		for (long dimension : shape) {
			if (dimension < 0) {
				throw GrpcErrors
					.invalid("input '" + name + "' has shape " + shape + "; dimensions must not be negative");
			}
			elements = Math.multiplyExact(elements, dimension);
			if (elements > MAX_ELEMENTS) {
				throw GrpcErrors
					.invalid("input '" + name + "' has shape " + shape + ", more than " + MAX_ELEMENTS + " elements");
			}
		}
		return elements;
	}

	static int width(String datatype) {
		return switch (datatype) {
			case "BOOL", "UINT8", "INT8" -> 1;
			case "UINT16", "INT16", "FP16", "BF16" -> 2;
			case "UINT32", "INT32", "FP32" -> 4;
			case "UINT64", "INT64", "FP64" -> 8;
			case "BYTES" -> 0;
			default -> throw GrpcErrors.invalid("datatype '" + datatype + "' is not an Open Inference Protocol "
					+ "datatype (BOOL, UINT8..UINT64, INT8..INT64, FP16, FP32, FP64, BYTES)");
		};
	}

	static List<Object> decode(String name, String datatype, List<Long> shape, long elements, ByteBuffer bytes) {
		ByteBuffer buffer = bytes.order(ByteOrder.LITTLE_ENDIAN);
		int width = width(datatype);
		if (width == 0) {
			return strings(name, shape, elements, buffer);
		}
		if ((long) buffer.remaining() != elements * width) {
			throw GrpcErrors.invalid("raw contents of input '" + name + "' hold " + buffer.remaining() + " bytes but "
					+ datatype + " shape " + shape + " needs " + (elements * width));
		}
		List<Object> values = new ArrayList<>((int) elements);
		for (long i = 0; i < elements; i++) {
			values.add(switch (datatype) {
				case "BOOL" -> buffer.get() != 0;
				case "UINT8" -> buffer.get() & 0xFF;
				case "INT8" -> (int) buffer.get();
				case "UINT16" -> buffer.getShort() & 0xFFFF;
				case "INT16" -> (int) buffer.getShort();
				case "UINT32" -> buffer.getInt() & 0xFFFFFFFFL;
				case "INT32" -> buffer.getInt();
				case "UINT64", "INT64" -> buffer.getLong();
				case "FP32" -> buffer.getFloat();
				case "FP64" -> buffer.getDouble();
				default -> throw GrpcErrors.invalid("datatype " + datatype + " is not accepted in raw contents");
			});
		}
		return values;
	}

	private static List<Object> strings(String name, List<Long> shape, long elements, ByteBuffer buffer) {
		List<Object> values = new ArrayList<>();
		while (buffer.hasRemaining()) {
			if (buffer.remaining() < 4) {
				throw GrpcErrors.invalid("raw BYTES contents of input '" + name + "' end inside a length prefix");
			}
			int length = buffer.getInt();
			if (length < 0 || length > buffer.remaining()) {
				throw GrpcErrors.invalid("raw BYTES contents of input '" + name + "' announce an element of "
						+ Integer.toUnsignedString(length) + " bytes but only " + buffer.remaining() + " follow");
			}
			byte[] element = new byte[length];
			buffer.get(element);
			values.add(element);
		}
		if (values.size() != elements) {
			throw GrpcErrors.invalid("raw BYTES contents of input '" + name + "' hold " + values.size()
					+ " elements but shape " + shape + " needs " + elements);
		}
		return values;
	}

	private static List<Object> contents(String datatype, InferTensorContents contents) {
		List<Object> values = new ArrayList<>();
		switch ((width(datatype) == 0) ? "BYTES" : datatype) {
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

	private static ByteString encode(OutputTensor output) {
		List<?> data = output.data();
		if ("BYTES".equals(output.datatype())) {
			ByteString.Output out = ByteString.newOutput();
			ByteBuffer length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
			for (Object value : data) {
				byte[] bytes = bytes(value);
				length.clear();
				out.write(length.putInt(bytes.length).array(), 0, 4);
				out.write(bytes, 0, bytes.length);
			}
			return out.toByteString();
		}
		int width = width(output.datatype());
		ByteBuffer buffer = ByteBuffer.allocate(data.size() * width).order(ByteOrder.LITTLE_ENDIAN);
		for (Object value : data) {
			Number number = (value instanceof Boolean flag) ? (flag ? 1 : 0) : (Number) value;
			switch (output.datatype()) {
				case "BOOL", "UINT8", "INT8" -> buffer.put(number.byteValue());
				case "UINT16", "INT16" -> buffer.putShort(number.shortValue());
				case "UINT32", "INT32" -> buffer.putInt(number.intValue());
				case "UINT64", "INT64" -> buffer.putLong(number.longValue());
				case "FP32" -> buffer.putFloat(number.floatValue());
				case "FP64" -> buffer.putDouble(number.doubleValue());
				default -> throw new IllegalStateException("no raw encoding for output datatype " + output.datatype());
			}
		}
		buffer.flip();
		return ByteString.copyFrom(buffer);
	}

	private static InferTensorContents contents(OutputTensor output) {
		InferTensorContents.Builder contents = InferTensorContents.newBuilder();
		for (Object value : output.data()) {
			switch (output.datatype()) {
				case "BYTES" -> contents.addBytesContents(ByteString.copyFrom(bytes(value)));
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

	private static byte[] bytes(Object value) {
		return (value instanceof byte[] raw) ? raw : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
	}

}
