package io.modelport.oip.grpc;

import java.util.Optional;
import java.util.Set;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.modelport.oip.grpc.v2.GRPCInferenceServiceGrpc;
import io.modelport.security.ApiKeyCheck;
import io.modelport.security.Scope;

/**
 * What every gRPC call passes through: timing by method and status, then the same API key
 * check as the HTTP port, with the key in the {@code authorization: Bearer <key>} (or
 * {@code x-api-key}) metadata.
 *
 * @author Modelport Team
 */
final class GrpcInterceptors {

	static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
			Metadata.ASCII_STRING_MARSHALLER);

	static final Metadata.Key<String> API_KEY = Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER);

	// Liveness and readiness are open over REST (/v2/health/*) for probes; so are they
	// here.
	private static final Set<String> OPEN_METHODS = Set.of(
			GRPCInferenceServiceGrpc.getServerLiveMethod().getFullMethodName(),
			GRPCInferenceServiceGrpc.getServerReadyMethod().getFullMethodName());

	private GrpcInterceptors() {
	}

	/**
	 * Times every call as {@code modelport.grpc.server.requests} with the method and the
	 * status code it ended with.
	 * @param meters the registry
	 * @return the interceptor
	 */
	static ServerInterceptor metrics(MeterRegistry meters) {
		return new ServerInterceptor() {

			@Override
			public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
					ServerCallHandler<Q, R> next) {
				long start = System.nanoTime();
				String method = call.getMethodDescriptor().getFullMethodName();
				return next.startCall(new SimpleForwardingServerCall<>(call) {

					@Override
					public void close(Status status, Metadata trailers) {
						Timer.builder("modelport.grpc.server.requests")
							.description("gRPC calls by method and status code")
							.tag("method", method)
							.tag("status", status.getCode().name())
							.register(meters)
							.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
						super.close(status, trailers);
					}

				}, headers);
			}

		};
	}

	/**
	 * Refuses calls without a key that has the {@code inference} scope (unless the scope
	 * is open), except liveness, readiness and reflection, which need no key like their
	 * REST and OpenAPI counterparts.
	 * @param check the key check the HTTP filter uses
	 * @return the interceptor
	 */
	static ServerInterceptor apiKeys(ApiKeyCheck check) {
		return new ServerInterceptor() {

			@Override
			public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
					ServerCallHandler<Q, R> next) {
				String method = call.getMethodDescriptor().getFullMethodName();
				if (OPEN_METHODS.contains(method) || !method.startsWith(GRPCInferenceServiceGrpc.SERVICE_NAME + "/")) {
					return next.startCall(call, headers);
				}
				String key = ApiKeyCheck.bearerKey(headers.get(AUTHORIZATION));
				if (key == null) {
					String header = headers.get(API_KEY);
					key = (header == null || header.isBlank()) ? null : header.strip();
				}
				Optional<RuntimeException> refusal = check.refusal(key, Scope.INFERENCE);
				if (refusal.isPresent()) {
					call.close(GrpcErrors.toStatus(refusal.get()).getStatus(), new Metadata());
					return new ServerCall.Listener<>() {
					};
				}
				return next.startCall(call, headers);
			}

		};
	}

}
