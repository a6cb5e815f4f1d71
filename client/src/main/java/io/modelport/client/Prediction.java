package io.modelport.client;

/**
 * One label and its probability.
 *
 * @param label the label
 * @param probability its probability
 * @author Modelport Team
 */
public record Prediction(String label, double probability) {

}
