/**
 * The Open Inference Protocol v2 (KServe, Triton, MLServer) over REST.
 */
package io.modelport.oip;
