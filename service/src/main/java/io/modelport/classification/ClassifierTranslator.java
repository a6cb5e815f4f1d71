package io.modelport.classification;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

import io.modelport.store.InputSpec;

/**
 * Moves a preprocessed image tensor into the engine and class probabilities out of it.
 * Arrays are created on the per-call manager of the translator context, so they are freed
 * when the call ends.
 *
 * @author Modelport Team
 */
class ClassifierTranslator implements Translator<float[], float[]> {

	private final Shape shape;

	private final boolean applySoftmax;

	ClassifierTranslator(InputSpec input, boolean applySoftmax) {
		this.shape = new Shape(input.channels(), input.height(), input.width());
		this.applySoftmax = applySoftmax;
	}

	@Override
	public NDList processInput(TranslatorContext ctx, float[] input) {
		return new NDList(ctx.getNDManager().create(input, this.shape));
	}

	@Override
	public float[] processOutput(TranslatorContext ctx, NDList list) {
		NDArray output = list.singletonOrThrow().flatten();
		if (this.applySoftmax) {
			output = output.softmax(0);
		}
		return output.toFloatArray();
	}

}
