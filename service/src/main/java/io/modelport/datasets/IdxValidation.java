package io.modelport.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import io.modelport.core.InvalidRequestException;
import io.modelport.web.PayloadTooLargeException;

/**
 * Checks the files of an uploaded {@code idx} dataset: a train pair, and a t10k pair of
 * the same image size when there is one.
 *
 * @author Modelport Team
 */
final class IdxValidation {

	private IdxValidation() {
	}

	/**
	 * Checks the IDX files of a data folder.
	 * @param data the data folder
	 * @param maxBytes the most pixel bytes of a split
	 * @return the details: {@code classes}, {@code classCount}, {@code trainImages},
	 * {@code testImages} (with a test split), {@code width}, {@code height}
	 * @throws IOException when a file cannot be read
	 * @throws InvalidRequestException when files are missing or invalid
	 * @throws PayloadTooLargeException when a split has too many pixels
	 */
	static Map<String, Object> validate(Path data, long maxBytes) throws IOException {
		IdxFiles.Split train = split(data, IdxFiles.TRAIN_IMAGES, IdxFiles.TRAIN_LABELS, maxBytes)
			.orElseThrow(() -> new InvalidRequestException("an idx dataset needs " + IdxFiles.TRAIN_IMAGES
					+ "[.gz] and " + IdxFiles.TRAIN_LABELS + "[.gz] at the top of the archive"));
		Optional<IdxFiles.Split> test = split(data, IdxFiles.TEST_IMAGES, IdxFiles.TEST_LABELS, maxBytes);
		if (test.isPresent() && (test.get().rows() != train.rows() || test.get().cols() != train.cols())) {
			throw new InvalidRequestException("the t10k images are " + test.get().cols() + "x" + test.get().rows()
					+ " but the train images are " + train.cols() + "x" + train.rows());
		}
		int maxLabel = Math.max(train.maxLabel(), test.map(IdxFiles.Split::maxLabel).orElse(0));
		List<String> classes = IntStream.rangeClosed(0, maxLabel).mapToObj(Integer::toString).toList();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("classes", classes);
		details.put("classCount", train.distinctLabels());
		details.put("trainImages", train.count());
		test.ifPresent((split) -> details.put("testImages", split.count()));
		details.put("width", train.cols());
		details.put("height", train.rows());
		return details;
	}

	private static Optional<IdxFiles.Split> split(Path data, String imagesName, String labelsName, long maxBytes)
			throws IOException {
		Optional<Path> images = IdxFiles.find(data, imagesName);
		Optional<Path> labels = IdxFiles.find(data, labelsName);
		if (images.isEmpty() && labels.isEmpty()) {
			return Optional.empty();
		}
		if (images.isEmpty() || labels.isEmpty()) {
			String missing = images.isEmpty() ? imagesName : labelsName;
			throw new InvalidRequestException(missing + "[.gz] is missing: IDX images and labels come in pairs");
		}
		IdxFiles.Split split = IdxFiles.inspect(images.get(), labels.get(), maxBytes);
		try {
			// The trainer reads the files with ImageSet: make sure it accepts them.
			ImageSet.readIdx(images.get(), labels.get(), 1);
		}
		catch (IOException ex) {
			throw new InvalidRequestException(images.get().getFileName() + " cannot be read: " + ex.getMessage());
		}
		return Optional.of(split);
	}

}
