package io.modelport.seq2seq;

/**
 * One input to translate, already encoded, with how to decode it.
 *
 * @param source the input symbol ids (no {@code <EOS>})
 * @param settings the beam width, α, maximum length and alternatives
 * @author Modelport Team
 */
public record TranslationInput(int[] source, BeamSettings settings) {

}
