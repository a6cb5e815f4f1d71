package io.modelport.faces.gallery;

import io.modelport.faces.FaceView;

/**
 * One face of a photo and who it is.
 *
 * @param face where it is
 * @param answer who it is, as {@code identify} answers for one face
 * @author Modelport Team
 */
public record IdentifiedFace(FaceView face, IdentifyResponse answer) {

}
