package io.modelport.faces;

import io.modelport.faces.alignment.FaceAligner;
import io.modelport.faces.detection.FaceFinder;

/**
 * What an aligning face verifier loads beside its embedder: the aligner, and the face
 * finder when the version ships a detector (face-api version 2 on).
 *
 * @param aligner aligns a face to the embedder's chip
 * @param finder finds every face of a photo, {@code null} for a version without a
 * detector (its photos are ID-style, one face filling the frame)
 * @author Modelport Team
 */
public record FaceTools(FaceAligner aligner, FaceFinder finder) {

}
