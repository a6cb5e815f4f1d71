package io.modelport.classification;

/**
 * One class and its probability.
 *
 * @param label the class label
 * @param probability the probability, 0 to 1
 * @author Modelport Team
 */
public record Prediction(String label, double probability) {

}
