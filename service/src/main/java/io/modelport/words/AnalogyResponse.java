package io.modelport.words;

import java.util.List;

/**
 * The answer to a : b :: c : d.
 *
 * @param model the model name
 * @param version the version that answered
 * @param a the first word, as the vocabulary spells it
 * @param b the second word
 * @param c the third word
 * @param answer the best d, {@code null} when the vocabulary has no other word
 * @param candidates the best candidates for d with cos(e_d, e_b − e_a + e_c)
 * @author Modelport Team
 */
public record AnalogyResponse(String model, int version, String a, String b, String c, String answer,
		List<ScoredWord> candidates) {

}
