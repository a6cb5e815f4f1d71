package io.modelport.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * A reader of uploaded data sets whose layout belongs to a task (YOLO and COCO boxes
 * belong to detection). The catalog finds readers with {@link ServiceLoader} in
 * {@code META-INF/services/io.modelport.datasets.UploadFormat}, so the data set layer
 * imports no task.
 *
 * @author Modelport Team
 */
public interface UploadFormat {

	/**
	 * Whether this format reads a kind.
	 * @param kind the kind
	 * @return {@code true} when it does
	 */
	boolean reads(DatasetKind kind);

	/**
	 * Reads every file of an extracted upload once, so a training job never meets a
	 * broken one.
	 * @param kind the kind
	 * @param data the extracted folder
	 * @param maxPixels the largest image accepted
	 * @return the details to store with the data set
	 * @throws IOException when a file cannot be read
	 */
	Map<String, Object> validate(DatasetKind kind, Path data, long maxPixels) throws IOException;

	/**
	 * The registered format that reads a kind.
	 * @param kind the kind
	 * @return the format
	 * @throws IllegalStateException when none is registered
	 */
	static UploadFormat forKind(DatasetKind kind) {
		for (UploadFormat format : ServiceLoader.load(UploadFormat.class, UploadFormat.class.getClassLoader())) {
			if (format.reads(kind)) {
				return format;
			}
		}
		throw new IllegalStateException("no upload format reads " + kind.id());
	}

}
