package io.modelport.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

import io.modelport.store.InputSpec;

/**
 * Feeds a letterboxed CHW tensor to a detector and hands back its raw first output;
 * decoding and NMS run in Java afterwards, outside the worker, so a batch costs the
 * engine one forward pass and nothing else.
 *
 * @author Modelport Team
 */
class DetectorTranslator implements Translator<float[], RawOutput> {

	private final Shape shape;

	DetectorTranslator(InputSpec input) {
		this.shape = new Shape(input.channels(), input.height(), input.width());
	}

	@Override
	public NDList processInput(TranslatorContext ctx, float[] input) {
		return new NDList(ctx.getNDManager().create(input, this.shape));
	}

	@Override
	public RawOutput processOutput(TranslatorContext ctx, NDList list) {
		// Exports that return several tensors (YOLOv5: predictions, then feature maps)
		// put the decoded predictions first.
		NDArray output = list.get(0);
		return new RawOutput(output.getShape().getShape(), output.toFloatArray());
	}

	@Override
	public Batchifier getBatchifier() {
		return Batchifier.STACK;
	}

}
