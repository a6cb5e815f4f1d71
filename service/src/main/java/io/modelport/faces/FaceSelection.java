package io.modelport.faces;

import java.util.List;
import java.util.function.ToDoubleFunction;

import io.modelport.core.InvalidRequestException;

/**
 * Which faces of a photo a request is about, the {@code face} parameter: {@code largest}
 * (the default: the face with the largest box), {@code all}, or a zero-based index into
 * the faces as {@code faces/detect} lists them (left to right).
 *
 * @param mode what to select
 * @param index the index, for {@link Mode#INDEX}
 * @author Modelport Team
 */
public record FaceSelection(Mode mode, int index) {

	/** The default. */
	public static final FaceSelection LARGEST = new FaceSelection(Mode.LARGEST, 0);

	/** Every face. */
	public static final FaceSelection ALL = new FaceSelection(Mode.ALL, 0);

	private static final int MAX_INDEX = 999;

	/**
	 * Parses the parameter.
	 * @param value the parameter, {@code null} for the default
	 * @return the selection
	 * @throws InvalidRequestException naming {@code face} when it is none of the forms
	 */
	public static FaceSelection parse(String value) {
		if (value == null || value.equals("largest")) {
			return LARGEST;
		}
		if (value.equals("all")) {
			return ALL;
		}
		if (value.matches("[0-9]{1,3}")) {
			return new FaceSelection(Mode.INDEX, Integer.parseInt(value));
		}
		throw new InvalidRequestException("face must be 'largest', 'all' or a face index 0-" + MAX_INDEX + " (as "
				+ "faces/detect lists them, left to right), not '" + value + "'");
	}

	/**
	 * Applies the selection to the faces of a photo.
	 * @param <T> the face type
	 * @param faces the faces, left to right
	 * @param area the area of a face, to find the largest
	 * @return the selected faces, never empty
	 * @throws NoFaceException when the photo holds none, or not the one asked for
	 */
	public <T> List<T> select(List<T> faces, ToDoubleFunction<T> area) {
		if (faces.isEmpty()) {
			throw new NoFaceException("no face was found in the photo");
		}
		return switch (this.mode) {
			case ALL -> faces;
			case INDEX -> {
				if (this.index >= faces.size()) {
					throw new NoFaceException("face " + this.index + " was asked for, but the photo holds "
							+ faces.size() + " face" + ((faces.size() == 1) ? "" : "s") + " (indices from 0)");
				}
				yield List.of(faces.get(this.index));
			}
			case LARGEST -> {
				T largest = faces.get(0);
				for (T face : faces) {
					if (area.applyAsDouble(face) > area.applyAsDouble(largest)) {
						largest = face;
					}
				}
				yield List.of(largest);
			}
		};
	}

	/**
	 * The selection's faces, exactly one of them.
	 * @param <T> the face type
	 * @param faces the faces, left to right
	 * @param area the area of a face
	 * @return the face
	 * @throws SeveralFacesException when {@code all} finds more than one
	 */
	public <T> T one(List<T> faces, ToDoubleFunction<T> area) {
		List<T> selected = select(faces, area);
		if (selected.size() > 1) {
			throw new SeveralFacesException("the photo holds " + selected.size()
					+ " faces where one is required: send face=largest or a face index");
		}
		return selected.get(0);
	}

	/** What a selection picks. */
	public enum Mode {

		/** The face with the largest box. */
		LARGEST,

		/** Every face. */
		ALL,

		/** One face by its index. */
		INDEX

	}

}
