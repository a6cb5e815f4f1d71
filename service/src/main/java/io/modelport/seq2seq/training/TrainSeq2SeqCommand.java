package io.modelport.seq2seq.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.Device;
import ai.djl.engine.Engine;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.store.ModelDescriptor;
import io.modelport.training.CommandOptions;
import io.modelport.training.ModelPublisher;
import io.modelport.training.OptimizerSettings;
import io.modelport.training.ScheduleSettings;
import io.modelport.training.TrainingSettings;

/**
 * Command line that trains a shipped translator and publishes it into the model store
 * with {@code evaluation.json}, the symbol files and attention heat maps beside it. Run
 * it through {@code java -jar service/target/modelport.jar train seq2seq --data dates}
 * from the repository root; with only {@code --data} the defaults are the shipped run of
 * that data.
 *
 * <pre>
 * --data dates|eng-ipa|FILE.tsv  --store DIR (model-store) --model NAME (dates, eng-ipa, or the file name)
 * --dictionary FILE (/usr/share/dictd/freedict-eng-fra.dict.dz, for eng-ipa)
 * --epochs N (dates 4, eng-ipa 40) --batch-size N (64) --lr X (0.003) --decay X (dates 0.7, eng-ipa 0.95)
 * --clip X (5) --seed N (7)
 * --cell gru|lstm (gru) --bidirectional true|false (true) --embedding N (32) --hidden N (dates 64, eng-ipa 128)
 * --source-level, --target-level character|word (character) --max-input N (dates 40, eng-ipa 32)
 * --max-output N (dates 12, eng-ipa 32) --teacher-forcing X (1.0) --beam N (5) --alpha X (0.7)
 * --examples N (generated dates, 20000) --held-out N (dates per dev and test split, 1000)
 * --evaluation-limit N (1000)
 * </pre>
 *
 * @author Modelport Team
 */
public final class TrainSeq2SeqCommand {

	private static final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private TrainSeq2SeqCommand() {
	}

	/**
	 * Trains, evaluates and publishes a translator.
	 * @param args {@code --option value} pairs, see the class description
	 * @throws IOException when the data cannot be read or the model cannot be written
	 */
	public static void main(String[] args) throws IOException {
		Map<String, String> options = CommandOptions.parse(args);
		Seq2SeqTraining.preferOneThread();
		String data = options.getOrDefault("data", Seq2SeqData.DATES);
		boolean dates = Seq2SeqData.DATES.equals(data);
		boolean ipa = Seq2SeqData.PRONUNCIATIONS.equals(data);
		String name = options.getOrDefault("model", (dates || ipa) ? data
				: Path.of(data).getFileName().toString().replaceAll("\\.[^.]*$", "").toLowerCase());
		TrainingSettings settings = new TrainingSettings(
				Integer.parseInt(options.getOrDefault("epochs", dates ? "4" : "40")),
				Integer.parseInt(options.getOrDefault("batch-size", "64")),
				new OptimizerSettings("adam", Double.parseDouble(options.getOrDefault("lr", "0.003")), null, null, null,
						null),
				new ScheduleSettings("exponential",
						Double.parseDouble(options.getOrDefault("decay", dates ? "0.7" : "0.95")), null),
				0.0, Double.parseDouble(options.getOrDefault("clip", "5")), 0, null, null, false, 0,
				Long.parseLong(options.getOrDefault("seed", "7")))
			.withDefaults();
		Seq2SeqSettings seq2seq = new Seq2SeqSettings(options.getOrDefault("source-level", "character"),
				options.getOrDefault("target-level", "character"),
				Integer.parseInt(options.getOrDefault("max-input", dates ? "40" : "32")),
				Integer.parseInt(options.getOrDefault("max-output", dates ? "12" : "32")),
				Double.parseDouble(options.getOrDefault("teacher-forcing", "1.0")), 1,
				Integer.parseInt(options.getOrDefault("beam", "5")),
				Double.parseDouble(options.getOrDefault("alpha", "0.7")), 0.1, 0.1,
				Integer.parseInt(options.getOrDefault("examples", "20000")),
				Integer.parseInt(options.getOrDefault("held-out", "1000")),
				Integer.parseInt(options.getOrDefault("evaluation-limit", "1000")));
		if (!seq2seq.errors().isEmpty()) {
			throw new IllegalArgumentException("invalid seq2seq settings: " + seq2seq.errors());
		}
		Map<String, Object> architecture = new LinkedHashMap<>();
		architecture.put("cell", options.getOrDefault("cell", "gru"));
		architecture.put("bidirectional", Boolean.parseBoolean(options.getOrDefault("bidirectional", "true")));
		architecture.put("embedding", Integer.parseInt(options.getOrDefault("embedding", "32")));
		architecture.put("hidden", Integer.parseInt(options.getOrDefault("hidden", dates ? "64" : "128")));
		Path dictionary = Path.of(options.getOrDefault("dictionary", Pronunciations.DEFAULT_FILE.toString()));
		PairSplits splits = dates ? Seq2SeqData.dates(seq2seq, settings.seed())
				: ipa ? Seq2SeqData.pronunciations(dictionary, seq2seq, settings.seed())
						: Seq2SeqData.tabSeparated(Path.of(data), seq2seq, settings.seed());
		String description = dates ? DateExamples.DESCRIPTION
				: ipa ? Pronunciations.DESCRIPTION + ", " + dictionary : "tab-separated pairs " + data;
		Seq2SeqTraining.Request request = new Seq2SeqTraining.Request(name, architecture, settings, seq2seq,
				"io.modelport.seq2seq.training.TrainSeq2SeqCommand " + String.join(" ", args), description);
		Device device = Engine.getEngine("PyTorch").defaultDevice();
		Path work = Files.createTempDirectory("modelport-seq2seq");
		Seq2SeqTraining.Result result = Seq2SeqTraining.run(request, splits, work, device,
				(epoch) -> System.out.printf("epoch %2d  loss %.4f  dev loss %.4f  dev exact match %.4f  (%.1f s)%n",
						epoch.epoch(), epoch.trainLoss(), epoch.devLoss(), epoch.devAccuracy(), epoch.seconds()));
		Path store = Path.of(options.getOrDefault("store", "model-store"));
		int version = ModelPublisher.nextVersion(store, name);
		Map<String, byte[]> files = new LinkedHashMap<>(result.files());
		files.put(ModelPublisher.EVALUATION_FILE, json.writeValueAsBytes(result.evaluation()));
		ModelDescriptor published = ModelPublisher.publish(store, result.template(), result.parameters(), version,
				files);
		ModelPublisher.deleteRecursively(work);
		Seq2SeqReport e = result.evaluation();
		System.out.printf("Greedy %s%nBeam %s%nBaselines %s%nTrained in %s s, evaluated in %s s; published %s%n",
				e.greedy(), e.beam(), e.baselines(), e.trainSeconds(), e.evaluationSeconds(), published.directory());
	}

}
