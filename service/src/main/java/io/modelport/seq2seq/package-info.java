/**
 * Sequence-to-sequence translation: symbol vocabularies, beam search with length
 * normalisation, and BLEU.
 */
package io.modelport.seq2seq;
