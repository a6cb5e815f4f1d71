/**
 * The Open Inference Protocol v2 over gRPC: a server on its own port that hands every
 * call to the same OIP service as the REST endpoints.
 */
package io.modelport.oip.grpc;
