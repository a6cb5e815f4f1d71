package io.modelport.seq2seq;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.translate.Translator;
import org.springframework.stereotype.Component;

import io.modelport.nn.ArchitectureCatalog;
import io.modelport.nn.Seq2SeqNet;
import io.modelport.runtime.LoadedModel;
import io.modelport.runtime.TaskAdapter;
import io.modelport.store.Artifact;
import io.modelport.store.ArtifactFormat;
import io.modelport.store.InvalidModelException;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;

/**
 * Serves {@code seq2seq} models: a {@code seq2seq-attention} network whose vocabularies
 * live next to the weights; each request is one translation by the
 * {@link TranslateBlock}.
 *
 * @author Modelport Team
 */
@Component
public class Seq2SeqTaskAdapter implements TaskAdapter {

	@Override
	public Task task() {
		return Task.SEQ2SEQ;
	}

	@Override
	public void validate(ModelDescriptor descriptor) {
		if (descriptor.format() != ArtifactFormat.DJL_PARAMS || descriptor.architecture() == null
				|| !ArchitectureCatalog.SEQ2SEQ_ATTENTION.equals(descriptor.architecture().name())) {
			throw new InvalidModelException(
					"a seq2seq model is a djl-params " + ArchitectureCatalog.SEQ2SEQ_ATTENTION + " network");
		}
		TranslatorSettings.fromParameters(descriptor.parameters());
	}

	// The vocabularies must match the network's embedding and output sizes, or ids would
	// silently mean other symbols.
	@Override
	public Optional<Object> readArtifacts(Model model, ModelDescriptor descriptor) throws IOException {
		TranslatorSettings settings = TranslatorSettings.fromParameters(descriptor.parameters());
		SymbolVocabulary source = SymbolFiles.read(file(descriptor, settings.sourceSymbolsFile()),
				settings.sourceLevel());
		SymbolVocabulary target = SymbolFiles.read(file(descriptor, settings.targetSymbolsFile()),
				settings.targetLevel());
		Map<String, Object> architecture = descriptor.architecture().parameters();
		check("sourceVocabulary", architecture.get("sourceVocabulary"), source.size());
		check("targetVocabulary", architecture.get("targetVocabulary"), target.size());
		return Optional.of(new Seq2SeqModel(source, target, settings));
	}

	// A translator has no image input; its own sample shapes fix every parameter.
	@Override
	public Shape[] initializationShapes(Block network, ModelDescriptor descriptor) {
		return ((Seq2SeqNet) network).initializationShapes();
	}

	@Override
	public Block servingBlock(Block network, ModelDescriptor descriptor) {
		return new TranslateBlock((Seq2SeqNet) network);
	}

	@Override
	public Translator<TranslationInput, List<Hypothesis>> translator(ModelDescriptor descriptor) {
		return new TranslationTranslator();
	}

	// One greedy translation of a short input must end or stop at the maximum length
	// without an engine error, and name only ids of the target vocabulary.
	@Override
	public void warmUp(LoadedModel model) throws Exception {
		Seq2SeqModel words = model.state(Seq2SeqModel.class);
		int[] source = words.source()
			.encode(words.source().learnedSymbols().isEmpty() ? "" : words.source().learnedSymbols().get(0));
		BeamSettings greedy = new BeamSettings(1, 0, Math.min(8, words.settings().maxOutputLength()), 1);
		List<Hypothesis> hypotheses = model.predict(new TranslationInput(source, greedy));
		if (hypotheses.isEmpty()) {
			throw new InvalidModelException("the network answered no translation");
		}
		for (int id : hypotheses.get(0).tokens()) {
			if (id < 0 || id >= words.target().size()) {
				throw new InvalidModelException(
						"the network answered symbol id " + id + " outside the target vocabulary");
			}
		}
	}

	private static Path file(ModelDescriptor descriptor, String name) {
		return descriptor.directory().resolve(new Artifact(name, null).file());
	}

	private static void check(String key, Object declared, int size) {
		if (!(declared instanceof Integer count) || count != size) {
			throw new InvalidModelException("the architecture's " + key + " is " + declared
					+ " but its symbols file has " + size + " symbols (reserved ones included)");
		}
	}

}
