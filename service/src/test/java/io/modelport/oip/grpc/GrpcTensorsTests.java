package io.modelport.oip.grpc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

import io.modelport.oip.OipTypes.InferRequest;
import io.modelport.oip.OipTypes.InferResponse;
import io.modelport.oip.OipTypes.OutputTensor;
import io.modelport.oip.RawTensors;
import io.modelport.oip.grpc.v2.InferTensorContents;
import io.modelport.oip.grpc.v2.ModelInferRequest;
import io.modelport.oip.grpc.v2.ModelInferResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Raw and typed tensor contents in both directions, little-endian as the protocol
 * defines, and the checks on shapes and byte lengths.
 *
 * @author Modelport Team
 */
class GrpcTensorsTests {

	@Test
	void decodesEveryFixedWidthDatatype() {
		assertThat(decode("UINT8", new byte[] { (byte) 255, 7 })).containsExactly(255, 7);
		assertThat(decode("INT8", new byte[] { (byte) 255, 7 })).containsExactly(-1, 7);
		assertThat(decode("BOOL", new byte[] { 0, 1 })).containsExactly(false, true);
		assertThat(decode("UINT16", le(2).putShort((short) -1).putShort((short) 3))).containsExactly(65535, 3);
		assertThat(decode("INT16", le(2).putShort((short) -1).putShort((short) 3))).containsExactly(-1, 3);
		assertThat(decode("INT32", le(4).putInt(-5).putInt(6))).containsExactly(-5, 6);
		assertThat(decode("UINT32", le(4).putInt(-1).putInt(6))).containsExactly(4294967295L, 6L);
		assertThat(decode("INT64", le(8).putLong(-5).putLong(6))).containsExactly(-5L, 6L);
		assertThat(decode("FP32", le(4).putFloat(1.5f).putFloat(-2f))).containsExactly(1.5f, -2f);
		assertThat(decode("FP64", le(8).putDouble(1.5).putDouble(-2))).containsExactly(1.5, -2.0);
	}

	@Test
	void rejectsLengthsAndShapesThatDisagree() {
		assertInvalid(() -> RawTensors.decode("x", "FP32", List.of(2L), 2, ByteBuffer.allocate(7)),
				"hold 7 bytes but FP32 shape [2] needs 8");
		assertInvalid(() -> RawTensors.elements("x", List.of(2L, -1L)), "must not be negative");
		assertInvalid(() -> RawTensors.elements("x", List.of(1L << 20, 1L << 20)), "more than");
		assertInvalid(() -> RawTensors.width("FLOAT32"), "not an Open Inference Protocol datatype");
		assertInvalid(
				() -> RawTensors.decode("x", "BYTES", List.of(2L), 2, ByteBuffer.wrap(new byte[] { 1, 0, 0, 0, 65 })),
				"hold 1 elements but shape [2] needs 2");
		assertInvalid(() -> RawTensors.decode("x", "BYTES", List.of(1L), 1, ByteBuffer.wrap(new byte[] { 1, 0 })),
				"end inside a length prefix");
		ModelInferRequest both = ModelInferRequest.newBuilder()
			.addInputs(ModelInferRequest.InferInputTensor.newBuilder()
				.setName("input")
				.setDatatype("FP32")
				.addShape(1)
				.setContents(InferTensorContents.newBuilder().addFp32Contents(1)))
			.addRawInputContents(ByteString.copyFrom(new byte[4]))
			.build();
		assertInvalid(() -> GrpcTensors.request(both), "both contents and raw_input_contents");
	}

	@Test
	void typedContentsBecomeTheSameValuesAsRaw() {
		ModelInferRequest request = ModelInferRequest.newBuilder()
			.setId("t")
			.addInputs(ModelInferRequest.InferInputTensor.newBuilder()
				.setName("words")
				.setDatatype("BYTES")
				.addShape(2)
				.setContents(InferTensorContents.newBuilder()
					.addBytesContents(ByteString.copyFromUtf8("king"))
					.addBytesContents(ByteString.copyFromUtf8("queen"))))
			.addInputs(ModelInferRequest.InferInputTensor.newBuilder()
				.setName("pixels")
				.setDatatype("UINT8")
				.addShape(1)
				.setContents(InferTensorContents.newBuilder().addUintContents(200)))
			.build();
		InferRequest converted = GrpcTensors.request(request);
		assertThat(converted.id()).isEqualTo("t");
		assertThat(converted.outputs()).isNull();
		assertThat((List<?>) converted.inputs().get(0).data()).satisfiesExactly(
				(word) -> assertThat((byte[]) word).asString().isEqualTo("king"),
				(word) -> assertThat((byte[]) word).asString().isEqualTo("queen"));
		assertThat(converted.inputs().get(1).data()).isEqualTo(List.of(200L));
	}

	@Test
	void encodesOutputsRawOrTyped() {
		InferResponse answer = new InferResponse("m", "2", null,
				List.of(new OutputTensor("p", "FP32", List.of(2L), List.of(0.25f, 0.75f)),
						new OutputTensor("label", "BYTES", List.of(1L), List.of("Bag")),
						new OutputTensor("n", "INT64", List.of(1L), List.of(9L))));
		ModelInferResponse raw = GrpcTensors.response(answer, true);
		assertThat(raw.getModelVersion()).isEqualTo("2");
		ByteBuffer probabilities = raw.getRawOutputContents(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
		assertThat(probabilities.getFloat()).isEqualTo(0.25f);
		assertThat(probabilities.getFloat()).isEqualTo(0.75f);
		assertThat(OipGrpcIntegrationTests.bytesElements(raw.getRawOutputContents(1))).containsExactly("Bag");
		assertThat(raw.getRawOutputContents(2).size()).isEqualTo(8);
		ModelInferResponse typed = GrpcTensors.response(answer, false);
		assertThat(typed.getRawOutputContentsCount()).isZero();
		assertThat(typed.getOutputs(0).getContents().getFp32ContentsList()).containsExactly(0.25f, 0.75f);
		assertThat(typed.getOutputs(1).getContents().getBytesContents(0).toStringUtf8()).isEqualTo("Bag");
		assertThat(typed.getOutputs(2).getContents().getInt64ContentsList()).containsExactly(9L);
	}

	private static List<Object> decode(String datatype, byte[] bytes) {
		int width = RawTensors.width(datatype);
		return RawTensors.decode("x", datatype, List.of((long) bytes.length / width), bytes.length / width,
				ByteBuffer.wrap(bytes));
	}

	private static List<Object> decode(String datatype, ByteBuffer buffer) {
		return decode(datatype, buffer.array());
	}

	private static ByteBuffer le(int width) {
		return ByteBuffer.allocate(2 * width).order(ByteOrder.LITTLE_ENDIAN);
	}

	private static void assertInvalid(Runnable call, String message) {
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(call::run).satisfies((ex) -> {
			Status status = GrpcErrors.toStatus(ex).getStatus();
			assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(status.getDescription()).contains(message);
		});
	}

}
