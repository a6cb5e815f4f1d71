package io.modelport.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.modelport.Fixtures;
import io.modelport.oip.grpc.GrpcServer;
import io.modelport.oip.grpc.v2.GRPCInferenceServiceGrpc;
import io.modelport.oip.grpc.v2.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import io.modelport.oip.grpc.v2.ModelMetadataRequest;
import io.modelport.oip.grpc.v2.ServerLiveRequest;
import io.modelport.oip.grpc.v2.ServerReadyRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The gRPC port honours the same keys and scopes as REST: with the inference scope
 * closed, calls need {@code authorization: Bearer <key>} of a key with that scope, while
 * liveness and readiness stay open for probes.
 *
 * @author Modelport Team
 */
@SpringBootTest(properties = { "modelport.grpc.port=0", "modelport.security.open-scopes=management",
		"modelport.security.keys-check-interval=100ms",
		"spring.datasource.url=jdbc:h2:mem:grpc-keys;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" })
@Tag("integration")
class GrpcApiKeyIntegrationTests {

	private static final Path STORE = Fixtures.tinyModelStore("modelport-grpc-keys");

	private static final Path KEYS = STORE.resolveSibling(STORE.getFileName() + ".keys");

	private static final String CLIENT = KeysFile.newKey("client");

	private static final String TRAINER = KeysFile.newKey("trainer");

	@Autowired
	private GrpcServer server;

	private ManagedChannel channel;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) throws IOException {
		Files.writeString(KEYS, String.join("\n", KeysFile.line("client", CLIENT, Set.of(Scope.INFERENCE), null),
				KeysFile.line("trainer", TRAINER, Set.of(Scope.TRAINING), null), ""));
		registry.add("modelport.store.location", STORE::toString);
		registry.add("modelport.security.keys-file", KEYS::toString);
	}

	@BeforeEach
	void connect() {
		this.channel = NettyChannelBuilder.forAddress("127.0.0.1", this.server.port()).usePlaintext().build();
	}

	@AfterEach
	void close() throws InterruptedException {
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	@Test
	void inferenceCallsNeedAKeyWithTheInferenceScope() {
		GRPCInferenceServiceBlockingStub anonymous = stub(null);
		assertThat(anonymous.serverLive(ServerLiveRequest.getDefaultInstance()).getLive()).isTrue();
		anonymous.serverReady(ServerReadyRequest.getDefaultInstance());
		assertRefused(anonymous, Status.Code.UNAUTHENTICATED, "needs an API key with the 'inference' scope");
		assertRefused(stub("Bearer not-a-key"), Status.Code.UNAUTHENTICATED, "not valid");
		assertRefused(stub("Bearer " + TRAINER), Status.Code.PERMISSION_DENIED, "does not have the 'inference'");
		assertThat(stub("Bearer " + CLIENT).modelMetadata(metadata()).getName()).isEqualTo("tiny-fashion");
	}

	private GRPCInferenceServiceBlockingStub stub(String authorization) {
		GRPCInferenceServiceBlockingStub stub = GRPCInferenceServiceGrpc.newBlockingStub(this.channel)
			.withDeadlineAfter(30, TimeUnit.SECONDS);
		if (authorization == null) {
			return stub;
		}
		Metadata headers = new Metadata();
		headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), authorization);
		return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
	}

	private static ModelMetadataRequest metadata() {
		return ModelMetadataRequest.newBuilder().setName("tiny-fashion").build();
	}

	private static void assertRefused(GRPCInferenceServiceBlockingStub stub, Status.Code code, String message) {
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> stub.modelMetadata(metadata()))
			.satisfies((ex) -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(code);
				assertThat(ex.getStatus().getDescription()).contains(message);
			});
	}

}
