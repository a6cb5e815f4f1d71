package io.modelport.detection;

import java.util.Arrays;

/**
 * How a detector lays out its raw output, named in the descriptor's {@code outputLayout}
 * parameter.
 *
 * @author Modelport Team
 */
public enum OutputLayout {

	/**
	 * A YOLO grid (docs/ml-notes.md, "Detection"): {@code [A·(5+C), S, S]} channels first
	 * as a convolution head emits it, or {@code [S, S, A, 5+C]} /
	 * {@code [S, S, A·(5+C)]}; per cell and anchor
	 * {@code [p_c, b_x, b_y, b_h, b_w, c_1..c_C]}, centres relative to the cell, sizes
	 * relative to the anchor (or the cell or image).
	 */
	GRID("grid"),

	/**
	 * One row per candidate, {@code [N, 4+1+C]}: centre x, centre y, width, height in
	 * input pixels, objectness, class scores (YOLOv5 exports).
	 */
	FLAT_OBJECTNESS("flat-objectness"),

	/**
	 * One row per candidate, {@code [N, 4+C]} or transposed {@code [4+C, N]}: centre x,
	 * centre y, width, height in input pixels, class scores (YOLOv8 exports).
	 */
	FLAT("flat");

	private final String id;

	OutputLayout(String id) {
		this.id = id;
	}

	public String id() {
		return this.id;
	}

	/**
	 * Parses a descriptor value.
	 * @param id the identifier
	 * @return the layout
	 * @throws IllegalArgumentException when unknown
	 */
	public static OutputLayout fromId(String id) {
		return Arrays.stream(values())
			.filter((layout) -> layout.id.equals(id))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown outputLayout '" + id + "', expected one of "
					+ Arrays.stream(values()).map(OutputLayout::id).toList()));
	}

}
