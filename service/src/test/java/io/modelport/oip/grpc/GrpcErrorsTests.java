package io.modelport.oip.grpc;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.google.rpc.RetryInfo;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import io.modelport.oip.OipException;
import io.modelport.registry.ModelNotReadyException;
import io.modelport.runtime.DeadlineExceededException;
import io.modelport.runtime.QueueFullException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The gRPC statuses the REST errors become, with retry information where REST sends
 * {@code Retry-After}, and the call deadline handed to the queue.
 *
 * @author Modelport Team
 */
class GrpcErrorsTests {

	@Test
	void aFullQueueIsResourceExhaustedWithRetryInfo() throws Exception {
		StatusRuntimeException status = GrpcErrors
			.toStatus(new QueueFullException("the queue of m is full", Duration.ofMillis(1500)));
		assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
		assertThat(status.getStatus().getDescription()).isEqualTo("the queue of m is full");
		RetryInfo retry = StatusProto.fromThrowable(status).getDetails(0).unpack(RetryInfo.class);
		assertThat(retry.getRetryDelay().getSeconds()).isEqualTo(1);
		assertThat(retry.getRetryDelay().getNanos()).isEqualTo(500_000_000);
	}

	@Test
	void otherErrorsMapLikeTheirHttpStatus() {
		assertThat(code(new ModelNotReadyException("loading", Duration.ofSeconds(3))))
			.isEqualTo(Status.Code.UNAVAILABLE);
		assertThat(code(new DeadlineExceededException("late"))).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
		assertThat(code(new OipException(HttpStatus.NOT_FOUND, "gone"))).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(code(new OipException(HttpStatus.BAD_REQUEST, "bad"))).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(code(new IllegalArgumentException("bad"))).isEqualTo(Status.Code.INVALID_ARGUMENT);
		StatusRuntimeException internal = GrpcErrors.toStatus(new IllegalStateException("/secret/path broke"));
		assertThat(internal.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
		assertThat(internal.getStatus().getDescription()).isEqualTo("inference failed");
	}

	@Test
	void theCallDeadlineBecomesTheQueueDeadline() {
		assertThat(InferenceGrpcService.timeout(null)).isNull();
		assertThat(InferenceGrpcService.timeout(Deadline.after(2, TimeUnit.SECONDS))).isBetween(Duration.ofMillis(1),
				Duration.ofSeconds(2));
		assertThat(InferenceGrpcService.timeout(Deadline.after(5, TimeUnit.HOURS))).isEqualTo(Duration.ofHours(1));
		assertThatExceptionOfType(DeadlineExceededException.class)
			.isThrownBy(() -> InferenceGrpcService.timeout(Deadline.after(-1, TimeUnit.SECONDS)));
	}

	private static Status.Code code(RuntimeException ex) {
		return GrpcErrors.toStatus(ex).getStatus().getCode();
	}

}
