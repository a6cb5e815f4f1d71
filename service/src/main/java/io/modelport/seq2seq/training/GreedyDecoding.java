package io.modelport.seq2seq.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import io.modelport.nn.DecodedStep;
import io.modelport.nn.EncodedSource;
import io.modelport.nn.Seq2SeqNet;
import io.modelport.seq2seq.SymbolVocabulary;
import io.modelport.seq2seq.training.Seq2SeqTrainer.Encoded;

/**
 * Greedy decoding of encoded pairs in batches and its exact match: how the
 * {@link Seq2SeqTrainer} scores an epoch on the dev pairs.
 *
 * @author Modelport Team
 */
public final class GreedyDecoding {

	private GreedyDecoding() {
	}

	/**
	 * Decodes sources greedily in batches, for dev checks: the most likely symbol
	 * ({@code <PAD>} and {@code <SOS>} excluded) is fed back until every row has produced
	 * {@code <EOS>} or the length limit is reached.
	 * @param net the network
	 * @param store a parameter store
	 * @param manager the manager to work on
	 * @param pairs the encoded pairs (only their sources are read)
	 * @param maxLength the most symbols generated, {@code <EOS>} included
	 * @return the generated ids of each pair, without {@code <EOS>}
	 */
	public static List<int[]> greedy(Seq2SeqNet net, ParameterStore store, NDManager manager, List<Encoded> pairs,
			int maxLength) {
		List<int[]> outputs = new ArrayList<>(pairs.size());
		for (int from = 0; from < pairs.size(); from += 256) {
			List<Encoded> batch = pairs.subList(from, Math.min(pairs.size(), from + 256));
			try (NDManager scope = manager.newSubManager()) {
				EncodedSource encoded = net.encode(store, Seq2SeqBatches.sources(scope, batch), false);
				NDList state = encoded.initialState();
				int rows = batch.size();
				long[] previous = new long[rows];
				Arrays.fill(previous, SymbolVocabulary.SOS_ID);
				List<List<Integer>> generated = new ArrayList<>();
				boolean[] done = new boolean[rows];
				for (int i = 0; i < rows; i++) {
					generated.add(new ArrayList<>());
				}
				int finished = 0;
				for (int t = 0; t < maxLength && finished < rows; t++) {
					DecodedStep step = net.decodeStep(store, scope.create(previous), state, encoded, false);
					float[] logits = step.logits().toFloatArray();
					int width = net.targetVocabulary();
					for (int r = 0; r < rows; r++) {
						int best = SymbolVocabulary.EOS_ID;
						for (int v = best + 1; v < width; v++) {
							if (logits[r * width + v] > logits[r * width + best]) {
								best = v;
							}
						}
						previous[r] = best;
						if (!done[r]) {
							if (best == SymbolVocabulary.EOS_ID) {
								done[r] = true;
								finished++;
							}
							else {
								generated.get(r).add(best);
							}
						}
					}
					state = step.state();
				}
				for (List<Integer> ids : generated) {
					outputs.add(ids.stream().mapToInt(Integer::intValue).toArray());
				}
			}
		}
		return outputs;
	}

	/**
	 * The share of pairs whose output equals the target exactly.
	 * @param pairs the encoded pairs
	 * @param outputs the generated ids, one per pair
	 * @return the exact match in [0, 1]
	 */
	public static double exactMatch(List<Encoded> pairs, List<int[]> outputs) {
		int matches = 0;
		for (int i = 0; i < pairs.size(); i++) {
			matches += Arrays.equals(pairs.get(i).target(), outputs.get(i)) ? 1 : 0;
		}
		return pairs.isEmpty() ? 0 : (double) matches / pairs.size();
	}

}
