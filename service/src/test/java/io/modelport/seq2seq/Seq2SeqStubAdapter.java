package io.modelport.seq2seq;

import ai.djl.translate.NoopTranslator;
import ai.djl.translate.Translator;

import io.modelport.runtime.LoadedModel;
import io.modelport.runtime.TaskAdapter;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;

/**
 * Lets tests load translator versions before the serving side's seq2seq adapter exists:
 * the loader reads the weights, this adapter checks and warms up nothing. Replace with
 * the real adapter when it is merged.
 *
 * @author Modelport Team
 */
public class Seq2SeqStubAdapter implements TaskAdapter {

	@Override
	public Task task() {
		return Task.SEQ2SEQ;
	}

	@Override
	public void validate(ModelDescriptor descriptor) {
	}

	@Override
	public Translator<?, ?> translator(ModelDescriptor descriptor) {
		return new NoopTranslator();
	}

	@Override
	public void warmUp(LoadedModel model) {
	}

}
