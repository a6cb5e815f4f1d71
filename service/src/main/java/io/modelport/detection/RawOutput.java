package io.modelport.detection;

/**
 * The raw output tensor of a detector for one image, without the batch dimension.
 *
 * @param shape the tensor shape
 * @param values the values, row-major
 * @author Modelport Team
 */
public record RawOutput(long[] shape, float[] values) {

}
