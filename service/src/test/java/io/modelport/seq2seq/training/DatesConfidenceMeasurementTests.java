package io.modelport.seq2seq.training;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.SlowTest;
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

/**
 * Measures the confidence signals of the shipped dates model on its 1,000 held-out test
 * dates, the dates of the README examples and hand-written out-of-domain inputs, printing
 * one tab-separated {@code MEASURE} line per input (kind, score, log-probability, margin
 * to the second hypothesis, unknown symbols, input, output), and checks the error rates
 * docs/out-of-domain.md states for the threshold in the descriptor
 * ({@code lowConfidenceScore}).
 *
 * @author Modelport Team
 */
@SlowTest
class DatesConfidenceMeasurementTests {

	private static final Path STORE = Path.of(System.getProperty("modelport.repository", ".."), "model-store");

	static final List<String> OUT_OF_DOMAIN = List.of("hello world", "12/25/99", "banana", "the quick brown fox", "42",
			"1234567", "tomorrow", "next friday", "???", "qwerty uiop", "Monday", "2024", "31/31/31", "march",
			"call me at 555-1234", "99 bottles of beer", "abc def ghi", "Hello, World!", "xyz", "0");

	/** Dates written as the README and docs examples write them: in the domain. */
	static final Map<String, String> EXAMPLES = Map.of("tuesday, march 3 2021", "2021-03-03", "3 Mar 2021",
			"2021-03-03", "December 25, 1999", "1999-12-25");

	@Test
	void measure() throws Exception {
		StoredModel stored = new ModelStore(STORE).find("dates").orElseThrow();
		ModelDescriptor descriptor = stored.descriptor(stored.versions().lastKey());
		Map<?, ?> settings = (Map<?, ?>) descriptor.provenance().get("settings");
		Seq2SeqSettings seq2seq = JsonMapper.builder()
			.build()
			.convertValue(settings.get("seq2seq"), Seq2SeqSettings.class)
			.withDefaults();
		PairSplits splits = Seq2SeqData.dates(seq2seq, ((Number) settings.get("seed")).longValue());
		List<SequencePair> test = Seq2SeqTraining.fitting(splits.test(), seq2seq);
		ModelLoader loader = new ModelLoader(List.of(new Seq2SeqTaskAdapter()), RuntimeProperties.of("cpu", 1),
				new SimpleMeterRegistry());
		try (LoadedModel loaded = loader.load(descriptor)) {
			Seq2SeqModel model = loaded.state(Seq2SeqModel.class);
			BeamSettings beam = new BeamSettings(seq2seq.beamWidth(), model.settings().lengthNormalization(),
					model.settings().maxOutputLength(), 2);
			List<String> sources = new ArrayList<>();
			List<String> targets = new ArrayList<>();
			for (SequencePair pair : test) {
				sources.add(pair.source());
				targets.add(pair.target());
			}
			EXAMPLES.forEach((text, date) -> {
				sources.add(text);
				targets.add(date);
			});
			for (String text : OUT_OF_DOMAIN) {
				sources.add(text);
				targets.add(null);
			}
			List<TranslationInput> inputs = new ArrayList<>();
			for (String s : sources) {
				inputs.add(new TranslationInput(model.source().encode(s), beam));
			}
			List<List<Hypothesis>> outputs = new ArrayList<>();
			for (int from = 0; from < inputs.size(); from += 64) {
				outputs.addAll(loaded.<List<Hypothesis>>predictAll(
						inputs.subList(from, Math.min(inputs.size(), from + 64)), Duration.ofMinutes(5)));
			}
			double threshold = ((Number) descriptor.parameters().get("lowConfidenceScore")).doubleValue();
			int wrong = 0;
			int falseAlarms = 0;
			int missed = 0;
			for (int i = 0; i < sources.size(); i++) {
				Hypothesis best = outputs.get(i).get(0);
				double second = (outputs.get(i).size() > 1) ? outputs.get(i).get(1).score() : Double.NaN;
				String output = model.target().decode(best.tokens());
				String kind = (targets.get(i) == null) ? "OOD" : output.equals(targets.get(i)) ? "IN-OK" : "IN-WRONG";
				System.out.printf("MEASURE\t%s\t%.6f\t%.6f\t%.6f\t%d\t%s\t%s%n", kind, best.score(),
						best.logProbability(), best.score() - second, model.source().unknownCount(sources.get(i)),
						sources.get(i), output);
				boolean low = best.score() < threshold || !best.finished();
				wrong += kind.equals("IN-WRONG") ? 1 : 0;
				falseAlarms += (!kind.equals("OOD") && low) ? 1 : 0;
				missed += (kind.equals("OOD") && !low) ? 1 : 0;
			}
			System.out.printf(
					"MEASURE threshold %.4f: %d in-domain (%d wrong), %d flagged; %d out-of-domain, %d missed%n",
					threshold, sources.size() - OUT_OF_DOMAIN.size(), wrong, falseAlarms, OUT_OF_DOMAIN.size(), missed);
			// The rates docs/out-of-domain.md states for the shipped threshold.
			assertThat(wrong).isZero();
			assertThat(falseAlarms).isZero();
			assertThat(missed).isZero();
		}
	}

}
