package io.modelport.oip;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;

import io.modelport.oip.OipTypes.OutputTensor;
import io.modelport.oip.OipTypes.RequestedOutput;
import io.modelport.store.ModelDescriptor;

/**
 * A classifier's Open Inference Protocol outputs: {@code probabilities} (FP32 [N,
 * classes]) and {@code label} (BYTES [N], the most probable class), all of them unless
 * the request names some.
 *
 * @author Modelport Team
 */
final class OipOutputs {

	private OipOutputs() {
	}

	/**
	 * The output names a request asks for, in its order.
	 * @param requested the request's outputs, or {@code null} for all
	 * @return the names
	 * @throws OipException naming an unknown output
	 */
	static List<String> requested(List<RequestedOutput> requested) {
		if (requested == null || requested.isEmpty()) {
			return List.of("probabilities", "label");
		}
		List<String> names = new ArrayList<>();
		for (RequestedOutput output : requested) {
			if (output == null || !List.of("probabilities", "label").contains(output.name())) {
				throw new OipException(HttpStatus.BAD_REQUEST, "unknown output '"
						+ ((output != null) ? output.name() : null) + "'; the outputs are probabilities and label");
			}
			names.add(output.name());
		}
		return names;
	}

	static List<OutputTensor> of(List<String> names, List<float[]> results, ModelDescriptor d) {
		List<OutputTensor> outputs = new ArrayList<>();
		for (String name : names) {
			if ("probabilities".equals(name)) {
				List<Float> data = new ArrayList<>();
				results.forEach((row) -> {
					for (float value : row) {
						data.add(value);
					}
				});
				outputs.add(
						new OutputTensor(name, "FP32", List.of((long) results.size(), (long) d.labels().size()), data));
			}
			else {
				List<String> labels = results.stream().map((row) -> d.labels().get(argMax(row))).toList();
				outputs.add(new OutputTensor(name, "BYTES", List.of((long) results.size()), labels));
			}
		}
		return outputs;
	}

	static int argMax(float[] values) {
		int best = 0;
		for (int i = 1; i < values.length; i++) {
			best = (values[i] > values[best]) ? i : best;
		}
		return best;
	}

}
