package io.modelport.detection;

/**
 * One predicted object.
 *
 * @param classIndex the index of its class in the model's labels
 * @param score the confidence that the box holds an object of that class, in [0, 1]
 * @param box where it is
 * @author Modelport Team
 */
public record Detection(int classIndex, float score, BoundingBox box) {

}
