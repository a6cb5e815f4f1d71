package io.modelport.faces.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.modelport.nn.FaceEmbedderNet;

/**
 * The face-specific settings of a verifier training run (docs/ml-notes.md, "Face
 * verification"); epochs, optimizer, flips, shifts and the seed come from the common
 * {@link io.modelport.training.TrainingSettings}. Every value may be left unset in a
 * request; {@link #withDefaults()} fills it.
 *
 * @param margin the triplet margin α, above 0 (embeddings are L2-normalised, so squared
 * distances lie in [0, 4])
 * @param mining {@code batch-hard} (hardest positive and negative per anchor) or
 * {@code semi-hard} (FaceNet)
 * @param identitiesPerBatch P, the identities of a batch, at least 2
 * @param imagesPerIdentity K, the images of each identity in a batch, at least 2
 * @param thresholdRule how τ is chosen on the dev identities: {@code max-accuracy} or
 * {@code far} (the largest τ whose false match rate is at most {@code targetFar})
 * @param targetFar the false match rate the {@code far} rule allows, in (0, 1)
 * @param devShare the share of identities kept for dev (epoch and τ selection)
 * @param testShare the share of identities kept for the final test
 * @param jitter the brightness and contrast augmentation amount, 0 for none: brightness
 * moves by up to ±jitter (input units), contrast scales by 1 ± jitter
 * @param stepsPerEpoch the P × K batches of an epoch; unset: enough to show every
 * training image once, but at least {@link #MIN_STEPS_PER_EPOCH} (small face sets would
 * otherwise take only a handful of steps per epoch)
 * @param rotation the largest random rotation of a training face in degrees, 0 for none
 * @param scale the largest random zoom of a training face (1 ± scale), 0 for none
 * @param ensemble the networks trained (one after another, with seeds seed, seed + 1,
 * ...) and served as one averaged verifier, 1 for a single network: averaging members
 * that differ only in their initialisation and batches lowers the variance a small
 * training set leaves in any one of them
 * @author Modelport Team
 */
public record FaceSettings(Double margin, String mining, Integer identitiesPerBatch, Integer imagesPerIdentity,
		String thresholdRule, Double targetFar, Double devShare, Double testShare, Double jitter, Integer stepsPerEpoch,
		Double rotation, Double scale, Integer ensemble) {

	/** The mining modes. */
	public static final List<String> MININGS = List.of("batch-hard", "semi-hard");

	/** The fewest batches of an epoch when {@code stepsPerEpoch} is unset. */
	public static final int MIN_STEPS_PER_EPOCH = 20;

	/** The threshold rules. */
	public static final List<String> THRESHOLD_RULES = List.of("max-accuracy", "far");

	/**
	 * Settings with every value unset, for a request that gives none.
	 * @return the unset settings
	 */
	public static FaceSettings unset() {
		return new FaceSettings(null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * Fills unset values: margin 0.2, batch-hard mining, P = 8, K = 4, max-accuracy
	 * threshold (target FAR 0.01 for the far rule), 20% dev and 20% test identities,
	 * jitter 0.1, no rotation or zoom, a single network; steps per epoch stay unset (the
	 * trainer sizes them).
	 * @return the settings with every value set
	 */
	public FaceSettings withDefaults() {
		return new FaceSettings(or(this.margin, 0.2), (this.mining != null) ? this.mining : "batch-hard",
				(this.identitiesPerBatch != null) ? this.identitiesPerBatch : 8,
				(this.imagesPerIdentity != null) ? this.imagesPerIdentity : 4,
				(this.thresholdRule != null) ? this.thresholdRule : "max-accuracy", or(this.targetFar, 0.01),
				or(this.devShare, 0.2), or(this.testShare, 0.2), or(this.jitter, 0.1), this.stepsPerEpoch,
				or(this.rotation, 0), or(this.scale, 0), (this.ensemble != null) ? this.ensemble : 1);
	}

	/**
	 * The invalid values, by field name; unset values are fine.
	 * @return field name to message, empty when all are valid
	 */
	public Map<String, String> errors() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.margin != null && !(Double.isFinite(this.margin) && this.margin > 0 && this.margin <= 4)) {
			errors.put("margin", "must be a number in (0, 4] (squared distances of unit vectors), was " + this.margin);
		}
		if (this.mining != null && !MININGS.contains(this.mining)) {
			errors.put("mining", "must be one of " + MININGS + ", was " + this.mining);
		}
		if (this.identitiesPerBatch != null && (this.identitiesPerBatch < 2 || this.identitiesPerBatch > 1000)) {
			errors.put("identitiesPerBatch",
					"P must be between 2 and 1000 (an anchor needs another identity), was " + this.identitiesPerBatch);
		}
		if (this.imagesPerIdentity != null && (this.imagesPerIdentity < 2 || this.imagesPerIdentity > 100)) {
			errors.put("imagesPerIdentity",
					"K must be between 2 and 100 (an anchor needs a positive), was " + this.imagesPerIdentity);
		}
		if (this.thresholdRule != null && !THRESHOLD_RULES.contains(this.thresholdRule)) {
			errors.put("thresholdRule", "must be one of " + THRESHOLD_RULES + ", was " + this.thresholdRule);
		}
		if (this.targetFar != null && !(this.targetFar > 0 && this.targetFar < 1)) {
			errors.put("targetFar", "must be a false match rate in (0, 1), was " + this.targetFar);
		}
		share(errors, "devShare", this.devShare);
		share(errors, "testShare", this.testShare);
		if (this.devShare != null && this.testShare != null && this.devShare + this.testShare >= 0.9) {
			errors.put("testShare", "dev and test shares must leave training identities, together below 0.9");
		}
		if (this.jitter != null && !(this.jitter >= 0 && this.jitter <= 0.5)) {
			errors.put("jitter", "must be a number in [0, 0.5], was " + this.jitter);
		}
		if (this.rotation != null && !(this.rotation >= 0 && this.rotation <= 45)) {
			errors.put("rotation", "must be a number of degrees in [0, 45], was " + this.rotation);
		}
		if (this.scale != null && !(this.scale >= 0 && this.scale <= 0.5)) {
			errors.put("scale", "must be a number in [0, 0.5], was " + this.scale);
		}
		if (this.stepsPerEpoch != null && (this.stepsPerEpoch < 1 || this.stepsPerEpoch > 100_000)) {
			errors.put("stepsPerEpoch", "must be between 1 and 100000, was " + this.stepsPerEpoch);
		}
		if (this.ensemble != null && (this.ensemble < 1 || this.ensemble > FaceEmbedderNet.MAX_MEMBERS)) {
			errors.put("ensemble", "must be a number of networks between 1 and " + FaceEmbedderNet.MAX_MEMBERS
					+ ", was " + this.ensemble);
		}
		return errors;
	}

	/**
	 * The settings as recorded in provenance.
	 * @return the values, defaults applied
	 */
	public Map<String, Object> toMap() {
		FaceSettings s = withDefaults();
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("margin", s.margin);
		map.put("mining", s.mining);
		map.put("identitiesPerBatch", s.identitiesPerBatch);
		map.put("imagesPerIdentity", s.imagesPerIdentity);
		map.put("thresholdRule", s.thresholdRule);
		map.put("targetFar", s.targetFar);
		map.put("devShare", s.devShare);
		map.put("testShare", s.testShare);
		map.put("jitter", s.jitter);
		map.put("stepsPerEpoch", s.stepsPerEpoch);
		map.put("rotation", s.rotation);
		map.put("scale", s.scale);
		map.put("ensemble", s.ensemble);
		return map;
	}

	private static void share(Map<String, String> errors, String field, Double value) {
		if (value != null && !(value > 0 && value < 0.9)) {
			errors.put(field, "must be a share of identities in (0, 0.9), was " + value);
		}
	}

	private static double or(Double value, double fallback) {
		return (value != null) ? value : fallback;
	}

}
