package io.modelport.client;

import java.util.List;

/**
 * A model in the list of models.
 *
 * @param name the model name
 * @param task its task (classifier, detector, face-verifier, word2vec, seq2seq)
 * @param defaultVersion the version that answers by default
 * @param state that version's state
 * @param required whether readiness waits for it
 * @param versions every version
 * @author Modelport Team
 */
public record ModelSummary(String name, String task, Integer defaultVersion, String state, boolean required,
		List<Integer> versions) {

}
