package io.modelport.client;

import java.util.List;

/**
 * The answer to a : b :: c : ?.
 *
 * @param model the model
 * @param version the version that answered
 * @param a a
 * @param b b
 * @param c c
 * @param answer the best d
 * @param candidates the best candidates, best first
 * @author Modelport Team
 */
public record Analogy(String model, int version, String a, String b, String c, String answer,
		List<ScoredWord> candidates) {

}
