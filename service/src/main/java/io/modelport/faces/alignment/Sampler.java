package io.modelport.faces.alignment;

/**
 * Resamples RGB planes through a similarity (the target pixel's centre mapped back into
 * the source), bilinearly, averaging k × k sub-samples when the target is much smaller
 * than the source so a large photo does not alias into a 112-pixel crop. Outside the
 * source is black, like face-api's padding.
 *
 * @author Modelport Team
 */
final class Sampler {

	private Sampler() {
	}

	/**
	 * Resamples.
	 * @param planes the source planes, 0-255, row-major
	 * @param w the source width
	 * @param h the source height
	 * @param targetToSource maps a target pixel position to the source
	 * @param size the target side
	 * @return the target planes
	 */
	static float[][] sample(float[][] planes, int w, int h, Similarity targetToSource, int size) {
		int k = Math.max(1, Math.min(8, (int) Math.ceil(targetToSource.scale() - 0.25)));
		float[][] out = new float[planes.length][size * size];
		float[] acc = new float[planes.length];
		for (int v = 0; v < size; v++) {
			for (int u = 0; u < size; u++) {
				java.util.Arrays.fill(acc, 0f);
				for (int j = 0; j < k; j++) {
					for (int i = 0; i < k; i++) {
						double tu = u + (i + 0.5) / k - 0.5;
						double tv = v + (j + 0.5) / k - 0.5;
						bilinear(planes, w, h, targetToSource.x(tu, tv), targetToSource.y(tu, tv), acc);
					}
				}
				for (int c = 0; c < planes.length; c++) {
					out[c][v * size + u] = acc[c] / (k * k);
				}
			}
		}
		return out;
	}

	private static void bilinear(float[][] planes, int w, int h, double x, double y, float[] acc) {
		int x0 = (int) Math.floor(x);
		int y0 = (int) Math.floor(y);
		float fx = (float) (x - x0);
		float fy = (float) (y - y0);
		for (int c = 0; c < planes.length; c++) {
			float[] p = planes[c];
			float top = lerp(at(p, w, h, x0, y0), at(p, w, h, x0 + 1, y0), fx);
			float bottom = lerp(at(p, w, h, x0, y0 + 1), at(p, w, h, x0 + 1, y0 + 1), fx);
			acc[c] += lerp(top, bottom, fy);
		}
	}

	private static float at(float[] plane, int w, int h, int x, int y) {
		return (x < 0 || y < 0 || x >= w || y >= h) ? 0f : plane[y * w + x];
	}

	private static float lerp(float a, float b, float t) {
		return a + (b - a) * t;
	}

}
