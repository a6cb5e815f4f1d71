package io.modelport.client;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON shapes of the Open Inference Protocol v2 (KServe, Triton) REST API.
 *
 * @author Modelport Team
 */
public final class Oip {

	private Oip() {
	}

	/**
	 * The server's name, version and protocol extensions.
	 *
	 * @param name the server name
	 * @param version the server version
	 * @param extensions the extensions
	 * @author Modelport Team
	 */
	public record ServerMetadata(String name, String version, List<String> extensions) {

	}

	/**
	 * A tensor's name, datatype and shape ({@code -1} for a variable dimension).
	 *
	 * @param name the name
	 * @param datatype FP32, INT64, BYTES...
	 * @param shape the shape
	 * @author Modelport Team
	 */
	public record TensorMetadata(String name, String datatype, List<Long> shape) {

	}

	/**
	 * A model's versions, platform, inputs and outputs.
	 *
	 * @param name the model
	 * @param versions its versions
	 * @param platform its platform
	 * @param inputs the inputs it accepts
	 * @param outputs the outputs it produces
	 * @author Modelport Team
	 */
	public record ModelMetadata(String name, List<String> versions, String platform, List<TensorMetadata> inputs,
			List<TensorMetadata> outputs) {

	}

	/**
	 * An input tensor, data flat and row-major.
	 *
	 * @param name the input name
	 * @param datatype the datatype
	 * @param shape the shape
	 * @param data the values
	 * @param parameters optional parameters
	 * @author Modelport Team
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record InferInput(String name, String datatype, List<Long> shape, Object data,
			Map<String, Object> parameters) {

		/**
		 * An FP32 tensor.
		 * @param name the input name
		 * @param shape the shape
		 * @param data the values, row-major
		 * @return the tensor
		 */
		public static InferInput fp32(String name, List<Long> shape, float[] data) {
			return new InferInput(name, "FP32", shape, data, null);
		}

		/**
		 * A BYTES tensor of strings (words, texts).
		 * @param name the input name
		 * @param data the strings
		 * @return the tensor
		 */
		public static InferInput bytes(String name, List<String> data) {
			return new InferInput(name, "BYTES", List.of((long) data.size()), data, null);
		}

	}

	/**
	 * An output a request asks for.
	 *
	 * @param name the output name
	 * @author Modelport Team
	 */
	public record RequestedOutput(String name) {

	}

	/**
	 * An inference request.
	 *
	 * @param id an optional id, echoed back
	 * @param parameters optional parameters
	 * @param inputs the inputs
	 * @param outputs the outputs wanted, all when {@code null}
	 * @author Modelport Team
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record InferRequest(String id, Map<String, Object> parameters, List<InferInput> inputs,
			List<RequestedOutput> outputs) {

		/**
		 * A request of these inputs for every output.
		 * @param inputs the inputs
		 * @return the request
		 */
		public static InferRequest of(InferInput... inputs) {
			return new InferRequest(null, null, List.of(inputs), null);
		}

	}

	/**
	 * An output tensor, data flat and row-major.
	 *
	 * @param name the name
	 * @param datatype the datatype
	 * @param shape the shape
	 * @param data the values
	 * @author Modelport Team
	 */
	public record InferOutput(String name, String datatype, List<Long> shape, List<Object> data) {

		/**
		 * The values as floats (numeric datatypes).
		 * @return the values
		 */
		public float[] floats() {
			float[] values = new float[this.data.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = ((Number) this.data.get(i)).floatValue();
			}
			return values;
		}

	}

	/**
	 * An inference answer.
	 *
	 * @param modelName the model
	 * @param modelVersion the version that answered
	 * @param id the request id
	 * @param outputs the outputs
	 * @author Modelport Team
	 */
	public record InferResponse(@JsonProperty("model_name") String modelName,
			@JsonProperty("model_version") String modelVersion, String id, List<InferOutput> outputs) {

		/**
		 * An output by name.
		 * @param name the output name
		 * @return the output
		 * @throws IllegalArgumentException when there is none of that name
		 */
		public InferOutput output(String name) {
			return this.outputs.stream()
				.filter((output) -> output.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no output '" + name + "'"));
		}

	}

}
