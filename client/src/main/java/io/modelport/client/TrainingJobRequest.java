package io.modelport.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A training job to submit. The sections are left as maps so that every setting the
 * server documents can be given; {@code null} sections take the server's defaults.
 *
 * @param task classifier, detector, face-verifier, word2vec or seq2seq
 * @param model the model the new version goes to
 * @param dataset the data set to train on
 * @param architecture {@code name} and {@code parameters}
 * @param input {@code width} and {@code height}
 * @param settings epochs, batch size, optimizer, schedule, seed...
 * @param promotion always, if-better or never
 * @param limits {@code trainImages} and {@code testImages}
 * @param faces face-verifier settings
 * @param words word2vec settings
 * @param seq2seq seq2seq settings
 * @author Modelport Team
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingJobRequest(String task, String model, String dataset, Map<String, Object> architecture,
		Map<String, Object> input, Map<String, Object> settings, String promotion, Map<String, Object> limits,
		Map<String, Object> faces, Map<String, Object> words, Map<String, Object> seq2seq) {

}
