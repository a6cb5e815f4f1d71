package io.modelport.jobs;

/**
 * One epoch of a job's history, as stored and as sent in progress events.
 *
 * @param epoch the epoch, from 1
 * @param trainLoss the mean training loss
 * @param devLoss the mean dev loss
 * @param devAccuracy the dev accuracy
 * @param learningRate the learning rate of the epoch
 * @param seconds the epoch's training time
 * @param samplesPerSecond training throughput in the epoch
 * @author Modelport Team
 */
public record EpochRecord(int epoch, double trainLoss, double devLoss, double devAccuracy, double learningRate,
		double seconds, double samplesPerSecond) {

}
