package io.modelport.runtime;

import java.io.IOException;
import java.util.Optional;

import ai.djl.Model;
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
	 * Reads a version whose artifact is not network weights (word vectors, for example):
	 * sets the model's block and returns what the task's service needs besides the model,
	 * later read through {@link LoadedModel#state(Class)}. The default reads nothing, and
	 * the loader reads DJL parameters or TorchScript itself.
	 * @param model the empty model to set the block of
	 * @param descriptor the validated descriptor
	 * @return the task's state, empty when the loader should read the weights
	 * @throws IOException when the artifact cannot be read
	 */
	default Optional<Object> readArtifacts(Model model, ModelDescriptor descriptor) throws IOException {
		return Optional.empty();
	}

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
