package io.modelport.seq2seq.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelport.nn.Seq2SeqNet;
import io.modelport.training.EpochResult;
import io.modelport.training.OptimizerSettings;
import io.modelport.training.TrainingSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trainer learns to reverse short digit strings it has never seen, in seconds.
 *
 * @author Modelport Team
 */
class Seq2SeqTrainerTests {

	@TempDir
	Path work;

	@Test
	void learnsToReverseShortSequences() throws Exception {
		List<Seq2SeqTrainer.Encoded> train = reversals(new Random(1), 640);
		List<Seq2SeqTrainer.Encoded> dev = reversals(new Random(2), 100);
		Seq2SeqNet net = Seq2SeqNet.fromParameters(Map.of("sourceVocabulary", 10, "targetVocabulary", 10, "embedding",
				16, "hidden", 32, "cell", "gru", "bidirectional", true));
		TrainingSettings settings = new TrainingSettings(8, 32,
				new OptimizerSettings("adam", 0.01, null, null, null, null), null, null, 5.0, null, null, null, null,
				null, 3L)
			.withDefaults();
		Seq2SeqSettings seq2seq = new Seq2SeqSettings(null, null, 8, 8, 1.0, null, null, null, null, null, null, null,
				null)
			.withDefaults();
		List<EpochResult> epochs = new ArrayList<>();
		Seq2SeqTrainer.Report report = new Seq2SeqTrainer(net, settings, seq2seq,
				Engine.getEngine("PyTorch").defaultDevice())
			.train(train, dev, this.work, epochs::add);
		assertThat(epochs).hasSize(8);
		assertThat(epochs.get(7).trainLoss()).isLessThan(epochs.get(0).trainLoss() / 4);
		assertThat(report.bestDevExactMatch()).isGreaterThan(0.9);
		assertThat(report.parameters()).exists();
	}

	// Ids 4 to 9 ("digits"), 3 to 6 of them, and the reversed sequence as the target.
	private static List<Seq2SeqTrainer.Encoded> reversals(Random random, int count) {
		List<Seq2SeqTrainer.Encoded> pairs = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int[] source = new int[3 + random.nextInt(4)];
			int[] target = new int[source.length];
			for (int t = 0; t < source.length; t++) {
				source[t] = 4 + random.nextInt(6);
			}
			for (int t = 0; t < source.length; t++) {
				target[t] = source[source.length - 1 - t];
			}
			pairs.add(new Seq2SeqTrainer.Encoded(source, target));
		}
		return pairs;
	}

}
