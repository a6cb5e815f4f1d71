package io.modelport.faces.gallery;

/**
 * One enrolled face as identification reads it.
 *
 * @param id the row id
 * @param identity the identity it belongs to
 * @param imageStored whether its image is kept, so its embedding can be recomputed
 * @param embedding its embedding for the version asked about, {@code null} when it has
 * none for that version
 * @author Modelport Team
 */
record EnrolledFace(long id, String identity, boolean imageStored, float[] embedding) {

}
