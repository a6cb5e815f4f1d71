package io.modelport.client.grpc;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import io.modelport.client.AccessDeniedException;
import io.modelport.client.InvalidRequestException;
import io.modelport.client.ModelportException;
import io.modelport.client.NotFoundException;
import io.modelport.client.Problem;
import io.modelport.client.ServerException;
import io.modelport.client.UnavailableException;
import io.modelport.oip.grpc.v2.GRPCInferenceServiceGrpc;
import io.modelport.oip.grpc.v2.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import io.modelport.oip.grpc.v2.ModelInferRequest;
import io.modelport.oip.grpc.v2.ModelInferResponse;
import io.modelport.oip.grpc.v2.ModelMetadataRequest;
import io.modelport.oip.grpc.v2.ModelMetadataResponse;
import io.modelport.oip.grpc.v2.ModelReadyRequest;
import io.modelport.oip.grpc.v2.ServerLiveRequest;
import io.modelport.oip.grpc.v2.ServerMetadataRequest;
import io.modelport.oip.grpc.v2.ServerMetadataResponse;
import io.modelport.oip.grpc.v2.ServerReadyRequest;

/**
 * A client of the Open Inference Protocol v2 gRPC service ({@code GRPCInferenceService}):
 * the API key goes in the {@code authorization} metadata, each call has a deadline (the
 * client's default or its own), and gRPC statuses become the same
 * {@link ModelportException}s as REST errors. Tensors travel as {@link RawTensors raw
 * bytes}.
 *
 * <pre class="code">
 * try (OipGrpcClient grpc = OipGrpcClient.builder().target("localhost", 8081).build()) {
 *     ModelInferResponse answer = grpc.infer(RawTensors.fp32Request("fashion-mnist", "input", shape, pixels));
 * }
 * </pre>
 *
 * @author Modelport Team
 */
public final class OipGrpcClient implements AutoCloseable {

	static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
			Metadata.ASCII_STRING_MARSHALLER);

	private static final Map<Status.Code, Integer> HTTP_STATUS = Map.of(Status.Code.INVALID_ARGUMENT, 400,
			Status.Code.UNAUTHENTICATED, 401, Status.Code.PERMISSION_DENIED, 403, Status.Code.NOT_FOUND, 404,
			Status.Code.FAILED_PRECONDITION, 409, Status.Code.RESOURCE_EXHAUSTED, 429, Status.Code.UNAVAILABLE, 503,
			Status.Code.DEADLINE_EXCEEDED, 504, Status.Code.UNIMPLEMENTED, 501);

	private final ManagedChannel owned;

	private final GRPCInferenceServiceBlockingStub stub;

	private final Duration deadline;

	private OipGrpcClient(ManagedChannel owned, Channel channel, Duration deadline) {
		this.owned = owned;
		this.stub = GRPCInferenceServiceGrpc.newBlockingStub(channel);
		this.deadline = deadline;
	}

	/**
	 * A builder: plaintext to {@code localhost:8081}, no key, 30 s per call.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Whether the server answers.
	 * @return {@code true} when live
	 */
	public boolean serverLive() {
		return call((stub) -> stub.serverLive(ServerLiveRequest.getDefaultInstance()).getLive(), null);
	}

	/**
	 * Whether every required model is ready.
	 * @return {@code true} when ready
	 */
	public boolean serverReady() {
		return call((stub) -> stub.serverReady(ServerReadyRequest.getDefaultInstance()).getReady(), null);
	}

	/**
	 * Whether a model (version) is ready.
	 * @param model the model
	 * @param version the version, {@code null} or empty for the default
	 * @return {@code true} when ready
	 */
	public boolean modelReady(String model, String version) {
		ModelReadyRequest request = ModelReadyRequest.newBuilder()
			.setName(model)
			.setVersion(Objects.requireNonNullElse(version, ""))
			.build();
		return call((stub) -> stub.modelReady(request).getReady(), null);
	}

	/**
	 * The server's name, version and extensions.
	 * @return the metadata
	 */
	public ServerMetadataResponse serverMetadata() {
		return call((stub) -> stub.serverMetadata(ServerMetadataRequest.getDefaultInstance()), null);
	}

	/**
	 * A model's inputs and outputs.
	 * @param model the model
	 * @param version the version, {@code null} or empty for the default
	 * @return the metadata
	 */
	public ModelMetadataResponse modelMetadata(String model, String version) {
		ModelMetadataRequest request = ModelMetadataRequest.newBuilder()
			.setName(model)
			.setVersion(Objects.requireNonNullElse(version, ""))
			.build();
		return call((stub) -> stub.modelMetadata(request), null);
	}

	/**
	 * Runs an inference within the client's default deadline.
	 * @param request the request (see {@link RawTensors})
	 * @return the answer
	 */
	public ModelInferResponse infer(ModelInferRequest request) {
		return infer(request, null);
	}

	/**
	 * Runs an inference within a deadline of its own; the server stops working on it when
	 * the deadline passes and the call fails with a {@link ServerException} of status
	 * 504.
	 * @param request the request
	 * @param deadline the deadline, {@code null} for the client's default
	 * @return the answer
	 */
	public ModelInferResponse infer(ModelInferRequest request, Duration deadline) {
		return call((stub) -> stub.modelInfer(request), deadline);
	}

	private <T> T call(java.util.function.Function<GRPCInferenceServiceBlockingStub, T> call, Duration deadline) {
		Duration limit = (deadline != null) ? deadline : this.deadline;
		try {
			return call.apply(this.stub.withDeadlineAfter(limit.toNanos(), TimeUnit.NANOSECONDS));
		}
		catch (StatusRuntimeException ex) {
			throw exception(ex);
		}
	}

	static ModelportException exception(StatusRuntimeException ex) {
		Status.Code code = ex.getStatus().getCode();
		int status = HTTP_STATUS.getOrDefault(code, 500);
		Problem problem = new Problem(status, null, code.name(), ex.getStatus().getDescription(), null, null, null,
				Map.of("grpcStatus", code.name()));
		return switch (code) {
			case NOT_FOUND -> new NotFoundException(problem, ex);
			case INVALID_ARGUMENT, OUT_OF_RANGE, FAILED_PRECONDITION -> new InvalidRequestException(problem, ex);
			case UNAUTHENTICATED, PERMISSION_DENIED -> new AccessDeniedException(problem, ex);
			case RESOURCE_EXHAUSTED, UNAVAILABLE -> new UnavailableException(problem, ex);
			default -> new ServerException(problem, ex);
		};
	}

	@Override
	public void close() {
		if (this.owned != null) {
			this.owned.shutdown();
			try {
				if (!this.owned.awaitTermination(5, TimeUnit.SECONDS)) {
					this.owned.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				this.owned.shutdownNow();
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Builds an {@link OipGrpcClient}.
	 *
	 * @author Modelport Team
	 */
	public static final class Builder {

		private String host = "localhost";

		private int port = 8081;

		private Channel channel;

		private String apiKey;

		private Duration deadline = Duration.ofSeconds(30);

		private Builder() {
		}

		/**
		 * The server's gRPC address, reached in plaintext.
		 * @param host the host
		 * @param port the gRPC port ({@code modelport.grpc.port}, 8081 by default)
		 * @return this builder
		 */
		public Builder target(String host, int port) {
			this.host = host;
			this.port = port;
			return this;
		}

		/**
		 * A channel of the caller's own (TLS, load balancing); the caller closes it.
		 * @param channel the channel
		 * @return this builder
		 */
		public Builder channel(Channel channel) {
			this.channel = channel;
			return this;
		}

		/**
		 * The API key, sent as {@code authorization: Bearer <key>} metadata.
		 * @param apiKey the key, {@code null} for none
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			this.apiKey = (apiKey != null && !apiKey.isBlank()) ? apiKey.strip() : null;
			return this;
		}

		/**
		 * The deadline of each call that does not give its own.
		 * @param deadline the deadline
		 * @return this builder
		 */
		public Builder deadline(Duration deadline) {
			if (deadline == null || deadline.isNegative() || deadline.isZero()) {
				throw new IllegalArgumentException("the deadline must be positive, was " + deadline);
			}
			this.deadline = deadline;
			return this;
		}

		/**
		 * Builds the client.
		 * @return the client
		 */
		public OipGrpcClient build() {
			ManagedChannel owned = null;
			Channel channel = this.channel;
			if (channel == null) {
				owned = Grpc.newChannelBuilderForAddress(this.host, this.port, InsecureChannelCredentials.create())
					.build();
				channel = owned;
			}
			if (this.apiKey != null) {
				channel = ClientInterceptors.intercept(channel, new KeyInterceptor("Bearer " + this.apiKey));
			}
			return new OipGrpcClient(owned, channel, this.deadline);
		}

	}

	private static final class KeyInterceptor implements ClientInterceptor {

		private final String value;

		KeyInterceptor(String value) {
			this.value = value;
		}

		@Override
		public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
			return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {

				@Override
				public void start(Listener<A> listener, Metadata headers) {
					headers.put(AUTHORIZATION, KeyInterceptor.this.value);
					super.start(listener, headers);
				}

			};
		}

	}

}
