package io.modelport.faces.detection;

/**
 * A detected face's box in photo pixels.
 *
 * @param x the left edge
 * @param y the top edge
 * @param width the width
 * @param height the height
 * @param score the detector's confidence, 0 to 1
 * @author Modelport Team
 */
public record FaceBox(double x, double y, double width, double height, double score) {

	/**
	 * The intersection over union with another box.
	 * @param other the other box
	 * @return 0 to 1
	 */
	public double iou(FaceBox other) {
		double w = Math.max(0, Math.min(this.x + this.width, other.x + other.width) - Math.max(this.x, other.x));
		double h = Math.max(0, Math.min(this.y + this.height, other.y + other.height) - Math.max(this.y, other.y));
		double inter = w * h;
		return inter / (this.width * this.height + other.width * other.height - inter);
	}

	/**
	 * The area, to order faces by size.
	 * @return width × height
	 */
	public double area() {
		return this.width * this.height;
	}

}
