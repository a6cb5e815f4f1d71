package io.modelport.oip.grpc;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.stub.StreamObserver;

import io.modelport.oip.OipService;
import io.modelport.oip.OipTypes.ModelMetadata;
import io.modelport.oip.OipTypes.ServerMetadata;
import io.modelport.oip.OipTypes.TensorMetadata;
import io.modelport.oip.grpc.v2.ModelInferRequest;
import io.modelport.oip.grpc.v2.ModelInferResponse;
import io.modelport.oip.grpc.v2.ModelMetadataRequest;
import io.modelport.oip.grpc.v2.ModelMetadataResponse;
import io.modelport.oip.grpc.v2.ModelReadyRequest;
import io.modelport.oip.grpc.v2.ModelReadyResponse;
import io.modelport.oip.grpc.v2.ServerLiveRequest;
import io.modelport.oip.grpc.v2.ServerLiveResponse;
import io.modelport.oip.grpc.v2.ServerMetadataRequest;
import io.modelport.oip.grpc.v2.ServerMetadataResponse;
import io.modelport.oip.grpc.v2.ServerReadyRequest;
import io.modelport.oip.grpc.v2.ServerReadyResponse;
import io.modelport.runtime.DeadlineExceededException;

/**
 * The six RPCs of {@code inference.GRPCInferenceService}. Each one converts its message
 * and calls the same {@link OipService} as the REST endpoints, so queueing, batching,
 * deadlines and inference metrics are shared; only the wire format differs.
 *
 * @author Modelport Team
 */
class InferenceGrpcService {

	private static final Duration MAX_TIMEOUT = Duration.ofHours(1);

	private final OipService oip;

	InferenceGrpcService(OipService oip) {
		this.oip = oip;
	}

	void serverLive(ServerLiveRequest request, StreamObserver<ServerLiveResponse> out) {
		respond(out, () -> ServerLiveResponse.newBuilder().setLive(true).build());
	}

	void serverReady(ServerReadyRequest request, StreamObserver<ServerReadyResponse> out) {
		respond(out, () -> ServerReadyResponse.newBuilder().setReady(this.oip.serverReady()).build());
	}

	void modelReady(ModelReadyRequest request, StreamObserver<ModelReadyResponse> out) {
		respond(out,
				() -> ModelReadyResponse.newBuilder()
					.setReady(this.oip.ready(name(request.getName()), version(request.getVersion())))
					.build());
	}

	void serverMetadata(ServerMetadataRequest request, StreamObserver<ServerMetadataResponse> out) {
		respond(out, () -> {
			ServerMetadata metadata = this.oip.server();
			return ServerMetadataResponse.newBuilder()
				.setName(metadata.name())
				.setVersion(metadata.version())
				.addAllExtensions(metadata.extensions())
				.build();
		});
	}

	void modelMetadata(ModelMetadataRequest request, StreamObserver<ModelMetadataResponse> out) {
		respond(out, () -> {
			ModelMetadata metadata = this.oip.metadata(name(request.getName()), version(request.getVersion()));
			return ModelMetadataResponse.newBuilder()
				.setName(metadata.name())
				.addAllVersions(metadata.versions())
				.setPlatform(metadata.platform())
				.addAllInputs(tensors(metadata.inputs()))
				.addAllOutputs(tensors(metadata.outputs()))
				.build();
		});
	}

	void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> out) {
		respond(out, () -> {
			String model = name(request.getModelName());
			Integer version = version(request.getModelVersion());
			Duration timeout = timeout(Context.current().getDeadline());
			return GrpcTensors.response(this.oip.infer(model, version, GrpcTensors.request(request), timeout),
					request.getRawInputContentsCount() > 0);
		});
	}

	private static <T> void respond(StreamObserver<T> out, Supplier<T> answer) {
		T response;
		try {
			response = answer.get();
		}
		catch (RuntimeException ex) {
			out.onError(GrpcErrors.toStatus(ex));
			return;
		}
		out.onNext(response);
		out.onCompleted();
	}

	// The client's gRPC deadline becomes the request's deadline in the queue, as the
	// Request-Timeout header does over REST; without one the model's default applies.
	static Duration timeout(Deadline deadline) {
		if (deadline == null) {
			return null;
		}
		long nanos = deadline.timeRemaining(TimeUnit.NANOSECONDS);
		if (nanos <= 0) {
			throw new DeadlineExceededException("the call's deadline passed before it was queued");
		}
		Duration remaining = Duration.ofNanos(nanos);
		return (remaining.compareTo(MAX_TIMEOUT) > 0) ? MAX_TIMEOUT : remaining;
	}

	private static String name(String name) {
		if (name.isBlank()) {
			throw GrpcErrors.invalid("the model name is required");
		}
		return name;
	}

	private static Integer version(String version) {
		if (version.isEmpty()) {
			return null;
		}
		try {
			int number = Integer.parseInt(version);
			if (number < 1) {
				throw new NumberFormatException();
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw GrpcErrors.invalid("model version '" + version + "' is not a positive whole number");
		}
	}

	private static List<ModelMetadataResponse.TensorMetadata> tensors(List<TensorMetadata> tensors) {
		return tensors.stream()
			.map((tensor) -> ModelMetadataResponse.TensorMetadata.newBuilder()
				.setName(tensor.name())
				.setDatatype(tensor.datatype())
				.addAllShape(tensor.shape())
				.build())
			.toList();
	}

}
