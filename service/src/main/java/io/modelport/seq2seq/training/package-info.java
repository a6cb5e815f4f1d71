/**
 * Training translators: data (generated dates, pronunciations, uploaded pairs), the
 * training loop and the evaluation report.
 */
package io.modelport.seq2seq.training;
