package io.modelport.words;

import ai.djl.ndarray.NDList;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/**
 * Feeds unit-length queries to the {@link CosineTopK} block and reads its candidates. The
 * queue stacks concurrent queries into one batch, so the batch reads the matrix once.
 * Per-request details (k, excluded words) stay with the service: a DJL batch shares one
 * translator context, so they could not travel through it.
 *
 * @author Modelport Team
 */
class NearestTranslator implements Translator<float[], NearestRows> {

	@Override
	public NDList processInput(TranslatorContext ctx, float[] unitQuery) {
		return new NDList(ctx.getNDManager().create(unitQuery));
	}

	@Override
	public NearestRows processOutput(TranslatorContext ctx, NDList list) {
		float[] scores = list.get(0).toFloatArray();
		long[] rows = list.get(1).toLongArray();
		int[] narrow = new int[rows.length];
		for (int i = 0; i < rows.length; i++) {
			narrow[i] = (int) rows[i];
		}
		return new NearestRows(narrow, scores);
	}

}
