package io.modelport.seq2seq.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import io.modelport.nn.ArchitectureCatalog;
import io.modelport.nn.Seq2SeqNet;
import io.modelport.seq2seq.BeamSettings;
import io.modelport.seq2seq.Hypothesis;
import io.modelport.seq2seq.Seq2SeqDecoder;
import io.modelport.seq2seq.SymbolFiles;
import io.modelport.seq2seq.SymbolVocabulary;
import io.modelport.store.Architecture;
import io.modelport.store.Artifact;
import io.modelport.store.ArtifactFormat;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;
import io.modelport.training.EpochResult;
import io.modelport.training.TrainingSettings;

/**
 * One translator training run: keep the pairs that fit the length limits, build the
 * vocabularies from the training split, train, then decode the held-out test split with
 * greedy search and with beam search through {@link Seq2SeqDecoder} (the serving path)
 * and report exact match and corpus BLEU for both, beside the copy-the-input and
 * most-frequent-target baselines, with attention heat maps of the first test examples.
 *
 * @author Modelport Team
 */
public final class Seq2SeqTraining {

	/** The source vocabulary file in a version folder. */
	public static final String SOURCE_SYMBOLS_FILE = "source.symbols";

	/** The target vocabulary file in a version folder. */
	public static final String TARGET_SYMBOLS_FILE = "target.symbols";

	/** How many attention heat maps of test examples a version folder holds. */
	public static final int HEATMAPS = 3;

	private static final int EXAMPLES = 12;

	private static final String DEFINITIONS = "Exact match: share of test examples whose decoded output equals "
			+ "the reference exactly (after splitting both into target symbols). BLEU: corpus-level BLEU "
			+ "(Papineni et al. 2002) over target symbols (characters at character level, words at word "
			+ "level), one reference per example, clipped n-gram precisions for n = 1..4 summed over the "
			+ "corpus, geometric mean, brevity penalty exp(1 - r/c) when c <= r, no smoothing. Greedy: beam "
			+ "width 1. Beam: beam width B, hypotheses ranked by (1/T^alpha) sum log P. Baselines: "
			+ "copyInput outputs the source unchanged; mostFrequent outputs the most frequent training "
			+ "target for every example. Test sources never occur in training.";

	private Seq2SeqTraining() {
	}

	/**
	 * Trains and evaluates a translator.
	 * @param request what to train
	 * @param splits the train, dev and test pairs
	 * @param workDir where parameters are saved
	 * @param device the device
	 * @param progress receives each epoch's result
	 * @return the descriptor template, parameter file, evaluation and extra files
	 * @throws IOException when parameters cannot be saved or loaded
	 */
	public static Result run(Request request, PairSplits splits, Path workDir, Device device,
			Consumer<EpochResult> progress) throws IOException {
		Seq2SeqSettings s = request.seq2seq();
		SymbolVocabulary.Level sourceLevel = s.source();
		SymbolVocabulary.Level targetLevel = s.target();
		List<SequencePair> train = fitting(splits.train(), s);
		List<SequencePair> dev = fitting(splits.dev(), s);
		List<SequencePair> test = fitting(splits.test(), s);
		if (train.isEmpty() || dev.isEmpty() || test.isEmpty()) {
			throw new IllegalArgumentException("the data leaves " + train.size() + " training, " + dev.size()
					+ " dev and " + test.size() + " test pairs within the length limits; each needs at least one");
		}
		SymbolVocabulary source = SymbolVocabulary.build(sourceLevel, train.stream().map(SequencePair::source).toList(),
				s.minCount());
		SymbolVocabulary target = SymbolVocabulary.build(targetLevel, train.stream().map(SequencePair::target).toList(),
				s.minCount());
		Map<String, Object> parameters = new LinkedHashMap<>(request.architectureParameters());
		parameters.put("sourceVocabulary", source.size());
		parameters.put("targetVocabulary", target.size());
		Map<String, Object> architecture = Seq2SeqNet.fromParameters(parameters).toParameters();
		Seq2SeqTrainer.Report report = new Seq2SeqTrainer(Seq2SeqNet.fromParameters(architecture), request.settings(),
				s, device)
			.train(encode(train, source, target), encode(dev, source, target), workDir, progress);
		long evaluationStart = System.nanoTime();
		Map<String, byte[]> files = new LinkedHashMap<>();
		List<SequencePair> evaluated = (s.evaluationLimit() > 0 && test.size() > s.evaluationLimit())
				? test.subList(0, s.evaluationLimit()) : test;
		Decoded greedy;
		Decoded beam;
		try (Model model = Model.newInstance("seq2seq", device, "PyTorch")) {
			Seq2SeqNet net = Seq2SeqNet.fromParameters(architecture);
			model.setBlock(net);
			try {
				model.load(workDir, Seq2SeqTrainer.BEST_PREFIX);
			}
			catch (MalformedModelException ex) {
				throw new IOException("cannot load the best epoch's parameters", ex);
			}
			ParameterStore store = new ParameterStore(model.getNDManager(), false);
			greedy = decode(net, store, model.getNDManager(), evaluated, source, target,
					new BeamSettings(1, s.lengthNormalization(), s.maxOutputLength(), 1));
			beam = decode(net, store, model.getNDManager(), evaluated, source, target,
					new BeamSettings(s.beamWidth(), s.lengthNormalization(), s.maxOutputLength(), 1));
		}
		Map<String, Object> beamScores = new LinkedHashMap<>();
		beamScores.put("beamWidth", s.beamWidth());
		beamScores.put("lengthNormalization", s.lengthNormalization());
		beamScores.putAll(Seq2SeqReports.scores(evaluated, beam.outputs(), targetLevel));
		List<Map<String, Object>> examples = new ArrayList<>();
		for (int i = 0; i < Math.min(EXAMPLES, evaluated.size()); i++) {
			Map<String, Object> example = new LinkedHashMap<>();
			example.put("source", evaluated.get(i).source());
			example.put("reference", evaluated.get(i).target());
			example.put("greedy", greedy.outputs().get(i));
			example.put("beam", beam.outputs().get(i));
			examples.add(example);
		}
		List<String> heatmaps = new ArrayList<>();
		for (int i = 0; i < Math.min(HEATMAPS, evaluated.size()); i++) {
			String name = "attention-" + (i + 1) + ".png";
			files.put(name, Seq2SeqReports.heatmap(greedy.best().get(i), evaluated.get(i), source, target));
			heatmaps.add(name);
		}
		double evaluationSeconds = (System.nanoTime() - evaluationStart) / 1e9;
		Seq2SeqReport evaluation = new Seq2SeqReport(evaluated.size(),
				Seq2SeqReports.scores(evaluated, greedy.outputs(), targetLevel), beamScores,
				Seq2SeqReports.baselines(train, evaluated, targetLevel),
				Seq2SeqReports.round(greedy.milliseconds() / evaluated.size()),
				Seq2SeqReports.round(beam.milliseconds() / evaluated.size()), examples, heatmaps,
				Seq2SeqReports.splitSizes(splits, train, dev, test),
				Map.<String, Object>of("source", source.size(), "target", target.size()), report.bestEpoch(),
				Seq2SeqReports.round(report.bestDevExactMatch()), Math.round(report.trainSeconds()),
				Math.round(evaluationSeconds), Seq2SeqReports.history(report.history()), request.settings().seed(),
				DEFINITIONS);
		files.put(SOURCE_SYMBOLS_FILE, SymbolFiles.bytes(source));
		files.put(TARGET_SYMBOLS_FILE, SymbolFiles.bytes(target));
		Map<String, Object> quality = Seq2SeqReports.quality(evaluation);
		ModelDescriptor template = new ModelDescriptor(request.model(), 1, Task.SEQ2SEQ, ArtifactFormat.DJL_PARAMS,
				new Architecture(ArchitectureCatalog.SEQ2SEQ_ATTENTION, architecture),
				List.of(new Artifact("pending.params", null)), null, List.of(), descriptorParameters(s),
				Seq2SeqReports.provenance(request, report, quality, evaluation), Path.of("."));
		return new Result(template, report.parameters(), evaluation, files);
	}

	/**
	 * Asks the engine for one intra-op thread unless a thread count is configured; call
	 * before the engine loads. A translator step is many small operations: on a busy
	 * 2-core machine 10 training steps took 0.9 s with one thread and 40 s with two,
	 * which spent their time waiting for each other.
	 */
	public static void preferOneThread() {
		if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
			System.setProperty("ai.djl.pytorch.num_threads", "1");
		}
	}

	/**
	 * The descriptor parameters of a translator trained with these settings.
	 * @param s the settings, defaults applied
	 * @return the parameters
	 */
	public static Map<String, Object> descriptorParameters(Seq2SeqSettings s) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("sourceLevel", s.sourceLevel());
		parameters.put("targetLevel", s.targetLevel());
		parameters.put("maxInputLength", s.maxInputLength());
		parameters.put("maxOutputLength", s.maxOutputLength());
		parameters.put("beamWidth", s.beamWidth());
		parameters.put("lengthNormalization", s.lengthNormalization());
		parameters.put("sourceSymbolsFile", SOURCE_SYMBOLS_FILE);
		parameters.put("targetSymbolsFile", TARGET_SYMBOLS_FILE);
		return parameters;
	}

	/**
	 * The pairs a model with these limits trains and is evaluated on: those with 1 to
	 * {@code maxInputLength} source symbols and fewer than {@code maxOutputLength} target
	 * symbols (room for {@code <EOS>}).
	 * @param pairs the pairs
	 * @param s the settings, defaults applied
	 * @return the pairs within the limits, in order
	 */
	public static List<SequencePair> fitting(List<SequencePair> pairs, Seq2SeqSettings s) {
		return pairs.stream().filter((pair) -> {
			int in = s.source().split(pair.source()).size();
			int out = s.target().split(pair.target()).size();
			return in >= 1 && in <= s.maxInputLength() && out >= 1 && out < s.maxOutputLength();
		}).toList();
	}

	private static List<Seq2SeqTrainer.Encoded> encode(List<SequencePair> pairs, SymbolVocabulary source,
			SymbolVocabulary target) {
		return pairs.stream()
			.map((pair) -> new Seq2SeqTrainer.Encoded(source.encode(pair.source()), target.encode(pair.target())))
			.toList();
	}

	private static Decoded decode(Seq2SeqNet net, ParameterStore store, NDManager manager, List<SequencePair> pairs,
			SymbolVocabulary source, SymbolVocabulary target, BeamSettings settings) {
		long start = System.nanoTime();
		List<String> outputs = new ArrayList<>(pairs.size());
		List<Hypothesis> best = new ArrayList<>(pairs.size());
		for (SequencePair pair : pairs) {
			try (NDManager scope = manager.newSubManager()) {
				Hypothesis top = Seq2SeqDecoder.translate(net, store, scope, source.encode(pair.source()), settings)
					.get(0);
				outputs.add(target.decode(top.tokens()));
				best.add(top);
			}
		}
		return new Decoded(outputs, best, (System.nanoTime() - start) / 1e6);
	}

	/**
	 * What to train.
	 *
	 * @param model the model name
	 * @param architectureParameters the {@code seq2seq-attention} hyperparameters (the
	 * vocabulary sizes are set from the data)
	 * @param settings the common training settings, defaults applied
	 * @param seq2seq the translator settings, defaults applied
	 * @param trainedBy how the run was started
	 * @param datasetDescription where the pairs come from
	 */
	public record Request(String model, Map<String, Object> architectureParameters, TrainingSettings settings,
			Seq2SeqSettings seq2seq, String trainedBy, String datasetDescription) {

	}

	/**
	 * A finished run.
	 *
	 * @param template the descriptor to publish
	 * @param parameters the parameter file
	 * @param evaluation the evaluation report
	 * @param files the symbol files and attention heat maps, by file name
	 */
	public record Result(ModelDescriptor template, Path parameters, Seq2SeqReport evaluation,
			Map<String, byte[]> files) {

	}

	private record Decoded(List<String> outputs, List<Hypothesis> best, double milliseconds) {

	}

}
