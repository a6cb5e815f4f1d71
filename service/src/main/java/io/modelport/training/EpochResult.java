package io.modelport.training;

/**
 * What one epoch of training achieved.
 *
 * @param epoch the epoch number, from 1
 * @param trainLoss the mean training loss
 * @param devLoss the mean loss on the dev split
 * @param devAccuracy the accuracy on the dev split
 * @param learningRate the learning rate used in the epoch
 * @param seconds the wall time of the epoch's training pass
 * @param samplesPerSecond training samples processed per second in the epoch
 * @author Modelport Team
 */
public record EpochResult(int epoch, double trainLoss, double devLoss, double devAccuracy, double learningRate,
		double seconds, double samplesPerSecond) {

}
