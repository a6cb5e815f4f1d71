package io.modelport.nn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a TF.js weight manifest and its binary shards into float tensors. Quantised
 * tensors ({@code uint8} or {@code uint16} with a per-tensor {@code scale} and
 * {@code min}) are dequantised as {@code min + q × scale}, the rule TF.js applies when it
 * loads them; {@code float32} tensors are read as stored (little-endian).
 *
 * @author Modelport Team
 */
public final class TfjsWeights {

	private TfjsWeights() {
	}

	/**
	 * Reads every tensor a manifest names.
	 * @param manifest the manifest JSON
	 * @param shards opens a shard by the path the manifest gives
	 * @return the tensors by name, in manifest order
	 * @throws IOException when a shard cannot be read or is shorter than the manifest
	 * says
	 */
	public static Map<String, Tensor> read(InputStream manifest, Function<String, InputStream> shards)
			throws IOException {
		JsonNode groups = new ObjectMapper().readTree(manifest);
		Map<String, Tensor> tensors = new LinkedHashMap<>();
		for (JsonNode group : groups) {
			ByteArrayBuilder bytes = new ByteArrayBuilder();
			for (JsonNode path : group.get("paths")) {
				try (InputStream in = shards.apply(path.asText())) {
					bytes.append(in.readAllBytes());
				}
			}
			ByteBuffer buffer = ByteBuffer.wrap(bytes.toArray()).order(ByteOrder.LITTLE_ENDIAN);
			for (JsonNode weight : group.get("weights")) {
				Tensor tensor = readOne(weight, buffer);
				tensors.put(tensor.name(), tensor);
			}
			if (buffer.hasRemaining()) {
				throw new IOException("the shards hold " + buffer.remaining() + " bytes more than the manifest names");
			}
		}
		return tensors;
	}

	private static Tensor readOne(JsonNode weight, ByteBuffer buffer) throws IOException {
		String name = weight.get("name").asText();
		if (!"float32".equals(weight.get("dtype").asText())) {
			throw new IOException(name + ": only float32 tensors are supported, not " + weight.get("dtype"));
		}
		int[] shape = new int[weight.get("shape").size()];
		int size = 1;
		for (int i = 0; i < shape.length; i++) {
			shape[i] = weight.get("shape").get(i).asInt();
			size *= shape[i];
		}
		float[] values = new float[size];
		JsonNode quantization = weight.get("quantization");
		String stored = (quantization != null) ? quantization.get("dtype").asText() : "float32";
		int width = switch (stored) {
			case "uint8" -> 1;
			case "uint16" -> 2;
			case "float32" -> 4;
			default -> throw new IOException(name + ": unknown quantisation " + stored);
		};
		if (buffer.remaining() < (long) size * width) {
			throw new IOException(name + ": the shards end early");
		}
		if (width == 4) {
			for (int i = 0; i < size; i++) {
				values[i] = buffer.getFloat();
			}
		}
		else {
			// TF.js computes q × scale + min in double precision and stores the result as
			// float32; doing the same gives the very same weights.
			double scale = quantization.get("scale").asDouble();
			double min = quantization.get("min").asDouble();
			for (int i = 0; i < size; i++) {
				int q = (width == 1) ? Byte.toUnsignedInt(buffer.get()) : Short.toUnsignedInt(buffer.getShort());
				values[i] = (float) (q * scale + min);
			}
		}
		return new Tensor(name, shape, values);
	}

	/**
	 * One dequantised tensor, in the manifest's layout (TF: height, width, in, out for
	 * convolution filters).
	 *
	 * @param name the manifest name
	 * @param shape the dimensions
	 * @param values the values, row-major
	 */
	public record Tensor(String name, int[] shape, float[] values) {

		/**
		 * The dimensions as a list, for messages.
		 * @return the dimensions
		 */
		public List<Integer> dims() {
			return java.util.Arrays.stream(this.shape).boxed().toList();
		}

	}

	private static final class ByteArrayBuilder {

		private byte[] data = new byte[0];

		void append(byte[] more) {
			byte[] joined = java.util.Arrays.copyOf(this.data, this.data.length + more.length);
			System.arraycopy(more, 0, joined, this.data.length, more.length);
			this.data = joined;
		}

		byte[] toArray() {
			return this.data;
		}

	}

}
