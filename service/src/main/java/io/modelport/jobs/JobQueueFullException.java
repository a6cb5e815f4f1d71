package io.modelport.jobs;

import java.time.Duration;

import org.springframework.http.HttpStatus;

import io.modelport.core.ProblemException;
import io.modelport.core.ProblemTypes;

/**
 * Thrown when a job is submitted while the queue of waiting jobs is full; answered with
 * 429 and a {@code Retry-After}.
 *
 * @author Modelport Team
 */
public class JobQueueFullException extends ProblemException {

	public JobQueueFullException(String message) {
		super(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TRAINING_QUEUE_FULL, "Training queue full", message);
		// Jobs train for minutes: a client should not poll the queue every second.
		retryAfter(Duration.ofSeconds(60));
	}

}
