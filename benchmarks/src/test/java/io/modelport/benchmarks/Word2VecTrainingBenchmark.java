package io.modelport.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.djl.engine.Engine;

import io.modelport.classification.training.TrainClassifierCommand;
import io.modelport.datasets.KjvBible;
import io.modelport.words.WordVectors;
import io.modelport.words.training.Corpus;
import io.modelport.words.training.Word2VecSettings;
import io.modelport.words.training.Word2VecTrainer;
import io.modelport.words.training.Word2VecTraining;
import io.modelport.words.training.WordEvaluation;

/**
 * Word2vec training throughput: the DJL batched trainer in-process against a plain
 * single-threaded Java loop (the C tool's inner loop over {@code float[]} rows), with the
 * same corpus slice, settings and seed. Prints words per second for each, their ratio,
 * and the analogy accuracy and related/unrelated similarity gap each reaches.
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am process-test-classes -Dbenchmark=word2vec \
 *     -Dbenchmark.word2vec.args="--epochs 3"
 * --bible PATH (/usr/bin/bible) --sentences N (first N verses, default all)
 * --architecture skip-gram|cbow --epochs N (3) --batch N (1024) --dimension N (100) --seed N (1)
 * </pre>
 *
 * @author Modelport Team
 */
public final class Word2VecTrainingBenchmark {

	private Word2VecTrainingBenchmark() {
	}

	public static void main(String[] arguments) throws IOException {
		// Maven hands the options over as one argument.
		String joined = String.join(" ", arguments).strip();
		Map<String, String> options = TrainClassifierCommand
			.parse(joined.isEmpty() ? new String[0] : joined.split("\\s+"));
		Path text = Files.createTempFile("kjv", ".txt");
		KjvBible.write(Path.of(options.getOrDefault("bible", "/usr/bin/bible")), text);
		List<String> lines = Files.readAllLines(text);
		Files.delete(text);
		int sentences = Integer.parseInt(options.getOrDefault("sentences", Integer.toString(lines.size())));
		Word2VecSettings settings = new Word2VecSettings(options.get("architecture"),
				Integer.valueOf(options.getOrDefault("dimension", "100")), null, null, null, null, null,
				Integer.valueOf(options.getOrDefault("epochs", "3")),
				options.containsKey("lr") ? Double.valueOf(options.get("lr")) : null,
				Integer.valueOf(options.getOrDefault("batch", "1024")), null,
				Long.valueOf(options.getOrDefault("seed", "1")))
			.withDefaults();
		Corpus corpus = Corpus.of(new ArrayList<>(lines.subList(0, Math.min(sentences, lines.size()))),
				Word2VecTraining.tokenizer(), settings.minCount(), settings.maxVocabulary());
		WordEvaluation evaluation = WordEvaluation.kjv();
		System.out.printf(Locale.ROOT, "%d sentences, %d tokens in a vocabulary of %d; %s, D=%d, %d epochs, %s%n",
				corpus.sentenceCount(), corpus.tokenCount(), corpus.vocabulary().size(), settings.architecture(),
				settings.dimension(), settings.epochs(), Engine.getEngine("PyTorch").defaultDevice());
		long start = System.nanoTime();
		Word2VecTrainer.Result djl = new Word2VecTrainer(settings, Engine.getEngine("PyTorch").defaultDevice())
			.train(corpus, (stats, input) -> System.out.printf(Locale.ROOT, "  djl epoch %d loss %.4f %.0f words/s%n",
					stats.epoch(), stats.loss(), stats.wordsPerSecond()));
		double djlSeconds = (System.nanoTime() - start) / 1e9;
		start = System.nanoTime();
		WordVectors plain = new PlainWord2Vec(settings).train(corpus);
		double plainSeconds = (System.nanoTime() - start) / 1e9;
		double words = (double) corpus.tokenCount() * settings.epochs();
		System.out.printf(Locale.ROOT, "%n| trainer | seconds | words/s | analogy accuracy | related − unrelated |%n");
		System.out.printf(Locale.ROOT, "|---|---:|---:|---:|---:|%n");
		row("DJL batched (batch " + settings.batchSize() + ")", djlSeconds, words, djl.vectors(), evaluation);
		row("plain Java loop", plainSeconds, words, plain, evaluation);
		System.out.printf(Locale.ROOT, "%nDJL / plain words per second: %.3f%n", plainSeconds / djlSeconds);
	}

	private static void row(String name, double seconds, double words, WordVectors vectors, WordEvaluation evaluation) {
		System.out.printf(Locale.ROOT, "| %s | %.1f | %.0f | %.4f | %.4f |%n", name, seconds, words / seconds,
				evaluation.analogyAccuracy(vectors), WordEvaluation.similarityGap(evaluation.similarity(vectors)));
	}

}
