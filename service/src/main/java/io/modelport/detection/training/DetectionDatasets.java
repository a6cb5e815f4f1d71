package io.modelport.detection.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.modelport.core.InvalidRequestException;
import io.modelport.datasets.Dataset;
import io.modelport.datasets.DatasetKind;
import io.modelport.datasets.UploadFormat;

/**
 * Reads and validates uploaded detection data sets (YOLO and COCO layouts), an upload
 * format the data set catalog finds without importing detection. Validation reads every
 * image and label once at upload, so a training job never meets a broken file.
 *
 * @author Modelport Team
 */
public final class DetectionDatasets implements UploadFormat {

	/** The images folder of a COCO upload. */
	public static final String COCO_IMAGES = "images";

	/**
	 * The upload format the data set catalog finds with {@link java.util.ServiceLoader}.
	 */
	public DetectionDatasets() {
	}

	@Override
	public boolean reads(DatasetKind kind) {
		return kind.isDetection();
	}

	/**
	 * Reads a stored detection data set.
	 * @param dataset the data set
	 * @param maxPixels the largest image accepted
	 * @return the labels and scenes
	 * @throws IOException when a file cannot be read
	 */
	public static DetectionData load(Dataset dataset, long maxPixels) throws IOException {
		return read(dataset.kind(), dataset.dataDirectory(), maxPixels);
	}

	@Override
	public Map<String, Object> validate(DatasetKind kind, Path data, long maxPixels) throws IOException {
		DetectionData read;
		try {
			read = read(kind, data, maxPixels);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("invalid " + kind.id() + " data set: " + ex.getMessage());
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("classes", read.labels());
		details.put("images", read.scenes().size());
		details.put("objects", read.scenes().stream().mapToInt((scene) -> scene.objects().size()).sum());
		return details;
	}

	private static DetectionData read(DatasetKind kind, Path data, long maxPixels) throws IOException {
		if (kind == DatasetKind.YOLO) {
			return YoloLabels.read(data, maxPixels);
		}
		List<Path> annotations;
		try (Stream<Path> files = Files.list(data)) {
			annotations = files.filter((file) -> file.getFileName().toString().endsWith(".json")).toList();
		}
		if (annotations.size() != 1) {
			throw new IllegalArgumentException(
					"a COCO archive needs exactly one annotations .json file at its top, found " + annotations.size());
		}
		return CocoAnnotations.read(annotations.get(0), data.resolve(COCO_IMAGES), maxPixels);
	}

}
