package io.modelport.faces;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

import io.modelport.store.InputSpec;

/**
 * Moves a preprocessed face tensor into the engine and the raw embedding out of it. The
 * embedding is normalised in Java, not here, so the raw norm can be reported.
 *
 * @author Modelport Team
 */
class EmbeddingTranslator implements Translator<float[], float[]> {

	private final Shape shape;

	EmbeddingTranslator(InputSpec input) {
		this.shape = new Shape(input.channels(), input.height(), input.width());
	}

	@Override
	public NDList processInput(TranslatorContext ctx, float[] input) {
		return new NDList(ctx.getNDManager().create(input, this.shape));
	}

	@Override
	public float[] processOutput(TranslatorContext ctx, NDList list) {
		NDArray output = list.get(0).flatten();
		return output.toFloatArray();
	}

}
