package io.modelport.seq2seq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.translate.TranslateException;
import org.springframework.stereotype.Service;

import io.modelport.core.InferenceFailedException;
import io.modelport.core.InvalidRequestException;
import io.modelport.metrics.InferenceMetrics;
import io.modelport.registry.ModelRegistry;
import io.modelport.runtime.LoadedModel;
import io.modelport.store.Task;

/**
 * Translates texts with seq2seq models (docs/ml-notes.md, "Sequence to sequence"): each
 * input is split into symbols as the model was trained (unknown ones read as
 * {@code <UNK>}), checked against the model's input limit, and decoded greedily or by
 * beam search in the model's queue.
 *
 * @author Modelport Team
 */
@Service
public class Seq2SeqService {

	/**
	 * The descriptor parameter holding the length-normalised score under which an answer
	 * is flagged {@code lowConfidence}, measured per model (docs/out-of-domain.md).
	 */
	static final String LOW_CONFIDENCE_PARAMETER = "lowConfidenceScore";

	/** The widest beam a request may ask for. */
	public static final int MAX_BEAM_WIDTH = 16;

	/** The most texts one batch request may hold. */
	public static final int MAX_BATCH = 64;

	private final ModelRegistry registry;

	private final InferenceMetrics metrics;

	public Seq2SeqService(ModelRegistry registry, InferenceMetrics metrics) {
		this.registry = registry;
		this.metrics = metrics;
	}

	/**
	 * Finds the seq2seq model that serves a request.
	 * @param model the model name
	 * @param version the version, {@code null} for the default
	 * @return the loaded model
	 * @throws InvalidRequestException when the model is not a seq2seq model
	 */
	public LoadedModel resolve(String model, Integer version) {
		LoadedModel loaded = this.registry.resolve(model, version);
		if (loaded.descriptor().task() != Task.SEQ2SEQ) {
			throw new InvalidRequestException(
					"model '" + model + "' is a " + loaded.descriptor().task().id() + " model, not a seq2seq model");
		}
		return loaded;
	}

	/**
	 * Translates one text or a batch.
	 * @param model the model name
	 * @param request the text(s) and decoding settings
	 * @param timeout the deadline, {@code null} for the configured default
	 * @return the translation(s)
	 */
	public TranslationResponse translate(String model, TranslateRequest request, Duration timeout) {
		List<String> texts = texts(request);
		LoadedModel loaded = resolve(model, request.version());
		Seq2SeqModel seq2seq = loaded.state(Seq2SeqModel.class);
		BeamSettings settings = settings(request, seq2seq.settings());
		List<TranslationInput> inputs = new ArrayList<>(texts.size());
		for (int i = 0; i < texts.size(); i++) {
			inputs.add(new TranslationInput(encode(seq2seq, texts.get(i), (texts.size() > 1) ? i : -1), settings));
		}
		List<List<Hypothesis>> results;
		try {
			results = this.metrics.measure(loaded.descriptor(),
					() -> loaded.predictAll(inputs, (timeout != null) ? timeout : loaded.defaultTimeout()));
		}
		catch (TranslateException ex) {
			throw new InferenceFailedException("translation failed for model '" + model + "'", ex);
		}
		boolean attention = Boolean.TRUE.equals(request.returnAttention());
		Double threshold = (loaded.descriptor().parameters().get(LOW_CONFIDENCE_PARAMETER) instanceof Number number)
				? number.doubleValue() : null;
		List<Translation> translations = new ArrayList<>(texts.size());
		for (int i = 0; i < texts.size(); i++) {
			translations.add(translation(seq2seq, texts.get(i), results.get(i), attention, threshold));
		}
		int version = loaded.descriptor().version();
		return (request.text() != null) ? new TranslationResponse(model, version, translations.get(0), null)
				: new TranslationResponse(model, version, null, translations);
	}

	/**
	 * Renders the attention of a single translation as a heat map.
	 * @param model the model name
	 * @param request one text and decoding settings
	 * @param timeout the deadline, {@code null} for the configured default
	 * @return a PNG: rows are output symbols, columns input symbols
	 */
	public byte[] heatmap(String model, TranslateRequest request, Duration timeout) {
		if (request.text() == null || request.texts() != null) {
			throw new InvalidRequestException("an attention picture is drawn for one 'text', not a batch");
		}
		TranslateRequest withAttention = new TranslateRequest(request.text(), null, request.beamWidth(),
				request.lengthNormalization(), request.maxLength(), request.numAlternatives(), true, request.version());
		Translation translation = translate(model, withAttention, timeout).translation();
		return AttentionHeatmap.png(translation.attention().toArray(float[][]::new), translation.inputSymbols(),
				translation.outputSymbols());
	}

	private static List<String> texts(TranslateRequest request) {
		if ((request.text() == null) == (request.texts() == null)) {
			throw new InvalidRequestException("send either 'text' or 'texts'");
		}
		List<String> texts = (request.text() != null) ? List.of(request.text()) : request.texts();
		if (texts.isEmpty() || texts.size() > MAX_BATCH) {
			throw new InvalidRequestException("'texts' must hold 1 to " + MAX_BATCH + " texts, not " + texts.size());
		}
		if (texts.stream().anyMatch((text) -> text == null)) {
			throw new InvalidRequestException("'texts' must not hold null");
		}
		return texts;
	}

	private static BeamSettings settings(TranslateRequest request, TranslatorSettings model) {
		int beam = (request.beamWidth() != null) ? request.beamWidth() : model.beamWidth();
		if (beam > MAX_BEAM_WIDTH) {
			throw new InvalidRequestException("beamWidth must be at most " + MAX_BEAM_WIDTH + ", was " + beam);
		}
		int maxLength = (request.maxLength() != null) ? request.maxLength() : model.maxOutputLength();
		if (maxLength > model.maxOutputLength()) {
			throw new InvalidRequestException(
					"maxLength must be at most the model's " + model.maxOutputLength() + ", was " + maxLength);
		}
		try {
			return new BeamSettings(beam,
					(request.lengthNormalization() != null) ? request.lengthNormalization()
							: model.lengthNormalization(),
					maxLength, (request.numAlternatives() != null) ? request.numAlternatives() : 1);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(ex.getMessage());
		}
	}

	private static int[] encode(Seq2SeqModel model, String text, int index) {
		String which = (index >= 0) ? "texts[" + index + "]" : "text";
		int[] ids = model.source().encode(text);
		if (ids.length == 0) {
			throw new InvalidRequestException(which + " is empty");
		}
		int limit = model.settings().maxInputLength();
		if (ids.length > limit) {
			throw new InvalidRequestException(which + " has " + ids.length + " " + model.source().level().id()
					+ " symbols; this model's limit is " + limit);
		}
		return ids;
	}

	private static Translation translation(Seq2SeqModel model, String text, List<Hypothesis> hypotheses,
			boolean attention, Double threshold) {
		if (hypotheses.isEmpty()) {
			throw new InferenceFailedException("the model produced no hypothesis", null);
		}
		Hypothesis best = hypotheses.get(0);
		List<Translation.Alternative> alternatives = hypotheses.stream()
			.map((h) -> new Translation.Alternative(model.target().decode(h.tokens()), h.score(), h.finished()))
			.toList();
		List<String> outputs = null;
		List<String> inputs = null;
		List<float[]> weights = null;
		if (attention) {
			int[] generated = best.finished() ? Arrays.copyOf(best.tokens(), best.tokens().length + 1) : best.tokens();
			if (best.finished()) {
				generated[generated.length - 1] = SymbolVocabulary.EOS_ID;
			}
			outputs = model.target().symbols(generated);
			inputs = model.source().level().split(text);
			weights = best.attention();
		}
		Boolean low = (threshold != null) ? (best.score() < threshold || !best.finished()) : null;
		return new Translation(text, model.target().decode(best.tokens()), best.score(), best.logProbability(), low,
				best.finished(), model.source().unknownCount(text), alternatives, weights, inputs, outputs);
	}

}
