package io.modelport.oip;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;

import io.modelport.oip.OipTypes.OutputTensor;

/**
 * Tensors as raw bytes, shared by gRPC's {@code raw_input_contents} and the REST binary
 * data extension: little-endian, row-major, and a BYTES element as a 4-byte little-endian
 * length followed by its bytes, as the protocol defines.
 *
 * @author Modelport Team
 */
public final class RawTensors {

	// Far more elements than any accepted input; stops a shape from asking for a huge
	// list before the byte length check.
	private static final long MAX_ELEMENTS = 64L * 1024 * 1024;

	private RawTensors() {
	}

	/**
	 * The number of elements of a shape.
	 * @param name the tensor, for messages
	 * @param shape the shape
	 * @return the product of the dimensions
	 * @throws OipException when a dimension is negative or the tensor is too large
	 */
	public static long elements(String name, List<Long> shape) {
		long elements = 1;
		for (long dimension : shape) {
			if (dimension < 0) {
				throw invalid("input '" + name + "' has shape " + shape + "; dimensions must not be negative");
			}
			elements = Math.multiplyExact(elements, dimension);
			if (elements > MAX_ELEMENTS) {
				throw invalid("input '" + name + "' has shape " + shape + ", more than " + MAX_ELEMENTS + " elements");
			}
		}
		return elements;
	}

	/**
	 * The bytes of one element of a datatype.
	 * @param datatype the OIP datatype
	 * @return the width, 0 for BYTES
	 * @throws OipException when the datatype is not an OIP datatype
	 */
	public static int width(String datatype) {
		return switch (datatype) {
			case "BOOL", "UINT8", "INT8" -> 1;
			case "UINT16", "INT16", "FP16", "BF16" -> 2;
			case "UINT32", "INT32", "FP32" -> 4;
			case "UINT64", "INT64", "FP64" -> 8;
			case "BYTES" -> 0;
			default -> throw invalid("datatype '" + datatype + "' is not an Open Inference Protocol "
					+ "datatype (BOOL, UINT8..UINT64, INT8..INT64, FP16, FP32, FP64, BYTES)");
		};
	}

	/**
	 * Reads raw tensor bytes into values (Integer, Long, Float, Double, Boolean or
	 * byte[]).
	 * @param name the tensor, for messages
	 * @param datatype the datatype
	 * @param shape the shape
	 * @param elements the shape's element count
	 * @param bytes the raw contents
	 * @return the values, row-major
	 * @throws OipException when the byte length disagrees with the shape
	 */
	public static List<Object> decode(String name, String datatype, List<Long> shape, long elements, ByteBuffer bytes) {
		ByteBuffer buffer = bytes.order(ByteOrder.LITTLE_ENDIAN);
		int width = width(datatype);
		if (width == 0) {
			return strings(name, shape, elements, buffer);
		}
		if ((long) buffer.remaining() != elements * width) {
			throw invalid("raw contents of input '" + name + "' hold " + buffer.remaining() + " bytes but " + datatype
					+ " shape " + shape + " needs " + (elements * width));
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
				default -> throw invalid("datatype " + datatype + " is not accepted in raw contents");
			});
		}
		return values;
	}

	private static List<Object> strings(String name, List<Long> shape, long elements, ByteBuffer buffer) {
		List<Object> values = new ArrayList<>();
		while (buffer.hasRemaining()) {
			if (buffer.remaining() < 4) {
				throw invalid("raw BYTES contents of input '" + name + "' end inside a length prefix");
			}
			int length = buffer.getInt();
			if (length < 0 || length > buffer.remaining()) {
				throw invalid("raw BYTES contents of input '" + name + "' announce an element of "
						+ Integer.toUnsignedString(length) + " bytes but only " + buffer.remaining() + " follow");
			}
			byte[] element = new byte[length];
			buffer.get(element);
			values.add(element);
		}
		if (values.size() != elements) {
			throw invalid("raw BYTES contents of input '" + name + "' hold " + values.size() + " elements but shape "
					+ shape + " needs " + elements);
		}
		return values;
	}

	/**
	 * Writes an output tensor's values as raw bytes.
	 * @param output the tensor
	 * @return its raw contents
	 */
	public static byte[] encode(OutputTensor output) {
		List<?> data = output.data();
		if ("BYTES".equals(output.datatype())) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ByteBuffer length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
			for (Object value : data) {
				byte[] bytes = bytes(value);
				length.clear();
				out.write(length.putInt(bytes.length).array(), 0, 4);
				out.write(bytes, 0, bytes.length);
			}
			return out.toByteArray();
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
		return buffer.array();
	}

	/**
	 * The bytes of a BYTES element: raw bytes as they are, anything else as UTF-8 text.
	 * @param value the element
	 * @return its bytes
	 */
	public static byte[] bytes(Object value) {
		return (value instanceof byte[] raw) ? raw : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
	}

	private static OipException invalid(String message) {
		return new OipException(HttpStatus.BAD_REQUEST, message);
	}

}
