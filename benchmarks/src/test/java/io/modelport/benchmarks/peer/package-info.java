/**
 * The peer benchmark: Modelport against a FastAPI + PyTorch server and the raw DJL
 * predictor.
 */
package io.modelport.benchmarks.peer;
