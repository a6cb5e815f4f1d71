package io.modelport.faces.alignment;

/**
 * A 2-D similarity transform q = s·R·p + t, stored as q.x = a·p.x − b·p.y + tx, q.y =
 * b·p.x + a·p.y + ty (a = s cos θ, b = s sin θ).
 *
 * @param a s cos θ
 * @param b s sin θ
 * @param tx the x translation
 * @param ty the y translation
 * @author Modelport Team
 */
public record Similarity(double a, double b, double tx, double ty) {

	/**
	 * The least-squares similarity from one point set to another (Umeyama's closed form,
	 * which in two dimensions needs no SVD: the rotation and scale come from the summed
	 * dot and cross products of the centred points, and a reflection cannot arise).
	 * @param from x0, y0, x1, y1, ... the source points
	 * @param to the target points, same count
	 * @return the transform taking {@code from} closest to {@code to}
	 * @throws IllegalArgumentException when the counts differ, or the source points all
	 * coincide
	 */
	public static Similarity fit(double[] from, double[] to) {
		if (from.length != to.length || from.length < 4 || from.length % 2 != 0) {
			throw new IllegalArgumentException("need two equal sets of at least two points");
		}
		int n = from.length / 2;
		double fx = 0;
		double fy = 0;
		double gx = 0;
		double gy = 0;
		for (int i = 0; i < n; i++) {
			fx += from[2 * i];
			fy += from[2 * i + 1];
			gx += to[2 * i];
			gy += to[2 * i + 1];
		}
		fx /= n;
		fy /= n;
		gx /= n;
		gy /= n;
		double dot = 0;
		double cross = 0;
		double variance = 0;
		for (int i = 0; i < n; i++) {
			double px = from[2 * i] - fx;
			double py = from[2 * i + 1] - fy;
			double qx = to[2 * i] - gx;
			double qy = to[2 * i + 1] - gy;
			dot += px * qx + py * qy;
			cross += px * qy - py * qx;
			variance += px * px + py * py;
		}
		if (!(variance > 1e-12)) {
			throw new IllegalArgumentException("the source points coincide");
		}
		double a = dot / variance;
		double b = cross / variance;
		return new Similarity(a, b, gx - (a * fx - b * fy), gy - (b * fx + a * fy));
	}

	/**
	 * The scale s.
	 * @return s
	 */
	public double scale() {
		return Math.hypot(this.a, this.b);
	}

	/**
	 * The inverse transform.
	 * @return the transform taking q back to p
	 */
	public Similarity inverse() {
		double ss = this.a * this.a + this.b * this.b;
		double ia = this.a / ss;
		double ib = -this.b / ss;
		return new Similarity(ia, ib, -(ia * this.tx - ib * this.ty), -(ib * this.tx + ia * this.ty));
	}

	/**
	 * Maps x.
	 * @param x the point's x
	 * @param y the point's y
	 * @return the mapped x
	 */
	public double x(double x, double y) {
		return this.a * x - this.b * y + this.tx;
	}

	/**
	 * Maps y.
	 * @param x the point's x
	 * @param y the point's y
	 * @return the mapped y
	 */
	public double y(double x, double y) {
		return this.b * x + this.a * y + this.ty;
	}

}
