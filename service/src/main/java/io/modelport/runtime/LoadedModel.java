package io.modelport.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ai.djl.Model;
import ai.djl.translate.TranslateException;

import io.modelport.store.ModelDescriptor;

/**
 * A model version loaded into the engine, served by its {@link InferenceQueue}. Closing
 * stops new requests, lets the queued ones finish, then frees the model.
 *
 * @author Modelport Team
 */
public final class LoadedModel implements AutoCloseable {

	private final ModelDescriptor descriptor;

	private final Model model;

	private final InferenceQueue queue;

	private final RuntimeMetrics metrics;

	private final Duration defaultTimeout;

	private final Duration drainTimeout;

	private final Object state;

	private boolean closed;

	LoadedModel(ModelDescriptor descriptor, Model model, InferenceQueue queue, RuntimeMetrics metrics,
			RuntimeProperties properties, Object state) {
		this.descriptor = descriptor;
		this.state = state;
		this.model = model;
		this.queue = queue;
		this.metrics = metrics;
		this.defaultTimeout = properties.requestTimeout();
		this.drainTimeout = properties.drainTimeout();
	}

	/**
	 * The descriptor this model was loaded from.
	 * @return the descriptor
	 */
	public ModelDescriptor descriptor() {
		return this.descriptor;
	}

	/**
	 * What the task adapter read besides the model ({@link TaskAdapter#readArtifacts}).
	 * @param <T> the state's type
	 * @param type the state's type
	 * @return the state
	 * @throws IllegalStateException when this model has no state of that type
	 */
	public <T> T state(Class<T> type) {
		if (!type.isInstance(this.state)) {
			throw new IllegalStateException(
					this.descriptor.name() + " v" + this.descriptor.version() + " holds no " + type.getSimpleName());
		}
		return type.cast(this.state);
	}

	/**
	 * Runs one inference with the default deadline.
	 * @param <O> the translator's output type
	 * @param input an object of the translator's input type
	 * @return the translator's output
	 * @throws TranslateException when the engine or translator fails
	 */
	public <O> O predict(Object input) throws TranslateException {
		return predict(input, this.defaultTimeout);
	}

	/**
	 * Runs one inference, possibly batched with other requests.
	 * @param <O> the translator's output type
	 * @param input an object of the translator's input type
	 * @param timeout the request's deadline from now
	 * @return the translator's output
	 * @throws TranslateException when the engine or translator fails
	 * @throws QueueFullException when the model's queue is full
	 * @throws DeadlineExceededException when the deadline passes first
	 * @throws ModelClosedException when the model was unloaded
	 */
	public <O> O predict(Object input, Duration timeout) throws TranslateException {
		long deadline = System.nanoTime() + timeout.toNanos();
		return await(this.queue.submit(input, deadline), deadline);
	}

	/**
	 * Runs several inferences; each goes through the queue on its own, so the workers
	 * batch them with each other and with concurrent requests.
	 * @param <O> the translator's output type
	 * @param inputs objects of the translator's input type
	 * @param timeout the deadline from now, for all of them
	 * @return the outputs, in input order
	 * @throws TranslateException when the engine or translator fails
	 */
	public <O> java.util.List<O> predictAll(java.util.List<?> inputs, Duration timeout) throws TranslateException {
		long deadline = System.nanoTime() + timeout.toNanos();
		java.util.List<CompletableFuture<Object>> futures = new java.util.ArrayList<>();
		// Several inputs go through the queue together, so the workers batch them.
		boolean callerMayRun = inputs.size() == 1;
		for (Object input : inputs) {
			futures.add(this.queue.submit(input, deadline, callerMayRun));
		}
		java.util.List<O> outputs = new java.util.ArrayList<>();
		for (CompletableFuture<Object> future : futures) {
			outputs.add(await(future, deadline));
		}
		return outputs;
	}

	/**
	 * The default request deadline.
	 * @return the timeout
	 */
	public Duration defaultTimeout() {
		return this.defaultTimeout;
	}

	@SuppressWarnings("unchecked")
	private <O> O await(CompletableFuture<Object> result, long deadline) throws TranslateException {
		try {
			return (O) result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			result.cancel(false);
			throw new DeadlineExceededException("the request's deadline passed before its result was ready");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeadlineExceededException("interrupted while waiting for the result");
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof TranslateException translate) {
				throw translate;
			}
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new TranslateException(cause);
		}
	}

	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.queue.close(this.drainTimeout);
		this.metrics.close();
		this.model.close();
	}

}
