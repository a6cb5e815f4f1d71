package io.modelport.faces.gallery;

import java.util.List;

import io.modelport.faces.FaceView;

/**
 * The answer of {@code identify} with {@code face=all}: one result per face of the photo
 * large enough to align, left to right.
 *
 * @param model the model name
 * @param version the version that computed the embeddings compared
 * @param threshold the threshold τ applied
 * @param faces the faces
 * @param staleIdentities identities left out for want of embeddings from this version
 * @author Modelport Team
 */
public record GroupIdentifyResponse(String model, int version, double threshold, List<Face> faces,
		List<String> staleIdentities) {

	/**
	 * The answer for identified faces.
	 * @param model the model name
	 * @param version the version
	 * @param threshold τ
	 * @param faces the faces, at least one
	 * @return the answer
	 */
	static GroupIdentifyResponse of(String model, int version, double threshold, List<IdentifiedFace> faces) {
		return new GroupIdentifyResponse(model, version, threshold, faces.stream()
			.map((f) -> new Face(f.face(), f.answer().identity(), f.answer().distance(), f.answer().candidates()))
			.toList(), faces.get(0).answer().staleIdentities());
	}

	/**
	 * One face and who it is.
	 *
	 * @param face where it is
	 * @param identity the closest identity within τ, {@code null} when not recognised
	 * @param distance the distance to it, {@code null} when not recognised
	 * @param candidates the closest identities, nearest first
	 */
	public record Face(FaceView face, String identity, Double distance, List<IdentifyResponse.Candidate> candidates) {

	}

}
