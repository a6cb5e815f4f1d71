package io.modelport.faces;

import java.util.List;

/**
 * The answer of {@code faces/detect}: every face found, left to right.
 *
 * @param model the model name
 * @param version the version that found them
 * @param width the photo's width
 * @param height the photo's height
 * @param faces the faces, each with its box, score and 68 landmarks
 * @author Modelport Team
 */
public record FaceDetections(String model, int version, int width, int height, List<FaceView> faces) {

}
