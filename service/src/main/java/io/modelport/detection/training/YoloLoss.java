package io.modelport.detection.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The detector loss, the "in practice" form of docs/ml-notes.md, "Detection": logistic
 * loss for objectness over every slot (slots without an object weighted by
 * {@code noObjectWeight}, because they vastly outnumber the others), squared error for
 * the box terms and cross-entropy for the class, both only where a slot is responsible
 * for an object. Summed over the batch, divided by the batch size.
 *
 * @param boxWeight the weight of the box terms
 * @param noObjectWeight the weight of the objectness term of empty slots
 * @author Modelport Team
 */
public record YoloLoss(float boxWeight, float noObjectWeight) {

	/** The weights of the original YOLO paper: 5 for boxes, 0.5 for empty slots. */
	public static final YoloLoss DEFAULT = new YoloLoss(5f, 0.5f);

	/**
	 * Computes the loss.
	 * @param output the head output reshaped to {@code [N, A, 5+C, S, S]}
	 * @param objectness the objectness targets {@code [N, A, S, S]}
	 * @param boxes the box targets {@code [N, A, 4, S, S]}
	 * @param classes the one-hot class targets {@code [N, A, C, S, S]}
	 * @return the scalar loss
	 */
	public NDArray evaluate(NDArray output, NDArray objectness, NDArray boxes, NDArray classes) {
		long batch = output.getShape().get(0);
		NDArray logits = output.get(":, :, 0");
		// Logistic loss on logits, in the form that cannot overflow:
		// max(x, 0) - x·z + log(1 + e^-|x|).
		NDArray logistic = logits.maximum(0).sub(logits.mul(objectness)).add(logits.abs().neg().exp().add(1).log());
		NDArray weights = objectness.mul(1 - this.noObjectWeight).add(this.noObjectWeight);
		NDArray objectLoss = logistic.mul(weights).sum();
		NDArray mask = objectness.expandDims(2);
		NDArray centres = Activation.sigmoid(output.get(":, :, 1:3"));
		NDArray centreLoss = centres.sub(boxes.get(":, :, 0:2")).square().mul(mask).sum();
		NDArray sizeLoss = output.get(":, :, 3:5").sub(boxes.get(":, :, 2:4")).square().mul(mask).sum();
		NDArray classLoss = output.get(":, :, 5:").logSoftmax(2).mul(classes).sum().neg();
		return objectLoss.add(centreLoss.add(sizeLoss).mul(this.boxWeight)).add(classLoss).div(batch);
	}

}
