package io.modelport.runtime;

import java.io.IOException;
import java.util.Optional;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.translate.Translator;

import io.modelport.store.InputSpec;
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
	 * Reads what a version holds besides DJL parameters or TorchScript, before the loader
	 * reads those: a word-vector artifact (the adapter then sets the model's block
	 * itself), or files such as vocabularies. What it returns is later read through
	 * {@link LoadedModel#state(Class)}. The default reads nothing.
	 * @param model the empty model
	 * @param descriptor the validated descriptor
	 * @return the task's state, empty when it has none
	 * @throws IOException when a file cannot be read
	 */
	default Optional<Object> readArtifacts(Model model, ModelDescriptor descriptor) throws IOException {
		return Optional.empty();
	}

	/**
	 * Input shapes that initialise every parameter of a freshly built DJL-parameter
	 * network, so the loader can compare the file's parameter shapes with the
	 * architecture's. The default is one image of the descriptor's input spec.
	 * @param network the network, not yet initialised
	 * @param descriptor the descriptor
	 * @return the shapes, or {@code null} when none are known (the comparison is skipped)
	 */
	default Shape[] initializationShapes(Block network, ModelDescriptor descriptor) {
		InputSpec input = descriptor.input();
		return (input != null) ? new Shape[] { new Shape(1, input.channels(), input.height(), input.width()) } : null;
	}

	/**
	 * The block that serves a loaded DJL-parameter network: by default the network
	 * itself; a task whose inference is more than one forward pass (beam search) wraps
	 * it.
	 * @param network the network, its parameters loaded
	 * @param descriptor the descriptor
	 * @return the block predictors run
	 */
	default Block servingBlock(Block network, ModelDescriptor descriptor) {
		return network;
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
