package io.modelport.seq2seq.training;

import java.util.LinkedHashMap;
import java.util.Map;

import io.modelport.seq2seq.SymbolVocabulary;
import io.modelport.training.OptimizerSettings;
import io.modelport.training.TrainingSettings;

/**
 * The translator-specific settings of a {@code seq2seq} training run; epochs, batch size,
 * optimizer, gradient clipping and the seed come from the common {@link TrainingSettings}
 * (see {@link #trainingDefaults}), the network's sizes from the architecture parameters.
 * Every value may be left unset in a request; {@link #withDefaults()} fills it.
 *
 * @param sourceLevel {@code character} or {@code word}: how sources split into symbols
 * @param targetLevel {@code character} or {@code word}: how targets split into symbols
 * (BLEU counts n-grams of these symbols)
 * @param maxInputLength the longest source in symbols; longer pairs are left out
 * @param maxOutputLength the longest output in symbols, {@code <EOS>} included; longer
 * pairs are left out, and decoding stops there
 * @param teacherForcing the probability that a training step is fed the true previous
 * symbol rather than the model's own prediction, in [0, 1]
 * @param minCount the fewest occurrences in the training split that give a symbol its own
 * id; rarer ones become {@code <UNK>}
 * @param beamWidth the beam width B of the report's beam search and of serving
 * @param lengthNormalization the length-normalisation exponent α in [0, 1]
 * @param devShare the share of distinct sources held out for dev (uploaded and corpus
 * data)
 * @param testShare the share of distinct sources held out for test
 * @param generatedExamples the training renderings of the generated {@code dates} set
 * @param heldOutDates the dev days and, as many again, the test days of {@code dates}
 * @param evaluationLimit the most test examples the report decodes, 0 for all
 * @author Modelport Team
 */
public record Seq2SeqSettings(String sourceLevel, String targetLevel, Integer maxInputLength, Integer maxOutputLength,
		Double teacherForcing, Integer minCount, Integer beamWidth, Double lengthNormalization, Double devShare,
		Double testShare, Integer generatedExamples, Integer heldOutDates, Integer evaluationLimit) {

	/**
	 * Settings with every value unset, for a request that gives none.
	 * @return the unset settings
	 */
	public static Seq2SeqSettings unset() {
		return new Seq2SeqSettings(null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * Fills unset values: character level on both sides, at most 40 input and 40 output
	 * symbols, full teacher forcing, min count 1, B = 5, α = 0.7, 10% dev and 10% test,
	 * 20,000 generated dates with 1,000 dev and 1,000 test days, at most 1,000 test
	 * examples decoded.
	 * @return the settings with every value set
	 */
	public Seq2SeqSettings withDefaults() {
		return new Seq2SeqSettings(or(this.sourceLevel, "character"), or(this.targetLevel, "character"),
				or(this.maxInputLength, 40), or(this.maxOutputLength, 40), or(this.teacherForcing, 1.0),
				or(this.minCount, 1), or(this.beamWidth, 5), or(this.lengthNormalization, 0.7), or(this.devShare, 0.1),
				or(this.testShare, 0.1), or(this.generatedExamples, 20_000), or(this.heldOutDates, 1000),
				or(this.evaluationLimit, 1000));
	}

	/**
	 * The common settings with the translator's own defaults for what the request left
	 * unset: batch 64, Adam at 0.003, gradients clipped to [-5, 5].
	 * @param settings the request's settings, or {@code null}
	 * @return the settings with every value set
	 */
	public static TrainingSettings trainingDefaults(TrainingSettings settings) {
		TrainingSettings s = (settings != null) ? settings
				: new TrainingSettings(null, null, null, null, null, null, null, null, null, null, null, null);
		OptimizerSettings o = (s.optimizer() != null) ? s.optimizer()
				: new OptimizerSettings(null, null, null, null, null, null);
		OptimizerSettings optimizer = new OptimizerSettings(o.type(),
				(o.learningRate() != null) ? o.learningRate() : ((o.type() == null) ? 0.003 : null), o.momentum(),
				o.beta1(), o.beta2(), o.epsilon());
		return new TrainingSettings(s.epochs(), or(s.batchSize(), 64), optimizer, s.schedule(), s.weightDecay(),
				or(s.gradientClip(), 5.0), s.earlyStoppingPatience(), s.devFraction(), s.testFraction(), s.flip(),
				s.maxShift(), s.seed())
			.withDefaults();
	}

	/**
	 * The source level.
	 * @return the level
	 */
	public SymbolVocabulary.Level source() {
		return SymbolVocabulary.Level.fromId(withDefaults().sourceLevel);
	}

	/**
	 * The target level.
	 * @return the level
	 */
	public SymbolVocabulary.Level target() {
		return SymbolVocabulary.Level.fromId(withDefaults().targetLevel);
	}

	/**
	 * The invalid values, by field name; unset values are fine.
	 * @return field name to message, empty when all are valid
	 */
	public Map<String, String> errors() {
		Map<String, String> errors = new LinkedHashMap<>();
		level(errors, "sourceLevel", this.sourceLevel);
		level(errors, "targetLevel", this.targetLevel);
		range(errors, "maxInputLength", this.maxInputLength, 1, 1000);
		range(errors, "maxOutputLength", this.maxOutputLength, 2, 1000);
		if (this.teacherForcing != null && !(this.teacherForcing >= 0 && this.teacherForcing <= 1)) {
			errors.put("teacherForcing", "must be a probability in [0, 1], was " + this.teacherForcing);
		}
		range(errors, "minCount", this.minCount, 1, 1_000_000);
		range(errors, "beamWidth", this.beamWidth, 1, 64);
		if (this.lengthNormalization != null && !(this.lengthNormalization >= 0 && this.lengthNormalization <= 1)) {
			errors.put("lengthNormalization", "must be an exponent in [0, 1], was " + this.lengthNormalization);
		}
		share(errors, "devShare", this.devShare);
		share(errors, "testShare", this.testShare);
		if (this.devShare != null && this.testShare != null && this.devShare + this.testShare >= 0.9) {
			errors.put("testShare", "dev and test shares must leave training data, together below 0.9");
		}
		range(errors, "generatedExamples", this.generatedExamples, 10, 1_000_000);
		range(errors, "heldOutDates", this.heldOutDates, 1, 20_000);
		range(errors, "evaluationLimit", this.evaluationLimit, 0, 1_000_000);
		return errors;
	}

	/**
	 * The settings as recorded in provenance.
	 * @return the values, defaults applied
	 */
	public Map<String, Object> toMap() {
		Seq2SeqSettings s = withDefaults();
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("sourceLevel", s.sourceLevel);
		map.put("targetLevel", s.targetLevel);
		map.put("maxInputLength", s.maxInputLength);
		map.put("maxOutputLength", s.maxOutputLength);
		map.put("teacherForcing", s.teacherForcing);
		map.put("minCount", s.minCount);
		map.put("beamWidth", s.beamWidth);
		map.put("lengthNormalization", s.lengthNormalization);
		map.put("devShare", s.devShare);
		map.put("testShare", s.testShare);
		map.put("generatedExamples", s.generatedExamples);
		map.put("heldOutDates", s.heldOutDates);
		map.put("evaluationLimit", s.evaluationLimit);
		return map;
	}

	private static void level(Map<String, String> errors, String field, String value) {
		if (value != null && !"character".equals(value) && !"word".equals(value)) {
			errors.put(field, "must be character or word, was " + value);
		}
	}

	private static void range(Map<String, String> errors, String field, Integer value, int min, int max) {
		if (value != null && (value < min || value > max)) {
			errors.put(field, "must be between " + min + " and " + max + ", was " + value);
		}
	}

	private static void share(Map<String, String> errors, String field, Double value) {
		if (value != null && !(value > 0 && value < 0.9)) {
			errors.put(field, "must be a share in (0, 0.9), was " + value);
		}
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
