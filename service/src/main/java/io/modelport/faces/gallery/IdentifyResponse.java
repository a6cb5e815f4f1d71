package io.modelport.faces.gallery;

import java.util.List;

/**
 * The answer of the identify endpoint (1:K recognition, docs/ml-notes.md, "Face
 * verification").
 *
 * @param model the model name
 * @param version the version that computed the embeddings compared
 * @param identity the closest identity when its distance is within the threshold,
 * {@code null} when the face is not recognised
 * @param distance the distance to that identity, {@code null} when not recognised
 * @param threshold the threshold τ applied
 * @param candidates the closest identities, nearest first, each with its smallest
 * distance over its enrolled faces
 * @param staleIdentities identities left out because they have no embeddings from this
 * version and no stored images to compute them from (enrol them again)
 * @author Modelport Team
 */
public record IdentifyResponse(String model, int version, String identity, Double distance, double threshold,
		List<Candidate> candidates, List<String> staleIdentities) {

	/**
	 * One identity compared.
	 *
	 * @param identity the identity
	 * @param distance the smallest squared distance to its enrolled faces
	 */
	public record Candidate(String identity, double distance) {

	}

}
