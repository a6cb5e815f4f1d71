/**
 * The inference runtime: device choice, loading DJL models, and predictor pools.
 */
package io.modelport.runtime;
