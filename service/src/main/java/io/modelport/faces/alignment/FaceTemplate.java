package io.modelport.faces.alignment;

/**
 * Where the 68 landmarks of a canonical face fall in a face chip: the mean face shape
 * dlib aligns its 150 × 150 chips to (its published mean positions of landmarks 17-67,
 * brows, nose, eyes and mouth, in a unit square), with a margin of a quarter of the face
 * on every side, as dlib's recognition network was trained on. The jaw line (0-16) is
 * left out: it moves with pose and expression.
 *
 * @author Modelport Team
 */
public final class FaceTemplate {

	/** The first landmark used (the outer end of the right brow). */
	public static final int FIRST = 17;

	/** The margin around the face, as a share of the face size. */
	public static final double PADDING = 0.25;

	private static final double[] X = { 0.000213256, 0.0752622, 0.18113, 0.29077, 0.393397, 0.586856, 0.689483,
			0.799124, 0.904991, 0.98004, 0.490127, 0.490127, 0.490127, 0.490127, 0.36688, 0.426036, 0.490127, 0.554217,
			0.613373, 0.121737, 0.187122, 0.265825, 0.334606, 0.260918, 0.182743, 0.645647, 0.714428, 0.793132,
			0.858516, 0.79751, 0.719335, 0.254149, 0.340985, 0.428858, 0.490127, 0.551395, 0.639268, 0.726104, 0.642159,
			0.556721, 0.490127, 0.423532, 0.338094, 0.290379, 0.428096, 0.490127, 0.552157, 0.689874, 0.553364,
			0.490127, 0.42689 };

	private static final double[] Y = { 0.106454, 0.038915, 0.0187482, 0.0344891, 0.0773906, 0.0773906, 0.0344891,
			0.0187482, 0.038915, 0.106454, 0.203352, 0.307009, 0.409805, 0.515625, 0.587326, 0.609345, 0.628106,
			0.609345, 0.587326, 0.216423, 0.178758, 0.179852, 0.231733, 0.245099, 0.244077, 0.231733, 0.179852,
			0.178758, 0.216423, 0.244077, 0.245099, 0.780233, 0.745405, 0.727388, 0.742578, 0.727388, 0.745405,
			0.780233, 0.864805, 0.902192, 0.909281, 0.902192, 0.864805, 0.784792, 0.778746, 0.785343, 0.778746,
			0.784792, 0.824182, 0.831803, 0.824182 };

	private FaceTemplate() {
	}

	/**
	 * The template points in a chip.
	 * @param size the chip side in pixels
	 * @return x, y pairs for landmarks {@value #FIRST} to 67
	 */
	public static double[] points(int size) {
		double[] points = new double[2 * X.length];
		for (int i = 0; i < X.length; i++) {
			points[2 * i] = (PADDING + X[i]) / (2 * PADDING + 1) * size;
			points[2 * i + 1] = (PADDING + Y[i]) / (2 * PADDING + 1) * size;
		}
		return points;
	}

	/**
	 * The landmarks the template covers, from all 68.
	 * @param landmarks x, y pairs for the 68 landmarks
	 * @return x, y pairs for landmarks {@value #FIRST} to 67
	 */
	public static double[] used(float[] landmarks) {
		double[] points = new double[landmarks.length - 2 * FIRST];
		for (int i = 0; i < points.length; i++) {
			points[i] = landmarks[2 * FIRST + i];
		}
		return points;
	}

}
