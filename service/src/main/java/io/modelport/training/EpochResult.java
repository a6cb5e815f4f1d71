package io.modelport.training;

/**
 * What one epoch of training achieved.
 *
 * @param epoch the epoch number, from 1
 * @param trainLoss the mean training loss
 * @param devAccuracy the accuracy on the dev split
 * @param seconds the wall time of the epoch
 * @author Modelport Team
 */
public record EpochResult(int epoch, double trainLoss, double devAccuracy, double seconds) {

}
