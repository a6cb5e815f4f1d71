package io.modelport.nn;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;

/**
 * The training pass of a {@link Seq2SeqNet}: its encoder once, then its decoder one step
 * per decoder input, fed the true or its own previous symbol.
 *
 * @author Modelport Team
 */
final class TeacherForcing {

	private TeacherForcing() {
	}

	static NDArray run(Seq2SeqNet net, ParameterStore store, NDArray source, NDArray decoderInput, NDArray teacherMask,
			boolean training) {
		EncodedSource encoded = net.encode(store, source, training);
		NDList state = encoded.initialState();
		int steps = (int) decoderInput.getShape().get(1);
		List<NDArray> logits = new ArrayList<>(steps);
		for (int t = 0; t < steps; t++) {
			NDArray previous = decoderInput.get(new NDIndex(":, {}", t));
			if (t > 0 && teacherMask != null) {
				NDArray keep = teacherMask.get(new NDIndex(":, {}", t));
				NDArray own = logits.get(t - 1).squeeze(1).argMax(-1).toType(DataType.INT64, false);
				previous = previous.mul(keep).add(own.mul(keep.neg().add(1)));
			}
			DecodedStep step = net.decodeStep(store, previous, state, encoded, training);
			logits.add(step.logits().expandDims(1));
			state = step.state();
		}
		return NDArrays.concat(new NDList(logits), 1);
	}

}
