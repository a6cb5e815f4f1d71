/**
 * Face verifier training data: labelled face folders, identity splits, P×K batches,
 * triplet mining and evaluation pairs.
 */
package io.modelport.faces.training;
