package io.modelport.seq2seq.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.SlowTest;
import io.modelport.datasets.BuiltInPairs;
import io.modelport.runtime.LoadedModel;
import io.modelport.runtime.ModelLoader;
import io.modelport.runtime.RuntimeProperties;
import io.modelport.seq2seq.BeamSettings;
import io.modelport.seq2seq.Hypothesis;
import io.modelport.seq2seq.Seq2SeqModel;
import io.modelport.seq2seq.Seq2SeqTaskAdapter;
import io.modelport.seq2seq.TranslationInput;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ModelStore;
import io.modelport.store.StoredModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Re-measures the shipped translators through the serving path (model loader, warm-up,
 * the serving block's beam search) on the test examples their training evaluated, rebuilt
 * from the settings and seed in their descriptors: the exact match of greedy and beam
 * decoding must be what {@code quality} says. {@code dates} is generated and always
 * checked; {@code eng-ipa} needs the FreeDict dictionary ({@code dict-freedict-eng-fra}),
 * which CI installs and makes mandatory with {@code -Dmodelport.datasets.required=true}.
 *
 * @author Modelport Team
 */
@SlowTest
class ShippedTranslatorsTests {

	private static final Path STORE = Path.of(System.getProperty("modelport.repository", ".."), "model-store");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ModelLoader loader = new ModelLoader(List.of(new Seq2SeqTaskAdapter()),
			RuntimeProperties.of("cpu", 1), new SimpleMeterRegistry());

	@Test
	void datesReachTheTargetAndMatchTheirRecordedQuality() throws Exception {
		Map<?, ?> quality = remeasure("dates", null);
		assertThat(((Number) quality.get("testAccuracy")).doubleValue()).isGreaterThanOrEqualTo(0.98);
	}

	@Test
	void pronunciationsMatchTheirRecordedQuality() throws Exception {
		Path dictionary = BuiltInPairs.DEFAULT_DICTIONARY;
		Assumptions.assumeTrue(Boolean.getBoolean("modelport.datasets.required") || Files.isRegularFile(dictionary),
				"the FreeDict dictionary is not installed (apt-get install dict-freedict-eng-fra); skipping eng-ipa");
		remeasure("eng-ipa", dictionary);
	}

	private Map<?, ?> remeasure(String name, Path dictionary) throws Exception {
		StoredModel stored = new ModelStore(STORE).find(name).orElseThrow();
		ModelDescriptor descriptor = stored.descriptor(stored.versions().lastKey());
		Map<?, ?> provenance = descriptor.provenance();
		Map<?, ?> settings = (Map<?, ?>) provenance.get("settings");
		Seq2SeqSettings seq2seq = json.convertValue(settings.get("seq2seq"), Seq2SeqSettings.class).withDefaults();
		long seed = ((Number) settings.get("seed")).longValue();
		PairSplits splits = (dictionary != null) ? Seq2SeqData.pronunciations(dictionary, seq2seq, seed)
				: Seq2SeqData.dates(seq2seq, seed);
		List<SequencePair> test = Seq2SeqTraining.fitting(splits.test(), seq2seq);
		if (test.size() > seq2seq.evaluationLimit()) {
			test = test.subList(0, seq2seq.evaluationLimit());
		}
		Map<?, ?> quality = (Map<?, ?>) provenance.get("quality");
		try (LoadedModel loaded = this.loader.load(descriptor)) {
			Seq2SeqModel model = loaded.state(Seq2SeqModel.class);
			assertThat(exactMatch(loaded, model, test, 1)).as(name + " greedy")
				.isCloseTo(((Number) quality.get("testGreedyExactMatch")).doubleValue(), within(1e-4));
			assertThat(exactMatch(loaded, model, test, seq2seq.beamWidth())).as(name + " beam")
				.isCloseTo(((Number) quality.get("testAccuracy")).doubleValue(), within(1e-4));
		}
		return quality;
	}

	private static double exactMatch(LoadedModel loaded, Seq2SeqModel model, List<SequencePair> test, int beamWidth)
			throws Exception {
		BeamSettings beam = new BeamSettings(beamWidth, model.settings().lengthNormalization(),
				model.settings().maxOutputLength(), 1);
		List<TranslationInput> inputs = new ArrayList<>();
		for (SequencePair pair : test) {
			inputs.add(new TranslationInput(model.source().encode(pair.source()), beam));
		}
		// In chunks the size of a batch request, as clients would send them: the queue is
		// bounded.
		List<List<Hypothesis>> outputs = new ArrayList<>();
		for (int from = 0; from < inputs.size(); from += 64) {
			outputs.addAll(loaded.<List<Hypothesis>>predictAll(inputs.subList(from, Math.min(inputs.size(), from + 64)),
					java.time.Duration.ofMinutes(5)));
		}
		int matches = 0;
		for (int i = 0; i < test.size(); i++) {
			String output = model.target().decode(outputs.get(i).get(0).tokens());
			List<String> expected = model.target().level().split(test.get(i).target());
			if (model.target().level().split(output).equals(expected)) {
				matches++;
			}
		}
		return (double) matches / test.size();
	}

}
