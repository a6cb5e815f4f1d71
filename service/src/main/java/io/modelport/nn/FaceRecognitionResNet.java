package io.modelport.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * dlib's face-recognition ResNet as face-api.js ported it: a 150 × 150 RGB face chip,
 * normalised as (pixel − mean RGB) / 255, becomes a 128-d descriptor. A 7 × 7 stride-2
 * convolution and a 3 × 3 max pool feed 14 residual blocks at 32, 64, 128 and 256
 * channels; every convolution is followed by dlib's affine "scale" layer; the
 * down-sampling blocks add a 2 × 2 average pool of their input, zero-padded in channels
 * (and in size where the strided convolution came out one pixel smaller); a global
 * average and a 256 × 128 matrix give the descriptor.
 *
 * @author Modelport Team
 */
public final class FaceRecognitionResNet extends TfjsNet {

	/** The chip size. */
	public static final int SIZE = 150;

	/** The descriptor size. */
	public static final int DESCRIPTOR = 128;

	/** Mean R, G, B subtracted before dividing by 255. */
	public static final float[] MEAN_RGB = { 122.782f, 117.001f, 104.298f };

	// name, input channels, output channels, down-sampling
	private static final Object[][] RESIDUALS = { { "conv32_1", 32, 32, false }, { "conv32_2", 32, 32, false },
			{ "conv32_3", 32, 32, false }, { "conv64_down", 32, 64, true }, { "conv64_1", 64, 64, false },
			{ "conv64_2", 64, 64, false }, { "conv64_3", 64, 64, false }, { "conv128_down", 64, 128, true },
			{ "conv128_1", 128, 128, false }, { "conv128_2", 128, 128, false }, { "conv256_down", 128, 256, true },
			{ "conv256_1", 256, 256, false }, { "conv256_2", 256, 256, false },
			{ "conv256_down_out", 256, 256, true } };

	public FaceRecognitionResNet() {
		super((byte) 1);
		declareConv("conv32_down", 7, 3, 32);
		for (Object[] residual : RESIDUALS) {
			String name = (String) residual[0];
			declareConv(name + "/conv1", 3, (int) residual[1], (int) residual[2]);
			declareConv(name + "/conv2", 3, (int) residual[2], (int) residual[2]);
		}
		declare("fc", 256, DESCRIPTOR);
	}

	private void declareConv(String prefix, int kernel, int in, int out) {
		declare(prefix + "/conv/filters", kernel, kernel, in, out);
		declare(prefix + "/conv/bias", out);
		declare(prefix + "/scale/weights", out);
		declare(prefix + "/scale/biases", out);
	}

	@Override
	protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
			PairList<String, Object> params) {
		NDArray x = inputs.singletonOrThrow();
		x = layer(store, x, "conv32_down", 2, false, true, training);
		x = Pool.maxPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(0, 0), false);
		for (Object[] residual : RESIDUALS) {
			String name = (String) residual[0];
			x = ((boolean) residual[3]) ? residualDown(store, x, name, training) : residual(store, x, name, training);
		}
		NDArray pooled = x.mean(new int[] { 3 }).mean(new int[] { 2 });
		return new NDList(pooled.matMul(value(store, x, "fc", training)));
	}

	private NDArray layer(ParameterStore store, NDArray x, String prefix, int stride, boolean same, boolean relu,
			boolean training) {
		NDArray out = conv(x, value(store, x, prefix + "/conv/filters", training),
				value(store, x, prefix + "/conv/bias", training), stride, same, 1);
		out = out.mul(perChannel(value(store, x, prefix + "/scale/weights", training)))
			.add(perChannel(value(store, x, prefix + "/scale/biases", training)));
		return relu ? out.maximum(0f) : out;
	}

	private NDArray residual(ParameterStore store, NDArray x, String name, boolean training) {
		NDArray out = layer(store, x, name + "/conv1", 1, true, true, training);
		out = layer(store, out, name + "/conv2", 1, true, false, training);
		return out.add(x).maximum(0f);
	}

	private NDArray residualDown(ParameterStore store, NDArray x, String name, boolean training) {
		NDArray out = layer(store, x, name + "/conv1", 2, false, true, training);
		out = layer(store, out, name + "/conv2", 1, true, false, training);
		NDArray pooled = Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
		long grow = pooled.getShape().get(2) - out.getShape().get(2);
		if (grow > 0) {
			out = out.pad(new Shape(0, grow, 0, grow), 0);
		}
		long missing = out.getShape().get(1) - pooled.getShape().get(1);
		if (missing > 0) {
			pooled = pooled.pad(new Shape(0, 0, 0, 0, 0, missing), 0);
		}
		return pooled.add(out).maximum(0f);
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { new Shape(inputShapes[0].get(0), DESCRIPTOR) };
	}

}
