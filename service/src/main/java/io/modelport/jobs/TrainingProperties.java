package io.modelport.jobs;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of training jobs ({@code modelport.training.*}).
 *
 * @param workDir where each job gets a folder for its spec, checkpoints, output and log
 * @param maxConcurrentJobs how many worker processes train at the same time
 * @param maxQueuedJobs how many jobs may wait for a worker; a submission beyond it is
 * refused with 429
 * @param workerHeap the {@code -Xmx} of a worker JVM (tensors live off-heap)
 * @param workerJvmOptions extra JVM options for workers, space separated
 * @param cancelGrace how long a cancelled worker may take to exit before it is killed
 * @param maxAttempts how many times a job may be started (resumes after restarts count)
 * @param defaultPromotion the promotion policy of jobs that set none
 * @author Modelport Team
 */
@Validated
@ConfigurationProperties("modelport.training")
public record TrainingProperties(@DefaultValue("data/jobs") @NotNull Path workDir,
		@DefaultValue("1") @Min(1) @Max(16) int maxConcurrentJobs, @DefaultValue("100") @Min(1) int maxQueuedJobs,
		@DefaultValue("1g") @NotBlank String workerHeap, @DefaultValue("") String workerJvmOptions,
		@DefaultValue("5s") Duration cancelGrace, @DefaultValue("3") @Min(1) int maxAttempts,
		@DefaultValue("if-better") @NotBlank String defaultPromotion) {

}
