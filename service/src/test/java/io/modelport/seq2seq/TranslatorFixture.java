package io.modelport.seq2seq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;

import io.modelport.nn.Seq2SeqNet;

/**
 * A model store with one untrained (seeded random) character translator, {@code tiny}:
 * its outputs mean nothing, but they are fixed by its weights, so the service can be
 * compared with the same network decoded in process.
 *
 * @author Modelport Team
 */
public final class TranslatorFixture {

	/** The fixture model's name. */
	public static final String MODEL = "tiny-translator";

	static final int MAX_INPUT = 12;

	static final int MAX_OUTPUT = 10;

	static final SymbolVocabulary SOURCE = new SymbolVocabulary(SymbolVocabulary.Level.CHARACTER,
			List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", " ", "/", "a", "m", "r"));

	static final SymbolVocabulary TARGET = new SymbolVocabulary(SymbolVocabulary.Level.CHARACTER,
			List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "-"));

	private TranslatorFixture() {
	}

	static Seq2SeqNet network() {
		return new Seq2SeqNet(SOURCE.size(), TARGET.size(), 8, 16, 16, "gru", true);
	}

	/**
	 * A new temporary store holding the translator as version 1.
	 * @return the store folder
	 */
	public static Path store() {
		try {
			Path store = Files.createTempDirectory("modelport-seq2seq");
			Path version = Files.createDirectories(store.resolve(MODEL).resolve("1"));
			Engine.getEngine("PyTorch").setRandomSeed(11);
			Seq2SeqNet network = network();
			try (Model model = Model.newInstance(MODEL, "PyTorch")) {
				model.setBlock(network);
				network.initialize(model.getNDManager(), DataType.FLOAT32, network.initializationShapes());
				model.save(version, MODEL);
			}
			SymbolFiles.write(version.resolve("source.symbols"), SOURCE);
			SymbolFiles.write(version.resolve("target.symbols"), TARGET);
			Map<String, Object> architecture = network.toParameters();
			StringBuilder yaml = new StringBuilder("""
					task: seq2seq
					format: djl-params
					architecture:
					  name: seq2seq-attention
					  parameters:
					""");
			architecture
				.forEach((key, value) -> yaml.append("    ").append(key).append(": ").append(value).append('\n'));
			yaml.append("""
					artifacts:
					- file: %s-0000.params
					parameters:
					  sourceLevel: character
					  targetLevel: character
					  maxInputLength: %d
					  maxOutputLength: %d
					  beamWidth: 1
					  lengthNormalization: 0.7
					""".formatted(MODEL, MAX_INPUT, MAX_OUTPUT));
			Files.writeString(version.resolve("descriptor.yaml"), yaml);
			return store;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
