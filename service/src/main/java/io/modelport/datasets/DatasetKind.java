package io.modelport.datasets;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The kinds of dataset, each with the id used in the API and in {@code dataset.json}.
 *
 * @author Modelport Team
 */
public enum DatasetKind {

	/** A zip archive with one folder of images per class. */
	IMAGE_FOLDERS("image-folders"),

	/** A zip archive with IDX files: a train pair and an optional t10k pair. */
	IDX("idx"),

	/** A plain UTF-8 text corpus. */
	TEXT("text"),

	/** UTF-8 lines of tab-separated source and target. */
	SEQUENCE_PAIRS("sequence-pairs"),

	/**
	 * A zip archive of a detection data set in YOLO format: {@code images/},
	 * {@code labels/} with one {@code class cx cy w h} line per object, optional
	 * {@code classes.txt}.
	 */
	YOLO("yolo"),

	/**
	 * A zip archive of a detection data set in COCO format: one annotations {@code .json}
	 * file at the top and the images in {@code images/}.
	 */
	COCO("coco");

	private final String id;

	DatasetKind(String id) {
		this.id = id;
	}

	/**
	 * The id used in the API.
	 * @return the id, for example {@code image-folders}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Tells whether datasets of this kind hold labelled images.
	 * @return {@code true} for {@code image-folders} and {@code idx}
	 */
	public boolean isImages() {
		return this == IMAGE_FOLDERS || this == IDX;
	}

	/**
	 * Tells whether datasets of this kind hold images with labelled boxes.
	 * @return {@code true} for {@code yolo} and {@code coco}
	 */
	public boolean isDetection() {
		return this == YOLO || this == COCO;
	}

	/**
	 * Finds a kind by its id.
	 * @param id the id
	 * @return the kind
	 * @throws IllegalArgumentException when no kind has that id, with a message listing
	 * the valid ids
	 */
	public static DatasetKind fromId(String id) {
		for (DatasetKind kind : values()) {
			if (kind.id.equals(id)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("unknown dataset kind '" + id + "': use one of " + ids());
	}

	private static String ids() {
		return Arrays.stream(values()).map(DatasetKind::id).collect(Collectors.joining(", "));
	}

}
