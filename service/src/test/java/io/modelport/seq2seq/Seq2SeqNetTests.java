package io.modelport.seq2seq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import io.modelport.nn.DecodedStep;
import io.modelport.nn.EncodedSource;
import io.modelport.nn.Seq2SeqNet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The translator network's shapes, its source masking (padding changes nothing) and the
 * beam-search decoder, checked on small random-weight networks.
 *
 * @author Modelport Team
 */
class Seq2SeqNetTests {

	@Test
	void teacherForcedPassGivesOneLogitRowPerDecoderInput() {
		for (String cell : Seq2SeqNet.CELLS) {
			try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
				Seq2SeqNet net = net(cell, true, manager);
				NDArray source = manager.create(new long[] { 5, 6, 7, 0, 8, 9, 0, 0 }, new Shape(2, 4));
				NDArray input = manager.create(new long[] { 1, 4, 5, 1, 6, 0 }, new Shape(2, 3));
				NDArray logits = net.forward(new ParameterStore(manager, false), new NDList(source, input), false)
					.head();
				assertThat(logits.getShape()).isEqualTo(new Shape(2, 3, 10));
				assertThat(net.getOutputShapes(new Shape[] { source.getShape(), input.getShape() })[0])
					.isEqualTo(logits.getShape());
			}
		}
	}

	@Test
	void paddingChangesNeitherTheLogitsNorTheAttentionOfRealPositions() {
		for (boolean bidirectional : new boolean[] { false, true }) {
			try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
				Seq2SeqNet net = net("lstm", bidirectional, manager);
				ParameterStore store = new ParameterStore(manager, false);
				NDArray alone = manager.create(new long[] { 5, 6, 7 }, new Shape(1, 3));
				NDArray padded = manager.create(new long[] { 5, 6, 7, 0, 0, 4, 4, 4, 4, 4 }, new Shape(2, 5));
				NDArray input = manager.create(new long[] { 1, 4, 6 }, new Shape(1, 3));
				NDArray inputs = manager.create(new long[] { 1, 4, 6, 1, 5, 5 }, new Shape(2, 3));
				float[] expected = net.forward(store, new NDList(alone, input), false).head().toFloatArray();
				float[] batched = net.forward(store, new NDList(padded, inputs), false)
					.head()
					.get(new NDIndex("0"))
					.toFloatArray();
				assertThat(batched).containsExactly(expected, within(1e-5f));
				EncodedSource encoded = net.encode(store, padded, false);
				NDArray previous = manager.create(new long[] { 1, 1 });
				float[] attention = net.decodeStep(store, previous, encoded.initialState(), encoded, false)
					.attention()
					.get(new NDIndex("0"))
					.toFloatArray();
				assertThat(attention[3]).isZero();
				assertThat(attention[4]).isZero();
				assertThat(attention[0] + attention[1] + attention[2]).isCloseTo(1f, within(1e-5f));
			}
		}
	}

	@Test
	void greedyBeamSearchEqualsAnArgmaxLoop() {
		for (String cell : Seq2SeqNet.CELLS) {
			try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
				Seq2SeqNet net = net(cell, true, manager);
				ParameterStore store = new ParameterStore(manager, false);
				int[] source = { 5, 9, 6, 7 };
				List<Hypothesis> greedy = Seq2SeqDecoder.translate(net, store, manager, source,
						new BeamSettings(1, 0.7, 8, 1));
				assertThat(greedy.get(0).tokens()).containsExactly(argmaxLoop(net, store, manager, source, 8));
				assertThat(greedy.get(0).attention()).allSatisfy((row) -> assertThat(row).hasSize(source.length));
				List<Hypothesis> beam = Seq2SeqDecoder.translate(net, store, manager, source,
						new BeamSettings(3, 0.7, 8, 3));
				assertThat(beam).hasSizeBetween(1, 3);
			}
		}
	}

	// Independent of BeamSearch: feed the most likely symbol back until <EOS>.
	private static int[] argmaxLoop(Seq2SeqNet net, ParameterStore store, NDManager manager, int[] source,
			int maxLength) {
		long[] ids = Arrays.stream(source).asLongStream().toArray();
		EncodedSource encoded = net.encode(store, manager.create(ids, new Shape(1, ids.length)), false);
		NDList state = encoded.initialState();
		long previous = SymbolVocabulary.SOS_ID;
		List<Integer> out = new ArrayList<>();
		for (int t = 0; t < maxLength; t++) {
			DecodedStep step = net.decodeStep(store, manager.create(new long[] { previous }), state, encoded, false);
			float[] logits = step.logits().toFloatArray();
			// <PAD> and <SOS> are never generated.
			int best = 2;
			for (int v = 3; v < logits.length; v++) {
				if (logits[v] > logits[best]) {
					best = v;
				}
			}
			if (best == SymbolVocabulary.EOS_ID) {
				break;
			}
			out.add(best);
			previous = best;
			state = step.state();
		}
		return out.stream().mapToInt(Integer::intValue).toArray();
	}

	@Test
	void decodingLeavesNoArrayOnTheManagerThatHoldsTheWeights() {
		for (String cell : Seq2SeqNet.CELLS) {
			try (NDManager model = NDManager.newBaseManager("PyTorch")) {
				Seq2SeqNet net = net(cell, true, model);
				int before = model.getManagedArrays().size();
				for (int i = 0; i < 5; i++) {
					// As a predictor serves a request: everything on a manager of its
					// own.
					try (NDManager request = model.newSubManager()) {
						Seq2SeqDecoder.translate(net, new ParameterStore(request, false), request,
								new int[] { 5, 6, 7 }, new BeamSettings(3, 0.7, 6, 2));
					}
				}
				assertThat(model.getManagedArrays()).hasSize(before);
			}
		}
	}

	private static Seq2SeqNet net(String cell, boolean bidirectional, NDManager manager) {
		Engine.getEngine("PyTorch").setRandomSeed(3);
		Seq2SeqNet net = Seq2SeqNet.fromParameters(Map.of("sourceVocabulary", 10, "targetVocabulary", 10, "embedding",
				6, "hidden", 8, "cell", cell, "bidirectional", bidirectional));
		net.initialize(manager, DataType.FLOAT32, net.initializationShapes());
		return net;
	}

}
