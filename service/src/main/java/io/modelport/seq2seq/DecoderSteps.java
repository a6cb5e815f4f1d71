package io.modelport.seq2seq;

import java.util.List;

/**
 * One step of a decoder for several hypotheses at once: what beam search needs from a
 * model. A state is whatever the decoder carries between steps (hidden state, encoder
 * outputs); the search never looks inside it.
 *
 * @param <S> the decoder state
 * @author Modelport Team
 */
public interface DecoderSteps<S> {

	/**
	 * Runs the decoder one step.
	 * @param states the state of each hypothesis
	 * @param previous the last token of each hypothesis ({@link SymbolVocabulary#SOS_ID}
	 * at the first step)
	 * @return per hypothesis: the log-probability of every next token, the new state and
	 * the attention over the input (or {@code null})
	 */
	Step<S> step(List<S> states, int[] previous);

	/**
	 * The result of a step, one row per hypothesis.
	 *
	 * @param <S> the decoder state
	 * @param logProbabilities log P(y⟨t⟩ = v | x, y⟨&lt;t⟩) for every token v
	 * @param states the states after the step
	 * @param attention the attention weights over the input positions, {@code null} when
	 * the model has none
	 */
	record Step<S>(float[][] logProbabilities, List<S> states, float[][] attention) {

	}

}
