/**
 * Word2vec training data: subsampling, negative sampling, skip-gram pairs and CBOW
 * windows.
 */
package io.modelport.words.training;
