package io.modelport.classification;

import org.springframework.stereotype.Component;

import io.modelport.runtime.LoadedModel;
import io.modelport.runtime.TaskAdapter;
import io.modelport.store.InvalidModelException;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;

/**
 * Serves {@link Task#CLASSIFIER} models: needs an input spec and labels, and checks at
 * warm-up that the model has one output per label.
 *
 * @author Modelport Team
 */
@Component
public class ClassifierTaskAdapter implements TaskAdapter {

	@Override
	public Task task() {
		return Task.CLASSIFIER;
	}

	@Override
	public void validate(ModelDescriptor descriptor) {
		if (descriptor.input() == null) {
			throw new InvalidModelException("a classifier descriptor needs an input spec");
		}
		if (descriptor.labels().isEmpty()) {
			throw new InvalidModelException("a classifier descriptor needs labels");
		}
	}

	@Override
	public ClassifierTranslator translator(ModelDescriptor descriptor) {
		return new ClassifierTranslator(descriptor.input(), descriptor.booleanParameter("applySoftmax", true));
	}

	@Override
	public void warmUp(LoadedModel model) throws Exception {
		ModelDescriptor descriptor = model.descriptor();
		float[] zeros = new float[descriptor.input().channels() * descriptor.input().height()
				* descriptor.input().width()];
		float[] output = model.predict(zeros);
		if (output.length != descriptor.labels().size()) {
			throw new InvalidModelException("the model has " + output.length + " outputs but the descriptor lists "
					+ descriptor.labels().size() + " labels");
		}
	}

}
