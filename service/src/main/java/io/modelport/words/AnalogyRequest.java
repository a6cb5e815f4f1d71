package io.modelport.words;

/**
 * An analogy question a : b :: c : ?.
 *
 * @param a the first word of the known pair
 * @param b the second word of the known pair
 * @param c the first word of the asked pair
 * @param k how many candidates to return (default 1)
 * @author Modelport Team
 */
public record AnalogyRequest(String a, String b, String c, Integer k) {

}
