package io.modelport.detection;

import org.springframework.stereotype.Component;

import io.modelport.nn.ArchitectureCatalog;
import io.modelport.nn.YoloDetectorNet;
import io.modelport.runtime.LoadedModel;
import io.modelport.runtime.TaskAdapter;
import io.modelport.store.InvalidModelException;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;

/**
 * Serves {@link Task#DETECTOR} models: needs an input spec, labels and valid decoder
 * settings, and checks at warm-up that the output shape fits the declared layout, so a
 * mismatched export fails to load instead of failing every request.
 *
 * @author Modelport Team
 */
@Component
public class DetectorTaskAdapter implements TaskAdapter {

	@Override
	public Task task() {
		return Task.DETECTOR;
	}

	@Override
	public void validate(ModelDescriptor descriptor) {
		if (descriptor.input() == null) {
			throw new InvalidModelException("a detector descriptor needs an input spec");
		}
		if (descriptor.labels().isEmpty()) {
			throw new InvalidModelException("a detector descriptor needs labels");
		}
		DecoderSettings settings = settings(descriptor);
		if (descriptor.architecture() != null
				&& ArchitectureCatalog.YOLO_DETECTOR.equals(descriptor.architecture().name())) {
			YoloDetectorNet net = YoloDetectorNet.fromParameters(descriptor.architecture().parameters());
			if (net.anchors() != Math.max(1, settings.anchors().size())
					|| net.classes() != descriptor.labels().size()) {
				throw new InvalidModelException("the architecture has " + net.anchors() + " anchors and "
						+ net.classes() + " classes but the descriptor lists " + settings.anchors().size()
						+ " anchors and " + descriptor.labels().size() + " labels");
			}
		}
	}

	@Override
	public DetectorTranslator translator(ModelDescriptor descriptor) {
		return new DetectorTranslator(descriptor.input());
	}

	@Override
	public void warmUp(LoadedModel model) throws Exception {
		ModelDescriptor descriptor = model.descriptor();
		float[] zeros = new float[descriptor.input().channels() * descriptor.input().height()
				* descriptor.input().width()];
		RawOutput output = model.predict(zeros);
		try {
			OutputDecoder.decode(output, settings(descriptor), descriptor.labels().size(), descriptor.input().width(),
					descriptor.input().height());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidModelException("the model output does not fit its descriptor: " + ex.getMessage());
		}
	}

	static DecoderSettings settings(ModelDescriptor descriptor) {
		try {
			return DecoderSettings.fromParameters(descriptor.parameters());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidModelException("invalid detector parameters: " + ex.getMessage());
		}
	}

}
