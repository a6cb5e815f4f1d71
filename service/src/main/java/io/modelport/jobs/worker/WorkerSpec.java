package io.modelport.jobs.worker;

import java.util.Map;

import io.modelport.datasets.Dataset;
import io.modelport.faces.training.FaceSettings;
import io.modelport.seq2seq.training.Seq2SeqSettings;
import io.modelport.training.InitFrom;
import io.modelport.training.TrainingSettings;
import io.modelport.words.training.Word2VecSettings;

/**
 * What the service hands a training worker, as {@code spec.json} in the job folder.
 *
 * @param jobId the job id
 * @param model the model name to publish as
 * @param architectureParameters the hyperparameters of the {@code conv-classifier}
 * @param settings the training settings, with defaults
 * @param dataset the data set
 * @param width the input width images are resized to, 0 for the data set's own
 * @param height the input height images are resized to, 0 for the data set's own
 * @param trainLimit use at most this many training images, 0 for all
 * @param testLimit use at most this many test images, 0 for all (for a detector: the
 * numbers of training and test scenes)
 * @param task the task trained, {@code null} for a classifier (specs written before
 * detectors)
 * @param faces the face settings of a {@code face-verifier}, {@code null} otherwise
 * @param words the settings of a {@code word2vec} run, {@code null} otherwise
 * @param seq2seq the translator settings of a {@code seq2seq} job, {@code null} otherwise
 * @param initFrom the stored version the run starts from, copied into the job folder's
 * {@value #PARENT_FOLDER} folder at admission; {@code null} for a fresh network
 * @author Modelport Team
 */
public record WorkerSpec(String jobId, String model, Map<String, Object> architectureParameters,
		TrainingSettings settings, Dataset dataset, int width, int height, int trainLimit, int testLimit, String task,
		FaceSettings faces, Word2VecSettings words, Seq2SeqSettings seq2seq, InitFrom initFrom) {

	/** The job sub-folder holding the copy of the {@code initFrom} version. */
	public static final String PARENT_FOLDER = "init";

	/**
	 * A spec of a fresh network.
	 * @param jobId the job id
	 * @param model the model name
	 * @param architectureParameters the hyperparameters
	 * @param settings the training settings
	 * @param dataset the data set
	 * @param width the input width
	 * @param height the input height
	 * @param trainLimit the training image limit
	 * @param testLimit the test image limit
	 * @param task the task
	 * @param faces the face settings
	 * @param words the word2vec settings
	 * @param seq2seq the translator settings
	 */
	public WorkerSpec(String jobId, String model, Map<String, Object> architectureParameters, TrainingSettings settings,
			Dataset dataset, int width, int height, int trainLimit, int testLimit, String task, FaceSettings faces,
			Word2VecSettings words, Seq2SeqSettings seq2seq) {
		this(jobId, model, architectureParameters, settings, dataset, width, height, trainLimit, testLimit, task, faces,
				words, seq2seq, null);
	}

	/**
	 * A spec of a task without translator settings.
	 * @param jobId the job id
	 * @param model the model name
	 * @param architectureParameters the hyperparameters
	 * @param settings the training settings
	 * @param dataset the data set
	 * @param width the input width
	 * @param height the input height
	 * @param trainLimit the training image limit
	 * @param testLimit the test image limit
	 * @param task the task
	 * @param faces the face settings
	 */
	public WorkerSpec(String jobId, String model, Map<String, Object> architectureParameters, TrainingSettings settings,
			Dataset dataset, int width, int height, int trainLimit, int testLimit, String task, FaceSettings faces) {
		this(jobId, model, architectureParameters, settings, dataset, width, height, trainLimit, testLimit, task, faces,
				null, null, null);
	}

	/**
	 * A task's own settings object by its request member name.
	 * @param field {@code faces}, {@code words} or {@code seq2seq}; {@code null} for none
	 * @return the settings, {@code null} when not given
	 */
	public Object taskSettings(String field) {
		return taskSettings(field, this.faces, this.words, this.seq2seq);
	}

	/**
	 * Picks a task's own settings object by its request member name: the one place that
	 * names the members, for the job request and the spec alike.
	 * @param field {@code faces}, {@code words} or {@code seq2seq}; {@code null} for none
	 * @param faces the face-verifier settings
	 * @param words the word2vec settings
	 * @param seq2seq the translator settings
	 * @return the settings the field names, {@code null} when none
	 */
	public static Object taskSettings(String field, FaceSettings faces, Word2VecSettings words,
			Seq2SeqSettings seq2seq) {
		if (field == null) {
			return null;
		}
		return switch (field) {
			case "faces" -> faces;
			case "words" -> words;
			case "seq2seq" -> seq2seq;
			default -> null;
		};
	}

}
