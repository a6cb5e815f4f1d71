package io.modelport.faces.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.engine.Engine;

import io.modelport.faces.VerificationMetrics;
import io.modelport.nn.FaceEmbedderNet;
import io.modelport.store.InputSpec;

/**
 * The parts of a face verifier's evaluation report, descriptor and provenance that the
 * single run ({@link FaceTraining}) and the cross-validated one
 * ({@link CrossValidatedTraining}) share: figures rounded alike, pair and identity
 * counts, the accepted shares at a threshold, and each ensemble member's own figures.
 *
 * @author Modelport Team
 */
final class FaceReports {

	private FaceReports() {
	}

	static Map<String, Object> descriptorParameters(double threshold, FaceEmbedderNet net, FaceSettings faceSettings) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("threshold", threshold);
		parameters.put("distance", FaceTraining.DISTANCE);
		parameters.put("embeddingSize", net.outputSize());
		parameters.put("thresholdRule", faceSettings.thresholdRule());
		if ("far".equals(faceSettings.thresholdRule())) {
			parameters.put("targetFar", faceSettings.targetFar());
		}
		return parameters;
	}

	static Map<String, Object> provenance(FaceTraining.Request request, String identities,
			List<FaceTrainer.Report> reports, Map<String, Object> quality, InputSpec input, FaceImages faces) {
		Map<String, Object> provenance = new LinkedHashMap<>();
		provenance.put("trainedBy", request.trainedBy());
		provenance.put("trainedAt", Instant.now().toString());
		provenance.put("dataset",
				request.datasetDescription() + ": " + faces.identities().size() + " identities, " + faces.count()
						+ " images of " + faces.width() + "x" + faces.height() + ", resized to " + input.width() + "x"
						+ input.height() + "; " + identities);
		Device device = Engine.getEngine("PyTorch").defaultDevice();
		provenance.put("engine", "DJL " + Engine.getDjlVersion() + ", PyTorch "
				+ Engine.getEngine("PyTorch").getVersion() + ", " + device);
		Map<String, Object> settings = new LinkedHashMap<>(request.settings().toMap());
		settings.remove("batchSize");
		settings.remove("devFraction");
		settings.put("faces", request.faces().toMap());
		provenance.put("settings", settings);
		List<Integer> bestEpochs = reports.stream().map(FaceTrainer.Report::bestEpoch).toList();
		provenance.put("bestEpoch", (bestEpochs.size() == 1) ? bestEpochs.get(0) : bestEpochs);
		provenance.put("trainSeconds",
				Math.round(reports.stream().mapToDouble(FaceTrainer.Report::trainSeconds).sum()));
		List<Object> history = new ArrayList<>();
		for (FaceTrainer.Report report : reports) {
			// A run without held-out faces (the final run of a cross-validated one) has
			// no dev figures.
			history.add(report.history()
				.stream()
				.map((epoch) -> Double.isNaN(epoch.devLoss())
						? Map.of("epoch", epoch.epoch(), "trainLoss", round(epoch.trainLoss()))
						: Map.of("epoch", epoch.epoch(), "trainLoss", round(epoch.trainLoss()), "devLoss",
								round(epoch.devLoss()), "devAccuracy", round(epoch.devAccuracy())))
				.toList());
		}
		// One list of epochs for a single network, one list per member for an ensemble.
		provenance.put("history", (history.size() == 1) ? history.get(0) : history);
		provenance.put("quality", quality);
		return provenance;
	}

	// One member's own figures, for the report: how much the ensemble adds over each.
	static Map<String, Object> member(long seed, FaceTrainer.Report report, VerificationPairs devPairs,
			VerificationPairs testPairs, float[][][] embeddings) {
		VerificationMetrics dev = new VerificationMetrics(devPairs.distances(embeddings[0]), devPairs.sameFlags());
		VerificationMetrics test = new VerificationMetrics(testPairs.distances(embeddings[1]), testPairs.sameFlags());
		Map<String, Object> member = new LinkedHashMap<>();
		member.put("seed", seed);
		member.put("bestEpoch", report.bestEpoch());
		member.put("devAuc", round(dev.rocAuc()));
		member.put("devAccuracy", round(dev.accuracyAt(dev.bestAccuracyThreshold())));
		member.put("testAuc", round(test.rocAuc()));
		member.put("testEer", round(test.equalErrorRate()));
		member.put("testAccuracyAtOwnDevThreshold", round(test.accuracyAt(dev.bestAccuracyThreshold())));
		return member;
	}

	// The share of same (or different) pairs accepted at a threshold: TAR (or FAR).
	static double acceptedShare(double[] distances, boolean[] same, boolean ofSame, double threshold) {
		int accepted = 0;
		int total = 0;
		for (int i = 0; i < distances.length; i++) {
			if (same[i] == ofSame) {
				total++;
				accepted += (distances[i] <= threshold) ? 1 : 0;
			}
		}
		return (double) accepted / total;
	}

	static Map<String, Object> pairCounts(VerificationPairs pairs) {
		boolean[] same = pairs.sameFlags();
		int sameCount = 0;
		for (boolean flag : same) {
			sameCount += flag ? 1 : 0;
		}
		Map<String, Object> counts = new LinkedHashMap<>();
		counts.put("same", sameCount);
		counts.put("different", same.length - sameCount);
		return counts;
	}

	static Map<String, Object> identities(IdentitySplit split) {
		Map<String, Object> identities = new LinkedHashMap<>();
		identities.put("train", split.train().identities().size());
		identities.put("dev", split.dev().identities().size());
		identities.put("test", split.test().identities().size());
		identities.put("devNames", split.dev().identities());
		identities.put("testNames", split.test().identities());
		return identities;
	}

	static double round(double value) {
		return Math.round(value * 1_000_000) / 1_000_000.0;
	}

}
