package io.modelport.faces;

import io.modelport.embeddings.Embeddings;

/**
 * A face of a photo and its embedding.
 *
 * @param face the face
 * @param embedding the L2-normalised embedding
 * @param norm the norm of the raw network output
 * @author Modelport Team
 */
public record EmbeddedFace(PhotoFace face, float[] embedding, double norm) {

	/**
	 * Normalises a raw output.
	 * @param face the face
	 * @param raw the network output
	 * @return the embedded face
	 */
	static EmbeddedFace of(PhotoFace face, float[] raw) {
		return new EmbeddedFace(face, Embeddings.l2Normalize(raw), Embeddings.norm(raw));
	}

}
