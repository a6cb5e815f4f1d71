package io.modelport.words.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ai.djl.Device;
import ai.djl.engine.Engine;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.datasets.KjvBible;
import io.modelport.store.ModelDescriptor;
import io.modelport.training.CommandOptions;
import io.modelport.training.ModelPublisher;

/**
 * Command line that trains the shipped KJV word vectors and publishes them into the model
 * store, with {@code evaluation.json} and the loss curve ({@code loss.png}) beside them.
 * Run it through {@code java -jar service/target/modelport.jar train word2vec} from the
 * repository root; the defaults are the shipped run.
 *
 * <pre>
 * --bible PATH (/usr/bin/bible) or --corpus FILE (one sentence per line)
 * --store DIR (model-store) --model NAME (kjv-words)
 * --architecture skip-gram|cbow --dimension N (100) --window N (5) --negatives N (5)
 * --power X (0.75) --subsample X (0.001) --min-count N (5) --epochs N (10)
 * --lr X (0.025, cbow 0.05) --batch N (1024) --max-vocabulary N (100000) --seed N (1)
 * </pre>
 *
 * @author Modelport Team
 */
public final class TrainWordsCommand {

	private static final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private TrainWordsCommand() {
	}

	/**
	 * Trains, evaluates and publishes word vectors.
	 * @param args {@code --option value} pairs, see the class description
	 * @throws IOException when the corpus cannot be read or the model cannot be written
	 */
	public static void main(String[] args) throws IOException {
		Map<String, String> options = CommandOptions.parse(args);
		Path store = Path.of(options.getOrDefault("store", "model-store"));
		String name = options.getOrDefault("model", "kjv-words");
		Word2VecSettings settings = settings(options);
		if (!settings.errors().isEmpty()) {
			throw new IllegalArgumentException("invalid word2vec settings: " + settings.errors());
		}
		Path work = Files.createTempDirectory("modelport-words");
		Path text;
		String description;
		if (options.containsKey("corpus")) {
			text = Path.of(options.get("corpus"));
			description = "text file " + text.getFileName();
		}
		else {
			Path bible = Path.of(options.getOrDefault("bible", "/usr/bin/bible"));
			text = work.resolve("kjv.txt");
			KjvBible.write(bible, text);
			description = "King James Bible (Debian bible-kjv, " + bible + " -l0 " + KjvBible.PASSAGE
					+ "), one verse per sentence";
		}
		Word2VecSettings full = settings.withDefaults();
		Corpus corpus = Corpus.read(text, Word2VecTraining.tokenizer(), full.minCount(), full.maxVocabulary());
		System.out.printf("%d sentences, %d tokens, %d words%n", corpus.sentenceCount(), corpus.corpusTokenCount(),
				corpus.vocabulary().size());
		Word2VecTraining.Request request = new Word2VecTraining.Request(name, full,
				"io.modelport.words.training.TrainWordsCommand " + String.join(" ", args), description);
		Device device = Engine.getEngine("PyTorch").defaultDevice();
		Word2VecTraining.Result result = Word2VecTraining.run(request, corpus, work, device,
				(epoch) -> System.out.printf("epoch %2d  loss %.4f  analogies %.4f  lr %.5f  %.0f words/s  (%.1f s)%n",
						epoch.epoch(), epoch.trainLoss(), epoch.devAccuracy(), epoch.learningRate(),
						epoch.samplesPerSecond(), epoch.seconds()));
		int version = ModelPublisher.nextVersion(store, name);
		ModelDescriptor published = ModelPublisher.publish(store, result.template(), result.vectors(), version,
				Map.of(ModelPublisher.EVALUATION_FILE, json.writeValueAsBytes(result.evaluation()),
						Word2VecTraining.LOSS_FILE, result.lossChart()));
		ModelPublisher.deleteRecursively(work);
		Word2VecReport e = result.evaluation();
		System.out.printf("analogy accuracy %s (%s answered), related %s, unrelated %s; published %s%n",
				e.analogyAccuracy(), e.analogiesAnswered(), e.relatedMeanCosine(), e.unrelatedMeanCosine(),
				published.directory());
		System.out.println(json.writeValueAsString(
				Map.of("analogies", e.analogies(), "neighbours", e.neighbours(), "similarity", e.similarity())));
	}

	private static Word2VecSettings settings(Map<String, String> options) {
		return new Word2VecSettings(options.get("architecture"), integer(options, "dimension"),
				integer(options, "window"), integer(options, "negatives"), decimal(options, "power"),
				decimal(options, "subsample"), integer(options, "min-count"), integer(options, "epochs"),
				decimal(options, "lr"), integer(options, "batch"), integer(options, "max-vocabulary"),
				options.containsKey("seed") ? Long.valueOf(options.get("seed")) : null);
	}

	private static Integer integer(Map<String, String> options, String key) {
		return options.containsKey(key) ? Integer.valueOf(options.get(key)) : null;
	}

	private static Double decimal(Map<String, String> options, String key) {
		return options.containsKey(key) ? Double.valueOf(options.get(key)) : null;
	}

}
