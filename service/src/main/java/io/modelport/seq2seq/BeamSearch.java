package io.modelport.seq2seq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Beam search (docs/ml-notes.md, "Sequence to sequence"): each step extends every live
 * hypothesis by every token and keeps the B best extensions by cumulative
 * log-probability. An extension ending in {@code <EOS>} is finished and leaves the beam,
 * which then keeps one hypothesis fewer; the search stops when B hypotheses are finished
 * or the maximum length is reached (the live ones are then returned unfinished). Finished
 * and cut hypotheses are ranked by the length-normalised score (1/T^α) Σ log P. With B =
 * 1 this is greedy decoding.
 *
 * @author Modelport Team
 */
public final class BeamSearch {

	private BeamSearch() {
	}

	/**
	 * Decodes one input.
	 * @param <S> the decoder state
	 * @param decoder the decoder
	 * @param initial the state after encoding the input
	 * @param settings the beam width, α, maximum length and number of alternatives
	 * @return the best hypotheses, best first
	 */
	public static <S> List<Hypothesis> search(DecoderSteps<S> decoder, S initial, BeamSettings settings) {
		List<Live<S>> beam = List.of(new Live<>(new int[0], 0, initial, List.of()));
		List<Hypothesis> done = new ArrayList<>();
		for (int t = 1; t <= settings.maxLength() && !beam.isEmpty(); t++) {
			int width = settings.beamWidth() - done.size();
			DecoderSteps.Step<S> step = decoder.step(beam.stream().map(Live::state).toList(),
					beam.stream().mapToInt(Live::last).toArray());
			List<Live<S>> next = new ArrayList<>();
			for (Candidate candidate : best(beam, step.logProbabilities(), width)) {
				Live<S> parent = beam.get(candidate.parent());
				List<float[]> attention = new ArrayList<>(parent.attention());
				if (step.attention() != null) {
					attention.add(step.attention()[candidate.parent()]);
				}
				if (candidate.token() == SymbolVocabulary.EOS_ID) {
					done.add(hypothesis(parent.tokens(), candidate.logProbability(), t, true, attention, settings));
				}
				else {
					int[] tokens = Arrays.copyOf(parent.tokens(), parent.tokens().length + 1);
					tokens[tokens.length - 1] = candidate.token();
					next.add(new Live<>(tokens, candidate.logProbability(), step.states().get(candidate.parent()),
							attention));
				}
			}
			beam = next;
		}
		for (Live<S> cut : beam) {
			done.add(hypothesis(cut.tokens(), cut.logProbability(), cut.tokens().length, false, cut.attention(),
					settings));
		}
		done.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
		return List.copyOf(done.subList(0, Math.min(settings.alternatives(), done.size())));
	}

	// The `width` highest cumulative log-probabilities over every (hypothesis, token);
	// ties go to the earlier hypothesis and the lower token id, so results are stable.
	private static <S> List<Candidate> best(List<Live<S>> beam, float[][] logProbabilities, int width) {
		Comparator<Candidate> order = Comparator.comparingDouble(Candidate::logProbability)
			.thenComparing(Comparator.comparingInt(Candidate::parent).reversed())
			.thenComparing(Comparator.comparingInt(Candidate::token).reversed());
		PriorityQueue<Candidate> kept = new PriorityQueue<>(order);
		for (int b = 0; b < beam.size(); b++) {
			float[] row = logProbabilities[b];
			for (int token = 0; token < row.length; token++) {
				if (token == SymbolVocabulary.PAD_ID || token == SymbolVocabulary.SOS_ID || Float.isNaN(row[token])) {
					continue;
				}
				Candidate candidate = new Candidate(b, token, beam.get(b).logProbability() + row[token]);
				if (kept.size() < width) {
					kept.add(candidate);
				}
				else if (order.compare(candidate, kept.peek()) > 0) {
					kept.poll();
					kept.add(candidate);
				}
			}
		}
		List<Candidate> sorted = new ArrayList<>(kept);
		sorted.sort(order.reversed());
		return sorted;
	}

	private static Hypothesis hypothesis(int[] tokens, double logProbability, int length, boolean finished,
			List<float[]> attention, BeamSettings settings) {
		double score = logProbability / Math.pow(Math.max(1, length), settings.alpha());
		return new Hypothesis(tokens, logProbability, score, finished, attention);
	}

	private record Live<S>(int[] tokens, double logProbability, S state, List<float[]> attention) {

		int last() {
			return (this.tokens.length == 0) ? SymbolVocabulary.SOS_ID : this.tokens[this.tokens.length - 1];
		}

	}

	private record Candidate(int parent, int token, double logProbability) {

	}

}
