package io.modelport.jobs;

import java.util.Map;

import io.modelport.faces.training.FaceSettings;
import io.modelport.jobs.worker.WorkerSpec;
import io.modelport.seq2seq.training.Seq2SeqSettings;
import io.modelport.training.InitFrom;
import io.modelport.training.TrainingSettings;
import io.modelport.words.training.Word2VecSettings;

/**
 * The body of {@code POST /api/v1/training-jobs}.
 *
 * @param task the task: {@code classifier}, {@code detector}, {@code face-verifier} or
 * {@code word2vec}
 * @param model the model to publish a new version of (created when new)
 * @param architecture the architecture preset and its hyperparameters; none for
 * {@code word2vec}, whose skip-gram or CBOW choice is {@code words.architecture}
 * @param dataset the data set name ({@code GET /api/v1/datasets})
 * @param input the input size images are resized to (image-folder data sets), default the
 * data set's own size or 28×28
 * @param settings the training settings; none for {@code word2vec}, whose epochs, rate,
 * batch and seed are in {@code words}
 * @param promotion when the new version becomes the default, default {@code if-better}
 * @param limits caps on the images used, for quick trial runs
 * @param faces the triplet loss, mining, batch and threshold settings of a
 * {@code face-verifier} (margin, P, K, ...); {@code null} for other tasks or defaults
 * @param words the settings of a {@code word2vec} run (architecture, dimension, window,
 * negatives, ...); {@code null} for other tasks or defaults
 * @param seq2seq the symbol levels, length limits, teacher forcing, beam and split
 * settings of a {@code seq2seq} job; {@code null} for other tasks or defaults
 * @param initFrom the stored version to start from and the layers to freeze (a
 * {@code face-verifier} fine-tuning the imported network); {@code null} trains a fresh
 * network of {@code architecture}
 * @author Modelport Team
 */
public record TrainingJobRequest(String task, String model, ArchitectureRequest architecture, String dataset,
		InputSize input, TrainingSettings settings, String promotion, Limits limits, FaceSettings faces,
		Word2VecSettings words, Seq2SeqSettings seq2seq, InitFrom initFrom) {

	/**
	 * A request that trains a fresh network.
	 * @param task the task
	 * @param model the model
	 * @param architecture the architecture
	 * @param dataset the data set name
	 * @param input the input size
	 * @param settings the training settings
	 * @param promotion the promotion policy
	 * @param limits the image limits
	 * @param faces the face settings
	 * @param words the word2vec settings
	 * @param seq2seq the translator settings
	 */
	public TrainingJobRequest(String task, String model, ArchitectureRequest architecture, String dataset,
			InputSize input, TrainingSettings settings, String promotion, Limits limits, FaceSettings faces,
			Word2VecSettings words, Seq2SeqSettings seq2seq) {
		this(task, model, architecture, dataset, input, settings, promotion, limits, faces, words, seq2seq, null);
	}

	/**
	 * A request without translator settings.
	 * @param task the task
	 * @param model the model
	 * @param architecture the architecture
	 * @param dataset the data set name
	 * @param input the input size
	 * @param settings the training settings
	 * @param promotion the promotion policy
	 * @param limits the image limits
	 * @param faces the face settings
	 */
	public TrainingJobRequest(String task, String model, ArchitectureRequest architecture, String dataset,
			InputSize input, TrainingSettings settings, String promotion, Limits limits, FaceSettings faces) {
		this(task, model, architecture, dataset, input, settings, promotion, limits, faces, null, null, null);
	}

	/**
	 * A task's own settings object by its member name.
	 * @param field {@code faces}, {@code words} or {@code seq2seq}; {@code null} for none
	 * @return the settings, {@code null} when not given
	 */
	public Object taskSettings(String field) {
		return WorkerSpec.taskSettings(field, this.faces, this.words, this.seq2seq);
	}

	/**
	 * An architecture preset.
	 *
	 * @param name the preset, for example {@code conv-classifier}
	 * @param parameters its hyperparameters ({@code classes} is set from the data set)
	 * @author Modelport Team
	 */
	public record ArchitectureRequest(String name, Map<String, Object> parameters) {

	}

	/**
	 * An input image size.
	 *
	 * @param width the width in pixels
	 * @param height the height in pixels
	 * @author Modelport Team
	 */
	public record InputSize(Integer width, Integer height) {

	}

	/**
	 * Caps on the data used.
	 *
	 * @param trainImages use at most this many training images, 0 for all
	 * @param testImages use at most this many test images, 0 for all
	 * @author Modelport Team
	 */
	public record Limits(Integer trainImages, Integer testImages) {

	}

}
