package io.modelport.oip;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON shapes of the Open Inference Protocol v2 REST API.
 *
 * @author Modelport Team
 */
public final class OipTypes {

	private OipTypes() {
	}

	/**
	 * {@code GET /v2}.
	 *
	 * @param name the server name
	 * @param version the server version
	 * @param extensions the protocol extensions supported
	 * @author Modelport Team
	 */
	public record ServerMetadata(String name, String version, List<String> extensions) {

	}

	/**
	 * A tensor's name, datatype and shape ({@code -1} for a variable dimension).
	 *
	 * @param name the tensor name
	 * @param datatype the datatype, for example {@code FP32}
	 * @param shape the shape
	 * @author Modelport Team
	 */
	public record TensorMetadata(String name, String datatype, List<Long> shape) {

	}

	/**
	 * {@code GET /v2/models/{model}[/versions/{v}]}.
	 *
	 * @param name the model name
	 * @param versions the versions
	 * @param platform the platform
	 * @param inputs the accepted inputs
	 * @param outputs the produced outputs
	 * @author Modelport Team
	 */
	public record ModelMetadata(String name, List<String> versions, String platform, List<TensorMetadata> inputs,
			List<TensorMetadata> outputs) {

	}

	/**
	 * An input tensor; {@code data} is flat or nested, row-major.
	 *
	 * @param name the input name
	 * @param datatype the datatype
	 * @param shape the shape
	 * @param data the values
	 * @param parameters optional parameters
	 * @author Modelport Team
	 */
	public record InputTensor(String name, String datatype, List<Long> shape, Object data,
			Map<String, Object> parameters) {

	}

	/**
	 * An output a request asks for.
	 *
	 * @param name the output name
	 * @param parameters optional parameters
	 * @author Modelport Team
	 */
	public record RequestedOutput(String name, Map<String, Object> parameters) {

	}

	/**
	 * {@code POST .../infer} body.
	 *
	 * @param id an optional request id, echoed back
	 * @param parameters optional parameters
	 * @param inputs the input tensors
	 * @param outputs the outputs to return, all when absent
	 * @author Modelport Team
	 */
	public record InferRequest(String id, Map<String, Object> parameters, List<InputTensor> inputs,
			List<RequestedOutput> outputs) {

	}

	/**
	 * An output tensor, data flat and row-major.
	 *
	 * @param name the output name
	 * @param datatype the datatype
	 * @param shape the shape
	 * @param data the values
	 * @author Modelport Team
	 */
	public record OutputTensor(String name, String datatype, List<Long> shape, List<?> data) {

	}

	/**
	 * {@code POST .../infer} answer.
	 *
	 * @param modelName the model name
	 * @param modelVersion the version that answered
	 * @param id the request id, when given
	 * @param outputs the output tensors
	 * @author Modelport Team
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record InferResponse(@JsonProperty("model_name") String modelName,
			@JsonProperty("model_version") String modelVersion, String id, List<OutputTensor> outputs) {

	}

}
