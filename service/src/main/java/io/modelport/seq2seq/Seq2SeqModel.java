package io.modelport.seq2seq;

/**
 * What a loaded seq2seq version keeps besides its network: the vocabularies of both sides
 * and its settings.
 *
 * @param source the input vocabulary
 * @param target the output vocabulary
 * @param settings the descriptor's settings
 * @author Modelport Team
 */
public record Seq2SeqModel(SymbolVocabulary source, SymbolVocabulary target, TranslatorSettings settings) {

}
