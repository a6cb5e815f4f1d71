package io.modelport.detection;

/**
 * An axis-aligned box: its top-left corner and its size, in pixels of the image it
 * belongs to (or in any one unit, as long as the boxes compared share it).
 *
 * @param x the left edge
 * @param y the top edge
 * @param width the width, never negative
 * @param height the height, never negative
 * @author Modelport Team
 */
public record BoundingBox(float x, float y, float width, float height) {

	public BoundingBox {
		if (!(width >= 0) || !(height >= 0)) {
			throw new IllegalArgumentException("a box needs a size >= 0, was " + width + " x " + height);
		}
	}

	/**
	 * A box from its centre and size, the way the notes and YOLO describe boxes.
	 * @param centerX the centre's x
	 * @param centerY the centre's y
	 * @param width the width
	 * @param height the height
	 * @return the box
	 */
	public static BoundingBox fromCenter(float centerX, float centerY, float width, float height) {
		return new BoundingBox(centerX - width / 2, centerY - height / 2, width, height);
	}

	public float right() {
		return this.x + this.width;
	}

	public float bottom() {
		return this.y + this.height;
	}

	public float area() {
		return this.width * this.height;
	}

}
