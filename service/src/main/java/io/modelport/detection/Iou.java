package io.modelport.detection;

/**
 * Intersection over union of two boxes: the overlap measure that non-max suppression,
 * detector evaluation and anchor clustering all rest on.
 *
 * @author Modelport Team
 */
public final class Iou {

	private Iou() {
	}

	/**
	 * The area both boxes cover divided by the area either covers, in [0, 1].
	 * <p>
	 * Boxes that only touch share no area and score 0. When the union is empty (two
	 * zero-area boxes, even identical ones) the ratio is undefined; it is 0 here so that
	 * callers never see NaN.
	 * @param a one box
	 * @param b the other box
	 * @return the IoU, never NaN
	 */
	public static float of(BoundingBox a, BoundingBox b) {
		float overlapWidth = Math.min(a.right(), b.right()) - Math.max(a.x(), b.x());
		float overlapHeight = Math.min(a.bottom(), b.bottom()) - Math.max(a.y(), b.y());
		return fromOverlap(overlapWidth, overlapHeight, cornerArea(a), cornerArea(b));
	}

	/**
	 * The area measured from the corners, the way the overlap is measured, rather than as
	 * {@code width * height}: {@code (x + width) - x} can differ from {@code width} in
	 * float, and then identical boxes would score a hair below 1.
	 * @param box the box
	 * @return its area
	 */
	static float cornerArea(BoundingBox box) {
		return (box.right() - box.x()) * (box.bottom() - box.y());
	}

	/**
	 * The IoU from the size of the overlap and the two areas. Shared by every caller that
	 * has the geometry at hand in another form (primitive arrays, centred sizes), so that
	 * the edge cases are decided in one place.
	 * @param overlapWidth the width of the intersection, negative when there is none
	 * @param overlapHeight the height of the intersection, negative when there is none
	 * @param areaA the area of one box
	 * @param areaB the area of the other box
	 * @return the IoU, never NaN
	 */
	static float fromOverlap(float overlapWidth, float overlapHeight, float areaA, float areaB) {
		// Negated comparisons so that NaN inputs also end up as "no overlap".
		if (!(overlapWidth > 0) || !(overlapHeight > 0)) {
			return 0;
		}
		float intersection = overlapWidth * overlapHeight;
		float union = areaA + areaB - intersection;
		if (!(union > 0)) {
			return 0;
		}
		float iou = intersection / union;
		// Rounding can push the ratio a hair past 1, and infinite boxes give NaN.
		return (iou >= 0) ? Math.min(iou, 1f) : 0f;
	}

}
