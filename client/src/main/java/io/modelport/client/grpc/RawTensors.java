package io.modelport.client.grpc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import com.google.protobuf.ByteString;

import io.modelport.oip.grpc.v2.ModelInferRequest;
import io.modelport.oip.grpc.v2.ModelInferResponse;

/**
 * Builds requests with {@code raw_input_contents} and reads {@code raw_output_contents}:
 * the protocol's raw form is the tensor's row-major bytes, little-endian, which skips the
 * per-value encoding of the typed contents.
 *
 * @author Modelport Team
 */
public final class RawTensors {

	private RawTensors() {
	}

	/**
	 * A request with one FP32 input sent as raw bytes.
	 * @param model the model
	 * @param version the version, {@code null} or empty for the default
	 * @param input the input name, for example {@code input}
	 * @param shape the shape, for example {@code [1, 1, 28, 28]}
	 * @param values the values, row-major
	 * @return the request
	 */
	public static ModelInferRequest fp32Request(String model, String version, String input, List<Long> shape,
			float[] values) {
		long count = shape.stream().mapToLong(Long::longValue).reduce(1, (a, b) -> a * b);
		if (count != values.length) {
			throw new IllegalArgumentException("shape " + shape + " holds " + count + " values, not " + values.length);
		}
		ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		bytes.asFloatBuffer().put(values);
		return ModelInferRequest.newBuilder()
			.setModelName(model)
			.setModelVersion((version != null) ? version : "")
			.addInputs(ModelInferRequest.InferInputTensor.newBuilder()
				.setName(input)
				.setDatatype("FP32")
				.addAllShape(shape))
			.addRawInputContents(ByteString.copyFrom(bytes.array()))
			.build();
	}

	/**
	 * An FP32 output's values, from the raw contents when the server sent them, else from
	 * the typed contents.
	 * @param response the answer
	 * @param output the output name
	 * @return the values, row-major
	 */
	public static float[] fp32(ModelInferResponse response, String output) {
		for (int i = 0; i < response.getOutputsCount(); i++) {
			ModelInferResponse.InferOutputTensor tensor = response.getOutputs(i);
			if (!tensor.getName().equals(output)) {
				continue;
			}
			if (!tensor.getDatatype().equals("FP32")) {
				throw new IllegalArgumentException("output '" + output + "' is " + tensor.getDatatype() + ", not FP32");
			}
			if (i < response.getRawOutputContentsCount()) {
				ByteBuffer bytes = response.getRawOutputContents(i)
					.asReadOnlyByteBuffer()
					.order(ByteOrder.LITTLE_ENDIAN);
				float[] values = new float[bytes.remaining() / Float.BYTES];
				bytes.asFloatBuffer().get(values);
				return values;
			}
			List<Float> typed = tensor.getContents().getFp32ContentsList();
			float[] values = new float[typed.size()];
			for (int j = 0; j < values.length; j++) {
				values[j] = typed.get(j);
			}
			return values;
		}
		throw new IllegalArgumentException("the answer has no output '" + output + "'");
	}

}
