package io.modelport.oip.grpc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;

import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.Marshaller;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;

import io.modelport.oip.grpc.v2.GRPCInferenceServiceGrpc;

/**
 * Binds {@link InferenceGrpcService} to the generated method descriptors. Requests arrive
 * as bytes and are parsed here rather than by grpc-java, which answers a message that is
 * not valid protobuf with UNKNOWN ("Application error processing RPC"); here it becomes
 * INVALID_ARGUMENT naming the message. The generated schema descriptor is kept, so server
 * reflection still describes the service.
 *
 * @author Modelport Team
 */
final class GrpcServiceDefinition {

	private static final Marshaller<byte[]> BYTES = new Marshaller<>() {

		@Override
		public InputStream stream(byte[] value) {
			return new ByteArrayInputStream(value);
		}

		@Override
		public byte[] parse(InputStream stream) {
			try {
				return stream.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	};

	private GrpcServiceDefinition() {
	}

	static ServerServiceDefinition of(InferenceGrpcService service) {
		ServiceDescriptor generated = GRPCInferenceServiceGrpc.getServiceDescriptor();
		ServerMethodDefinition<?, ?>[] methods = {
				bind(GRPCInferenceServiceGrpc.getServerLiveMethod(), service::serverLive),
				bind(GRPCInferenceServiceGrpc.getServerReadyMethod(), service::serverReady),
				bind(GRPCInferenceServiceGrpc.getModelReadyMethod(), service::modelReady),
				bind(GRPCInferenceServiceGrpc.getServerMetadataMethod(), service::serverMetadata),
				bind(GRPCInferenceServiceGrpc.getModelMetadataMethod(), service::modelMetadata),
				bind(GRPCInferenceServiceGrpc.getModelInferMethod(), service::modelInfer) };
		ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(generated.getName())
			.setSchemaDescriptor(generated.getSchemaDescriptor());
		for (ServerMethodDefinition<?, ?> method : methods) {
			descriptor.addMethod(method.getMethodDescriptor());
		}
		ServerServiceDefinition.Builder definition = ServerServiceDefinition.builder(descriptor.build());
		for (ServerMethodDefinition<?, ?> method : methods) {
			definition.addMethod(method);
		}
		return definition.build();
	}

	private static <Q, R> ServerMethodDefinition<byte[], R> bind(MethodDescriptor<Q, R> method,
			BiConsumer<Q, StreamObserver<R>> handler) {
		Marshaller<Q> parser = method.getRequestMarshaller();
		String type = method.getFullMethodName();
		MethodDescriptor<byte[], R> raw = method.toBuilder(BYTES, method.getResponseMarshaller()).build();
		return ServerMethodDefinition.create(raw, ServerCalls.asyncUnaryCall((bytes, out) -> {
			Q request;
			try {
				request = parser.parse(new ByteArrayInputStream(bytes));
			}
			catch (RuntimeException ex) {
				out.onError(Status.INVALID_ARGUMENT
					.withDescription("the request message is not a valid protobuf request of " + type)
					.asRuntimeException());
				return;
			}
			handler.accept(request, out);
		}));
	}

}
