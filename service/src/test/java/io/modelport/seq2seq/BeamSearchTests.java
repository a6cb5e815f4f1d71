package io.modelport.seq2seq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.offset;

/**
 * Beam search on hand-built decoders whose next-token probabilities depend only on the
 * prefix, so every hypothesis's probability can be worked out by hand.
 *
 * @author Modelport Team
 */
class BeamSearchTests {

	private static final SymbolVocabulary SYMBOLS = new SymbolVocabulary(SymbolVocabulary.Level.CHARACTER,
			List.of("A", "B", "x", "y", "C", "D", "E", "F", "G", "H", "I", "J"));

	// Greedy takes A (0.6) then x (0.35): "Ax" with 0.6 · 0.35 · 1 = 0.21. A beam of two
	// also keeps B (0.4), which ends at once with 0.9: "B" with 0.36 wins.
	private static final Map<String, Map<String, Double>> GREEDY_TRAP = Map.of("", Map.of("A", 0.6, "B", 0.4), "A",
			Map.of("x", 0.35, "y", 0.35, "<EOS>", 0.3), "B", Map.of("<EOS>", 0.9, "x", 0.1), "Ax", Map.of("<EOS>", 1.0),
			"Ay", Map.of("<EOS>", 1.0), "Bx", Map.of("<EOS>", 1.0));

	// "C" ends after 2 tokens with 0.5 · 0.6 = 0.30; "DEF" after 4 with
	// 0.5 · 0.8 · 0.8 · 0.8 = 0.256. The raw sum prefers "C", the per-token average
	// "DEF".
	private static final Map<String, Map<String, Double>> SHORT_OR_LONG = Map.of("", Map.of("C", 0.5, "D", 0.5), "C",
			Map.of("<EOS>", 0.6, "G", 0.4), "D", Map.of("E", 0.8, "H", 0.2), "DE", Map.of("F", 0.8, "I", 0.2), "DEF",
			Map.of("<EOS>", 0.8, "J", 0.2), "CG", Map.of("<EOS>", 1.0), "DH", Map.of("<EOS>", 1.0), "DEI",
			Map.of("<EOS>", 1.0), "DEFJ", Map.of("<EOS>", 1.0));

	@Test
	void greedyAndBeamDifferWhereTheGreedyFirstStepMisleads() {
		List<Hypothesis> greedy = decode(GREEDY_TRAP, new BeamSettings(1, 0, 10, 1));
		assertThat(text(greedy.get(0))).isEqualTo("Ax");
		assertThat(greedy.get(0).logProbability()).isCloseTo(Math.log(0.21), offset(1e-6));
		List<Hypothesis> beam = decode(GREEDY_TRAP, new BeamSettings(2, 0, 10, 2));
		assertThat(text(beam.get(0))).isEqualTo("B");
		assertThat(beam.get(0).logProbability()).isCloseTo(Math.log(0.36), offset(1e-6));
		assertThat(text(beam.get(1))).isEqualTo("Ax");
		assertThat(beam).allMatch(Hypothesis::finished);
	}

	@Test
	void lengthNormalisationChangesTheWinnerWhenItShould() {
		List<Hypothesis> raw = decode(SHORT_OR_LONG, new BeamSettings(2, 0, 10, 2));
		assertThat(text(raw.get(0))).isEqualTo("C");
		assertThat(raw.get(0).score()).isCloseTo(Math.log(0.30), offset(1e-6));
		List<Hypothesis> normalised = decode(SHORT_OR_LONG, new BeamSettings(2, 0.7, 10, 2));
		assertThat(text(normalised.get(0))).isEqualTo("DEF");
		assertThat(normalised.get(0).score()).isCloseTo(Math.log(0.256) / Math.pow(4, 0.7), offset(1e-6));
		assertThat(normalised.get(1).score()).isCloseTo(Math.log(0.30) / Math.pow(2, 0.7), offset(1e-6));
	}

	@Test
	void theMaximumLengthCutsUnfinishedHypotheses() {
		List<Hypothesis> cut = decode(SHORT_OR_LONG, new BeamSettings(1, 0, 2, 1));
		// Greedy: C or D (tie, the lower id C), then <EOS> (0.6): finished within 2
		// tokens.
		assertThat(text(cut.get(0))).isEqualTo("C");
		assertThat(cut.get(0).finished()).isTrue();
		List<Hypothesis> longer = decode(Map.of("", Map.of("D", 1.0), "D", Map.of("E", 1.0), "DE", Map.of("F", 1.0)),
				new BeamSettings(1, 0, 2, 1));
		assertThat(text(longer.get(0))).isEqualTo("DE");
		assertThat(longer.get(0).finished()).isFalse();
	}

	@Test
	void attentionRowsFollowTheirHypothesis() {
		List<Hypothesis> beam = decode(GREEDY_TRAP, new BeamSettings(2, 0, 10, 2));
		// The fake decoder's attention row for a step is the prefix length it was run on.
		assertThat(beam.get(0).attention()).extracting((row) -> row[0]).containsExactly(0f, 1f);
		assertThat(beam.get(1).attention()).extracting((row) -> row[0]).containsExactly(0f, 1f, 2f);
	}

	@Test
	void settingsAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BeamSettings(0, 0, 10, 1))
			.withMessageContaining("beamWidth");
		assertThatIllegalArgumentException().isThrownBy(() -> new BeamSettings(2, 1.5, 10, 1))
			.withMessageContaining("lengthNormalization");
		assertThatIllegalArgumentException().isThrownBy(() -> new BeamSettings(2, 0, 10, 3))
			.withMessageContaining("numAlternatives");
	}

	private static List<Hypothesis> decode(Map<String, Map<String, Double>> table, BeamSettings settings) {
		return BeamSearch.search(new TableDecoder(table), "", settings);
	}

	private static String text(Hypothesis hypothesis) {
		return SYMBOLS.decode(hypothesis.tokens());
	}

	// State = the prefix decoded so far; tokens not in the prefix's row have probability
	// 0.
	private record TableDecoder(Map<String, Map<String, Double>> table) implements DecoderSteps<String> {

		@Override
		public Step<String> step(List<String> states, int[] previous) {
			float[][] logs = new float[states.size()][];
			float[][] attention = new float[states.size()][];
			List<String> next = new ArrayList<>();
			for (int i = 0; i < states.size(); i++) {
				String prefix = states.get(i);
				String state = (previous[i] == SymbolVocabulary.SOS_ID) ? prefix
						: prefix + SYMBOLS.symbols().get(previous[i]);
				float[] row = new float[SYMBOLS.size()];
				Arrays.fill(row, Float.NEGATIVE_INFINITY);
				this.table.getOrDefault(state, Map.of())
					.forEach((symbol, p) -> row[SYMBOLS.symbols().indexOf(symbol)] = (float) Math.log(p));
				logs[i] = row;
				attention[i] = new float[] { state.length() };
				next.add(state);
			}
			return new Step<>(logs, next, attention);
		}

	}

}
