package io.modelport.runtime;

import ai.djl.translate.Translator;

import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;

/**
 * What the runtime needs from a task to serve it: the translator between request objects
 * and tensors, and one input to warm a freshly loaded model with. Each task package
 * contributes one as a bean.
 *
 * @author Modelport Team
 */
public interface TaskAdapter {

	/**
	 * The task served.
	 * @return the task
	 */
	Task task();

	/**
	 * Checks that a descriptor has what this task needs (labels, input spec, ...).
	 * @param descriptor the descriptor
	 * @throws io.modelport.store.InvalidModelException when something is missing
	 */
	void validate(ModelDescriptor descriptor);

	/**
	 * The translator for a model version; its input and output types are what callers
	 * pass to and get from {@link LoadedModel#predict(Object)}.
	 * @param descriptor the descriptor
	 * @return the translator
	 */
	Translator<?, ?> translator(ModelDescriptor descriptor);

	/**
	 * Runs one inference on a freshly loaded model and checks its output against the
	 * descriptor.
	 * @param model the loaded model
	 * @throws Exception when the model cannot serve
	 */
	void warmUp(LoadedModel model) throws Exception;

}
