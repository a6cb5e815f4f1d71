package io.modelport.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * face-api.js's 68-point landmark network: a 112 × 112 RGB face crop, normalised like
 * {@link FaceRecognitionResNet}'s input, becomes 68 (x, y) points relative to the crop (0
 * to 1). Four densely connected blocks of depthwise-separable convolutions halve the size
 * each (112 to 7), a 7 × 7 average pool and a fully connected layer give the 136
 * coordinates, interleaved x, y.
 *
 * @author Modelport Team
 */
public final class FaceLandmarkNet extends TfjsNet {

	/** The crop size. */
	public static final int SIZE = 112;

	/** The number of landmarks. */
	public static final int POINTS = 68;

	private static final int[] CHANNELS = { 32, 64, 128, 256 };

	public FaceLandmarkNet() {
		super((byte) 1);
		int in = 3;
		for (int block = 0; block < CHANNELS.length; block++) {
			int out = CHANNELS[block];
			String prefix = "dense" + block;
			if (block == 0) {
				declare(prefix + "/conv0/filters", 3, 3, in, out);
				declare(prefix + "/conv0/bias", out);
			}
			else {
				declareSeparable(prefix + "/conv0", in, out);
			}
			for (int conv = 1; conv <= 3; conv++) {
				declareSeparable(prefix + "/conv" + conv, out, out);
			}
			in = out;
		}
		declare("fc/weights", 256, 2 * POINTS);
		declare("fc/bias", 2 * POINTS);
	}

	private void declareSeparable(String prefix, int in, int out) {
		declare(prefix + "/depthwise_filter", 3, 3, in, 1);
		declare(prefix + "/pointwise_filter", 1, 1, in, out);
		declare(prefix + "/bias", out);
	}

	@Override
	protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
			PairList<String, Object> params) {
		NDArray x = inputs.singletonOrThrow();
		for (int block = 0; block < CHANNELS.length; block++) {
			String prefix = "dense" + block;
			NDArray out1;
			if (block == 0) {
				out1 = conv(x, value(store, x, prefix + "/conv0/filters", training),
						value(store, x, prefix + "/conv0/bias", training), 2, true, 1);
			}
			else {
				out1 = separable(store, x, prefix + "/conv0", 2, training);
			}
			out1 = out1.maximum(0f);
			NDArray out2 = separable(store, out1, prefix + "/conv1", 1, training);
			NDArray out3 = separable(store, out1.add(out2).maximum(0f), prefix + "/conv2", 1, training);
			NDArray out4 = separable(store, out1.add(out2.add(out3)).maximum(0f), prefix + "/conv3", 1, training);
			x = out1.add(out2.add(out3.add(out4))).maximum(0f);
		}
		x = Pool.avgPool2d(x, new Shape(7, 7), new Shape(2, 2), new Shape(0, 0), false, true);
		x = x.reshape(x.getShape().get(0), -1);
		return new NDList(x.matMul(value(store, x, "fc/weights", training)).add(value(store, x, "fc/bias", training)));
	}

	private NDArray separable(ParameterStore store, NDArray x, String prefix, int stride, boolean training) {
		NDArray depthwise = value(store, x, prefix + "/depthwise_filter", training);
		NDArray out = conv(x, depthwise, null, stride, true, (int) depthwise.getShape().get(0));
		return conv(out, value(store, x, prefix + "/pointwise_filter", training),
				value(store, x, prefix + "/bias", training), 1, false, 1);
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { new Shape(inputShapes[0].get(0), 2 * POINTS) };
	}

}
