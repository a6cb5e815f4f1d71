package io.modelport.robustness;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import io.modelport.jobs.JobRunner;

/**
 * Workers that never train: a job a fuzzed body happens to make valid stays RUNNING until
 * it is cancelled, instead of spending minutes of CPU, and queued jobs stay queued, so
 * the queue limit can be seen.
 *
 * @author Modelport Team
 */
@TestConfiguration(proxyBeanMethods = false)
class IdleJobRunner {

	@Bean
	@Primary
	JobRunner idleJobRunner() {
		return (jobId, jobDirectory, listener) -> () -> listener.onExit(143, "cancelled");
	}

}
