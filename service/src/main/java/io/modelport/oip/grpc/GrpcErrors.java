package io.modelport.oip.grpc;

import java.time.Duration;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.modelport.core.InvalidRequestException;
import io.modelport.core.SafeMessages;
import io.modelport.imaging.InvalidImageException;
import io.modelport.oip.OipException;
import io.modelport.registry.ModelNotFoundException;
import io.modelport.registry.ModelNotReadyException;
import io.modelport.runtime.DeadlineExceededException;
import io.modelport.runtime.ModelClosedException;
import io.modelport.runtime.QueueFullException;
import io.modelport.security.ForbiddenException;
import io.modelport.security.UnauthorizedException;

/**
 * Turns the exceptions the REST controllers map to HTTP statuses into the gRPC statuses
 * that mean the same. Refusals that a client should retry carry a
 * {@code google.rpc.RetryInfo} in the status details, the gRPC form of
 * {@code Retry-After}.
 *
 * @author Modelport Team
 */
final class GrpcErrors {

	private static final Log logger = LogFactory.getLog(GrpcErrors.class);

	private static final Duration NOT_READY_RETRY = Duration.ofSeconds(5);

	private GrpcErrors() {
	}

	static StatusRuntimeException invalid(String message) {
		return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
	}

	static StatusRuntimeException toStatus(Throwable ex) {
		if (ex instanceof StatusRuntimeException status) {
			return status;
		}
		String message = SafeMessages.withoutPaths(ex.getMessage());
		if (ex instanceof OipException oip) {
			return switch (oip.status()) {
				case NOT_FOUND -> Status.NOT_FOUND.withDescription(message).asRuntimeException();
				case SERVICE_UNAVAILABLE -> retry(Code.UNAVAILABLE, message, NOT_READY_RETRY);
				case INTERNAL_SERVER_ERROR -> Status.INTERNAL.withDescription(message).asRuntimeException();
				default -> invalid(message);
			};
		}
		if (ex instanceof ModelNotFoundException) {
			return Status.NOT_FOUND.withDescription(message).asRuntimeException();
		}
		if (ex instanceof QueueFullException full) {
			return retry(Code.RESOURCE_EXHAUSTED, message, full.retryAfter());
		}
		if (ex instanceof ModelNotReadyException notReady) {
			return retry(Code.UNAVAILABLE, message,
					(notReady.retryAfter() != null) ? notReady.retryAfter() : NOT_READY_RETRY);
		}
		if (ex instanceof ModelClosedException) {
			return retry(Code.UNAVAILABLE, message, NOT_READY_RETRY);
		}
		if (ex instanceof DeadlineExceededException) {
			return Status.DEADLINE_EXCEEDED.withDescription(message).asRuntimeException();
		}
		if (ex instanceof UnauthorizedException) {
			return Status.UNAUTHENTICATED.withDescription(message).asRuntimeException();
		}
		if (ex instanceof ForbiddenException) {
			return Status.PERMISSION_DENIED.withDescription(message).asRuntimeException();
		}
		if (ex instanceof InvalidImageException || ex instanceof InvalidRequestException
				|| ex instanceof IllegalArgumentException || ex instanceof ArithmeticException) {
			return invalid(message);
		}
		logger.error("gRPC inference call failed", ex);
		return Status.INTERNAL.withDescription("inference failed").asRuntimeException();
	}

	private static StatusRuntimeException retry(Code code, String message, Duration after) {
		Duration delay = (after != null && !after.isNegative()) ? after : NOT_READY_RETRY;
		RetryInfo info = RetryInfo.newBuilder()
			.setRetryDelay(
					com.google.protobuf.Duration.newBuilder().setSeconds(delay.getSeconds()).setNanos(delay.getNano()))
			.build();
		com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
			.setCode(code.getNumber())
			.setMessage(String.valueOf(message))
			.addDetails(Any.pack(info))
			.build();
		return StatusProto.toStatusRuntimeException(status);
	}

}
