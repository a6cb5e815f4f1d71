package io.modelport.datasets;

import java.time.Instant;
import java.util.Map;

/**
 * A dataset as the API shows it, without its location on disk.
 *
 * @param name the dataset name
 * @param kind the kind id, for example {@code image-folders}
 * @param source {@code built-in} or {@code upload}
 * @param details facts about the data, depending on the kind
 * @param createdAt when the dataset was stored
 * @author Modelport Team
 */
public record DatasetView(String name, String kind, String source, Map<String, Object> details, Instant createdAt) {

	/**
	 * Creates the view of a dataset.
	 * @param dataset the dataset
	 * @return the view
	 */
	public static DatasetView of(Dataset dataset) {
		return new DatasetView(dataset.name(), dataset.kind().id(), dataset.source(), dataset.details(),
				dataset.createdAt());
	}

}
