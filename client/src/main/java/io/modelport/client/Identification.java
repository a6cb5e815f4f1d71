package io.modelport.client;

import java.util.List;

/**
 * The answer of a 1:K identification against a face gallery.
 *
 * @param model the model
 * @param version the version that answered
 * @param identity the identity matched, {@code null} when none is within the threshold
 * @param distance the matched identity's distance, or {@code null}
 * @param threshold the threshold applied
 * @param candidates the nearest identities, nearest first
 * @param staleIdentities identities enrolled with another version, not compared
 * @author Modelport Team
 */
public record Identification(String model, int version, String identity, Double distance, double threshold,
		List<Candidate> candidates, List<String> staleIdentities) {

	/**
	 * An identity and its distance.
	 *
	 * @param identity the identity
	 * @param distance the distance
	 * @author Modelport Team
	 */
	public record Candidate(String identity, double distance) {

	}

}
