package io.modelport.words.training;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import ai.djl.Device;
import ai.djl.engine.Engine;

import io.modelport.store.Artifact;
import io.modelport.store.ArtifactFormat;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;
import io.modelport.training.EpochResult;
import io.modelport.training.TrainingProgress;
import io.modelport.words.Tokenizer;
import io.modelport.words.TokenizerSettings;
import io.modelport.words.Word2VecFormat;
import io.modelport.words.WordModelSettings;
import io.modelport.words.WordVectors;

/**
 * One word2vec training run, from corpus to a publishable version: train, write
 * {@code vectors.bin} in the word2vec binary format, and report the vocabulary, the loss
 * curve ({@code loss.png}), analogy accuracy, related and unrelated pair similarity and
 * the neighbours of probe words ({@code evaluation.json}).
 *
 * @author Modelport Team
 */
public final class Word2VecTraining {

	/** The artifact file name. */
	public static final String VECTORS_FILE = "vectors.bin";

	/** The loss chart file name in a version folder. */
	public static final String LOSS_FILE = "loss.png";

	/** The quality figure a new version is compared on. */
	public static final String QUALITY_METRIC = "analogyAccuracy";

	private static final String DEFINITIONS = "Loss: mean over (center, context) pairs of -log sigmoid(e_c . theta_t)"
			+ " - sum over the k negatives of log sigmoid(-e_c . theta_n). Analogy accuracy (3CosAdd): for a b c d,"
			+ " d must be the nearest word to unit(b) - unit(a) + unit(c) by cosine, a, b and c excluded; counted"
			+ " over the questions whose four words are in the vocabulary (answered), the others are skipped."
			+ " The questions are " + WordEvaluation.ANALOGIES + ", built from the KJV's own relations."
			+ " Similarity: cosine of the pairs in " + WordEvaluation.SIMILARITY + ". Words per second: corpus"
			+ " tokens in the vocabulary read per second of training, before subsampling (the C tool's count).";

	private Word2VecTraining() {
	}

	/**
	 * Trains and evaluates vectors.
	 * @param request what to train
	 * @param corpus the corpus, built with {@link #tokenizer()}
	 * @param workDir where {@code vectors.bin} is written
	 * @param device the device
	 * @param progress receives each epoch's result; {@code devAccuracy} is the analogy
	 * accuracy after the epoch, {@code devLoss} 0 (there is no held-out text)
	 * @return the descriptor template, vector file, evaluation report and loss chart
	 * @throws IOException when the vectors cannot be written or the evaluation files read
	 */
	public static Result run(Request request, Corpus corpus, Path workDir, Device device,
			Consumer<EpochResult> progress) throws IOException {
		Word2VecSettings settings = request.settings().withDefaults();
		WordEvaluation evaluation = WordEvaluation.kjv();
		int dimension = settings.dimension();
		Word2VecTrainer.Result trained = new Word2VecTrainer(settings, device)
			.reportingBatches(TrainingProgress.batches(progress))
			.train(corpus, (stats, input) -> {
				WordVectors epochVectors = new WordVectors(corpus.vocabulary(), dimension, input);
				progress
					.accept(new EpochResult(stats.epoch(), stats.loss(), 0, evaluation.analogyAccuracy(epochVectors),
							stats.learningRate(), stats.seconds(), stats.wordsPerSecond()));
			});
		WordVectors vectors = trained.vectors();
		Files.createDirectories(workDir);
		Path file = workDir.resolve(VECTORS_FILE);
		try (OutputStream out = Files.newOutputStream(file)) {
			Word2VecFormat.BINARY.write(vectors, out);
		}
		Map<String, Object> analogies = evaluation.analogies(vectors);
		Map<String, Object> similarity = evaluation.similarity(vectors);
		Map<String, Object> quality = quality(corpus, trained, analogies, similarity);
		Word2VecReport report = new Word2VecReport(number(quality, QUALITY_METRIC).doubleValue(),
				number(quality, "analogiesAnswered").longValue(), number(quality, "analogiesSkipped").longValue(),
				number(quality, "relatedMeanCosine").doubleValue(),
				number(quality, "unrelatedMeanCosine").doubleValue(), number(quality, "similarityGap").doubleValue(),
				corpus.vocabulary().size(), corpus.corpusTokenCount(), corpus.tokenCount(),
				number(quality, "finalLoss").doubleValue(), Math.round(trained.wordsPerSecond()), analogies, similarity,
				WordEvaluation.neighbours(vectors, WordEvaluation.PROBES, 8), history(trained),
				trained.lossCurve().stream().map(WordEvaluation::round).toList(), Word2VecTrainer.STEPS_PER_POINT,
				settings.toMap(), DEFINITIONS);
		byte[] chart = LossChart.render(trained.lossCurve(),
				"steps (x " + Word2VecTrainer.STEPS_PER_POINT + " batches of " + settings.batchSize() + ")",
				String.format(Locale.ROOT, "%s loss, analogy accuracy %.3f", settings.architecture(),
						quality.get(QUALITY_METRIC)));
		WordModelSettings model = new WordModelSettings(tokenizer().settings(), dimension, vectors.vocabulary().size());
		ModelDescriptor template = new ModelDescriptor(request.model(), 1, Task.WORD2VEC,
				ArtifactFormat.WORD2VEC_BINARY, null, List.of(new Artifact(VECTORS_FILE, null)), null, List.of(),
				model.toParameters(), provenance(request, settings, corpus, trained, quality), Path.of("."));
		return new Result(template, file, report, chart);
	}

	/**
	 * The tokenizer corpora are read with: the service default (lower-cased words), which
	 * the published descriptor declares so that serving splits text the same way.
	 * @return the tokenizer
	 */
	public static Tokenizer tokenizer() {
		return new Tokenizer(TokenizerSettings.DEFAULT);
	}

	private static Map<String, Object> quality(Corpus corpus, Word2VecTrainer.Result trained,
			Map<String, Object> analogies, Map<String, Object> similarity) {
		Map<?, ?> overall = (Map<?, ?>) analogies.get("overall");
		Map<String, Object> quality = new LinkedHashMap<>();
		quality.put(QUALITY_METRIC, overall.get("accuracy"));
		quality.put("analogiesAnswered", overall.get("answered"));
		quality.put("analogiesSkipped", overall.get("skipped"));
		quality.put("relatedMeanCosine",
				((Map<?, ?>) similarity.getOrDefault("related", Map.of("mean", 0.0))).get("mean"));
		quality.put("unrelatedMeanCosine",
				((Map<?, ?>) similarity.getOrDefault("unrelated", Map.of("mean", 0.0))).get("mean"));
		quality.put("similarityGap", WordEvaluation.similarityGap(similarity));
		quality.put("vocabularySize", corpus.vocabulary().size());
		quality.put("tokens", corpus.corpusTokenCount());
		quality.put("tokensInVocabulary", corpus.tokenCount());
		quality.put("finalLoss", WordEvaluation.round(trained.history().get(trained.history().size() - 1).loss()));
		quality.put("wordsPerSecond", Math.round(trained.wordsPerSecond()));
		return quality;
	}

	private static Number number(Map<String, Object> quality, String name) {
		return (Number) quality.get(name);
	}

	private static List<Map<String, Object>> history(Word2VecTrainer.Result trained) {
		return trained.history().stream().map((epoch) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("epoch", epoch.epoch());
			entry.put("loss", WordEvaluation.round(epoch.loss()));
			entry.put("pairs", epoch.pairs());
			entry.put("learningRate", epoch.learningRate());
			entry.put("wordsPerSecond", Math.round(epoch.wordsPerSecond()));
			entry.put("seconds", WordEvaluation.round(epoch.seconds()));
			return entry;
		}).toList();
	}

	private static Map<String, Object> provenance(Request request, Word2VecSettings settings, Corpus corpus,
			Word2VecTrainer.Result trained, Map<String, Object> quality) {
		Map<String, Object> provenance = new LinkedHashMap<>();
		provenance.put("trainedBy", request.trainedBy());
		provenance.put("trainedAt", Instant.now().toString());
		provenance.put("dataset",
				request.datasetDescription() + ": " + corpus.sentenceCount() + " sentences, "
						+ corpus.corpusTokenCount() + " tokens, " + corpus.vocabulary().size() + " words seen at least "
						+ settings.minCount() + " times");
		Engine engine = Engine.getEngine("PyTorch");
		provenance.put("engine",
				"DJL " + Engine.getDjlVersion() + ", PyTorch " + engine.getVersion() + ", " + engine.defaultDevice());
		provenance.put("settings", settings.toMap());
		provenance.put("trainSeconds", Math.round(trained.seconds()));
		provenance.put("history", history(trained));
		provenance.put("quality", quality);
		return provenance;
	}

	/**
	 * What to train.
	 *
	 * @param model the model name
	 * @param settings the word2vec settings
	 * @param trainedBy how the run was started
	 * @param datasetDescription where the corpus comes from
	 */
	public record Request(String model, Word2VecSettings settings, String trainedBy, String datasetDescription) {

	}

	/**
	 * A finished run.
	 *
	 * @param template the descriptor to publish
	 * @param vectors the {@code vectors.bin} file
	 * @param evaluation the evaluation report
	 * @param lossChart the loss curve as a PNG
	 */
	public record Result(ModelDescriptor template, Path vectors, Word2VecReport evaluation, byte[] lossChart) {

	}

}
