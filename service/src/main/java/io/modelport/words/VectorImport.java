package io.modelport.words;

/**
 * The version an import created.
 *
 * @param model the model name
 * @param version the new version
 * @param state its state after loading ({@code READY} unless the engine refused it)
 * @param failureReason why it did not load, {@code null} when it did
 * @param words the vocabulary size
 * @param dimension the vector length
 * @author Modelport Team
 */
public record VectorImport(String model, int version, String state, String failureReason, int words, int dimension) {

}
