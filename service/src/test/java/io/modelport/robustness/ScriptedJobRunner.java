package io.modelport.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.modelport.Fixtures;
import io.modelport.jobs.JobRunner;

import static org.awaitility.Awaitility.await;

/**
 * A job runner the test drives: no worker process, the test says when a job reports an
 * epoch and when it ends, and a successful end leaves the tiny fixture classifier as the
 * trained output. It puts a fault at an exact point of a job's life.
 *
 * @author Modelport Team
 */
final class ScriptedJobRunner implements JobRunner {

	private final Map<String, Worker> workers = new ConcurrentHashMap<>();

	@Override
	public RunningWorker start(String jobId, Path jobDirectory, Listener listener) {
		Worker worker = new Worker(jobDirectory, listener);
		this.workers.put(jobId, worker);
		return worker::cancel;
	}

	/**
	 * Waits until the service has started a job's worker.
	 * @param jobId the job
	 * @return the worker
	 */
	Worker awaitStarted(String jobId) {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.workers.containsKey(jobId));
		return this.workers.get(jobId);
	}

	/**
	 * A pretend worker.
	 */
	static final class Worker {

		private final Path directory;

		private final Listener listener;

		private volatile boolean ended;

		Worker(Path directory, Listener listener) {
			this.directory = directory;
			this.listener = listener;
		}

		/**
		 * Reports an epoch, as a worker prints it.
		 * @param epoch the epoch number
		 */
		void epoch(int epoch) {
			this.listener.onEvent(Map.of("event", "epoch", "result",
					Map.of("epoch", epoch, "trainLoss", 1.0 / epoch, "devLoss", 1.0 / epoch, "devAccuracy",
							0.5 + epoch / 100.0, "learningRate", 0.01, "seconds", 1.0, "samplesPerSecond", 100.0)));
		}

		/**
		 * Leaves the fixture classifier as the job's output and exits with 0.
		 * @param model the job's model name
		 */
		void succeed(String model) {
			Path output = Fixtures.copyTinyModel(this.directory.resolve("output"), model, 1);
			try {
				Files.writeString(output.resolve("evaluation.json"), "{\"testAccuracy\": 0.75}");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			end(0);
		}

		private void cancel() {
			end(143);
		}

		private synchronized void end(int exitCode) {
			if (!this.ended) {
				this.ended = true;
				this.listener.onExit(exitCode, "");
			}
		}

	}

}
