package io.modelport.faces;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer of {@code embed} with {@code face=all}: every face of the photo large enough
 * to align, left to right.
 *
 * @param model the model name
 * @param version the version that computed the embeddings
 * @param faces the faces
 * @author Modelport Team
 */
public record FaceEmbeddings(String model, int version, List<Item> faces) {

	/**
	 * The answer for some embedded faces.
	 * @param model the model name
	 * @param version the version
	 * @param embedded the faces
	 * @return the answer
	 */
	static FaceEmbeddings of(String model, int version, List<EmbeddedFace> embedded) {
		return new FaceEmbeddings(model, version, embedded.stream().map(Item::of).toList());
	}

	static List<Float> values(float[] vector) {
		List<Float> values = new ArrayList<>(vector.length);
		for (float value : vector) {
			values.add(value);
		}
		return values;
	}

	/**
	 * One face.
	 *
	 * @param face where it is
	 * @param dimension the embedding size
	 * @param norm the norm of the raw network output
	 * @param embedding the L2-normalised embedding
	 */
	public record Item(FaceView face, int dimension, double norm, List<Float> embedding) {

		static Item of(EmbeddedFace embedded) {
			return new Item(FaceView.of(embedded.face()), embedded.embedding().length, embedded.norm(),
					FaceEmbeddings.values(embedded.embedding()));
		}

	}

}
