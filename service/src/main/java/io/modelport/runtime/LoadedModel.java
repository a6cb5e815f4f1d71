package io.modelport.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;

import io.modelport.store.ModelDescriptor;

/**
 * A model version loaded into the engine with a fixed pool of predictors. A DJL
 * {@link Predictor} is not thread-safe, so each call borrows one predictor for itself and
 * returns it. Closing waits for in-flight calls (a write lock against their read locks),
 * so a model is never freed under a running inference.
 *
 * @author Modelport Team
 */
public final class LoadedModel implements AutoCloseable {

	private final ModelDescriptor descriptor;

	private final Model model;

	private final List<Predictor<Object, Object>> predictors;

	private final BlockingQueue<Predictor<Object, Object>> idle;

	private final Duration wait;

	private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();

	private boolean closed;

	@SuppressWarnings("unchecked")
	LoadedModel(ModelDescriptor descriptor, Model model, Translator<?, ?> translator, int workers, Duration wait) {
		this.descriptor = descriptor;
		this.model = model;
		this.wait = wait;
		this.predictors = new ArrayList<>(workers);
		this.idle = new ArrayBlockingQueue<>(workers);
		for (int i = 0; i < workers; i++) {
			Predictor<Object, Object> predictor = model.newPredictor((Translator<Object, Object>) translator);
			this.predictors.add(predictor);
			this.idle.add(predictor);
		}
	}

	/**
	 * The descriptor this model was loaded from.
	 * @return the descriptor
	 */
	public ModelDescriptor descriptor() {
		return this.descriptor;
	}

	/**
	 * Runs one inference.
	 * @param <O> the translator's output type
	 * @param input an object of the translator's input type
	 * @return the translator's output
	 * @throws TranslateException when the engine or translator fails
	 * @throws ModelBusyException when no predictor frees up in time
	 * @throws ModelClosedException when the model was unloaded
	 */
	@SuppressWarnings("unchecked")
	public <O> O predict(Object input) throws TranslateException {
		if (!this.lifecycle.readLock().tryLock()) {
			throw new ModelClosedException(name() + " is being unloaded");
		}
		try {
			if (this.closed) {
				throw new ModelClosedException(name() + " was unloaded");
			}
			Predictor<Object, Object> predictor = borrow();
			try {
				return (O) predictor.predict(input);
			}
			finally {
				this.idle.add(predictor);
			}
		}
		finally {
			this.lifecycle.readLock().unlock();
		}
	}

	private Predictor<Object, Object> borrow() {
		try {
			Predictor<Object, Object> predictor = this.idle.poll(this.wait.toMillis(), TimeUnit.MILLISECONDS);
			if (predictor == null) {
				throw new ModelBusyException("all " + this.predictors.size() + " workers of " + name() + " are busy");
			}
			return predictor;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ModelBusyException("interrupted while waiting for a worker of " + name());
		}
	}

	private String name() {
		return this.descriptor.name() + " version " + this.descriptor.version();
	}

	@Override
	public void close() {
		this.lifecycle.writeLock().lock();
		try {
			if (this.closed) {
				return;
			}
			this.closed = true;
			this.predictors.forEach(Predictor::close);
			this.model.close();
		}
		finally {
			this.lifecycle.writeLock().unlock();
		}
	}

}
