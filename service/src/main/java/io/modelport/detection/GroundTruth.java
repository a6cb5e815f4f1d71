package io.modelport.detection;

/**
 * One labelled object of a training or evaluation image.
 *
 * @param classIndex the index of its class
 * @param box where it is, in pixels of its image
 * @author Modelport Team
 */
public record GroundTruth(int classIndex, BoundingBox box) {

}
