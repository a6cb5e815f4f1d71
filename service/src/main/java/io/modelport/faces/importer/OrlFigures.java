package io.modelport.faces.importer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures {@code import evaluate} measured for the shipped version on ORL
 * (docs/faces.md), written into its provenance by the import so that importing again
 * gives the same descriptor. Re-measure with the command and update them together with
 * {@link ImportCommand#CALIBRATED_THRESHOLD}.
 *
 * @author Modelport Team
 */
final class OrlFigures {

	private OrlFigures() {
	}

	static Map<String, Object> shipped() {
		Map<String, Object> quality = new LinkedHashMap<>();
		quality.put("dataset", "ORL faces, 30 identities x 10 grey 92x112 photos, none seen in training");
		quality.put("protocol",
				"5 folds of identities (seed 20): tau at best balanced accuracy on 24, measured on 6 unseen");
		quality.put("testBalancedAccuracy", 0.9956);
		quality.put("testWorstFoldBalancedAccuracy", 0.9833);
		quality.put("testAuc", 1.0);
		quality.put("aucAllPairs", 0.9999);
		quality.put("identifyRank1", 0.9981);
		quality.put("unalignedBalancedAccuracy", 0.865);
		quality.put("command", "java -jar modelport.jar import evaluate <orl-faces>");
		return quality;
	}

}
