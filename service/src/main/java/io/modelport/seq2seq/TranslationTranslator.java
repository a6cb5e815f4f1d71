package io.modelport.seq2seq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDList;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/**
 * Feeds one encoded input and its decoding settings to the {@link TranslateBlock} and
 * reads its hypotheses back. Inputs differ in length and each is a search of its own, so
 * requests are not stacked: the queue still spreads them over its workers.
 *
 * @author Modelport Team
 */
class TranslationTranslator implements Translator<TranslationInput, List<Hypothesis>> {

	@Override
	public NDList processInput(TranslatorContext ctx, TranslationInput input) {
		BeamSettings settings = input.settings();
		float[] decoding = { settings.beamWidth(), (float) settings.alpha(), settings.maxLength(),
				settings.alternatives() };
		return new NDList(ctx.getNDManager().create(input.source()), ctx.getNDManager().create(decoding));
	}

	@Override
	public List<Hypothesis> processOutput(TranslatorContext ctx, NDList list) {
		long[] shape = list.get(0).getShape().getShape();
		int count = (int) shape[0];
		int length = (int) shape[1];
		int[] ids = list.get(0).toIntArray();
		float[] scores = list.get(1).toFloatArray();
		float[] attention = list.get(2).toFloatArray();
		int sourceLength = (int) list.get(2).getShape().get(2);
		List<Hypothesis> hypotheses = new ArrayList<>(count);
		for (int a = 0; a < count; a++) {
			int[] row = Arrays.copyOfRange(ids, a * length, (a + 1) * length);
			int tokens = (int) Arrays.stream(row).takeWhile((id) -> id >= 0).count();
			boolean finished = scores[a * 3 + 2] > 0.5f;
			List<float[]> weights = new ArrayList<>();
			for (int step = 0; step < tokens + (finished ? 1 : 0) && step < length; step++) {
				int from = (a * length + step) * sourceLength;
				weights.add(Arrays.copyOfRange(attention, from, from + sourceLength));
			}
			hypotheses
				.add(new Hypothesis(Arrays.copyOf(row, tokens), scores[a * 3], scores[a * 3 + 1], finished, weights));
		}
		return hypotheses;
	}

	@Override
	public Batchifier getBatchifier() {
		return null;
	}

}
