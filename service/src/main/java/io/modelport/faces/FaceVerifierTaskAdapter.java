package io.modelport.faces;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

import ai.djl.Model;
import org.springframework.stereotype.Component;

import io.modelport.faces.alignment.FaceAligner;
import io.modelport.faces.alignment.FaceLandmarker;
import io.modelport.faces.detection.FaceFinder;
import io.modelport.faces.detection.TinyFaceDetector;
import io.modelport.faces.importer.FaceApiImport;
import io.modelport.runtime.LoadedModel;
import io.modelport.runtime.TaskAdapter;
import io.modelport.store.InputSpec;
import io.modelport.store.InvalidModelException;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;

/**
 * Serves {@link Task#FACE_VERIFIER} models: needs an input spec and a calibrated
 * threshold, and checks at warm-up that the model answers one finite embedding of the
 * declared size, so a broken export fails to load instead of failing every request.
 *
 * @author Modelport Team
 */
@Component
public class FaceVerifierTaskAdapter implements TaskAdapter {

	@Override
	public Task task() {
		return Task.FACE_VERIFIER;
	}

	@Override
	public void validate(ModelDescriptor descriptor) {
		if (descriptor.input() == null) {
			throw new InvalidModelException("a face verifier descriptor needs an input spec");
		}
		VerifierSettings.fromParameters(descriptor.parameters());
	}

	@Override
	public Optional<Object> readArtifacts(Model model, ModelDescriptor descriptor) throws IOException {
		if (!FaceAlignment.enabled(descriptor)) {
			return Optional.empty();
		}
		Object file = descriptor.parameters().get(FaceApiImport.LANDMARKS_PARAMETER);
		boolean listed = descriptor.artifacts().stream().anyMatch((a) -> a.file().equals(file));
		if (!(file instanceof String name) || !listed || descriptor.input().channels() != 3) {
			throw new InvalidModelException("an aligning face verifier needs 3 input channels and a parameter '"
					+ FaceApiImport.LANDMARKS_PARAMETER + "' naming one of its artifacts");
		}
		FaceLandmarker landmarker = FaceLandmarker.load(model.getNDManager(), descriptor.directory().resolve(name));
		FaceAligner aligner = new FaceAligner(landmarker, descriptor.input().width());
		Object detector = descriptor.parameters().get(FaceApiImport.DETECTOR_PARAMETER);
		if (detector == null) {
			return Optional.of(new FaceTools(aligner, null));
		}
		if (!(detector instanceof String detectorFile)
				|| descriptor.artifacts().stream().noneMatch((a) -> a.file().equals(detectorFile))) {
			throw new InvalidModelException(
					"the parameter '" + FaceApiImport.DETECTOR_PARAMETER + "' must name one of the artifacts");
		}
		TinyFaceDetector found = TinyFaceDetector.load(model.getNDManager(),
				descriptor.directory().resolve(detectorFile));
		return Optional.of(new FaceTools(aligner, new FaceFinder(found, aligner)));
	}

	@Override
	public EmbeddingTranslator translator(ModelDescriptor descriptor) {
		return new EmbeddingTranslator(descriptor.input());
	}

	@Override
	public void warmUp(LoadedModel model) throws Exception {
		ModelDescriptor descriptor = model.descriptor();
		int expected = VerifierSettings.fromParameters(descriptor.parameters()).embeddingSize();
		InputSpec input = descriptor.input();
		int plane = input.height() * input.width();
		float[] gray = new float[input.channels() * plane];
		for (int c = 0; c < input.channels(); c++) {
			Arrays.fill(gray, c * plane, (c + 1) * plane, input.normalize(128f, c));
		}
		float[] embedding = model.predict(gray);
		if (embedding.length == 0 || (expected > 0 && embedding.length != expected)) {
			throw new InvalidModelException("the model answers embeddings of size " + embedding.length
					+ " but the descriptor declares " + expected);
		}
		for (float value : embedding) {
			if (!Float.isFinite(value)) {
				throw new InvalidModelException("the model answers a non-finite embedding");
			}
		}
	}

}
