/**
 * The Open Inference Protocol v2 over gRPC, on grpc-java (optional dependencies of the
 * client).
 */
package io.modelport.client.grpc;
