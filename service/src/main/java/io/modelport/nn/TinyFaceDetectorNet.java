package io.modelport.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * face-api.js's tiny face detector, a Tiny-YOLOv2 made of depthwise-separable
 * convolutions: an input of side S (a multiple of 32; pixels minus {@link #MEAN_RGB},
 * over 255) becomes an S/32 × S/32 grid of {@link #ANCHORS}.length boxes, each five raw
 * numbers (x, y, w, h, objectness) that {@code faces.detection} decodes. A 3 × 3 "valid"
 * convolution, then five separable convolutions each followed by a 2 × 2 max pool (stride
 * 2, then 1 for the last), then a 1 × 1 convolution; every hidden layer is a leaky ReLU
 * of slope 0.1.
 *
 * @author Modelport Team
 */
public final class TinyFaceDetectorNet extends TfjsNet {

	/** The input side face-api uses by default. */
	public static final int DEFAULT_SIZE = 416;

	/** The mean RGB subtracted before dividing by 255. */
	public static final float[] MEAN_RGB = { 117.001f, 114.697f, 97.404f };

	/** The anchors (width, height) in grid cells. */
	public static final double[][] ANCHORS = { { 1.603231, 2.094468 }, { 6.041143, 7.080126 }, { 2.882459, 3.518061 },
			{ 4.266906, 5.178857 }, { 9.041765, 10.66308 } };

	/** Numbers per anchor: x, y, w, h, objectness. */
	public static final int ENCODING = 5;

	private static final int[] CHANNELS = { 16, 32, 64, 128, 256, 512 };

	private static final float SLOPE = 0.10000000149011612f;

	public TinyFaceDetectorNet() {
		super((byte) 1);
		declare("conv0/filters", 3, 3, 3, CHANNELS[0]);
		declare("conv0/bias", CHANNELS[0]);
		for (int i = 1; i < CHANNELS.length; i++) {
			declare("conv" + i + "/depthwise_filter", 3, 3, CHANNELS[i - 1], 1);
			declare("conv" + i + "/pointwise_filter", 1, 1, CHANNELS[i - 1], CHANNELS[i]);
			declare("conv" + i + "/bias", CHANNELS[i]);
		}
		declare("conv8/filters", 1, 1, CHANNELS[CHANNELS.length - 1], ANCHORS.length * ENCODING);
		declare("conv8/bias", ANCHORS.length * ENCODING);
	}

	@Override
	protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
			PairList<String, Object> params) {
		NDArray x = inputs.singletonOrThrow();
		x = leaky(conv(x, value(store, x, "conv0/filters", training), value(store, x, "conv0/bias", training), 1, false,
				1));
		x = maxPool(x, 2);
		for (int i = 1; i < CHANNELS.length; i++) {
			String prefix = "conv" + i;
			NDArray depthwise = value(store, x, prefix + "/depthwise_filter", training);
			x = conv(x, depthwise, null, 1, true, (int) depthwise.getShape().get(0));
			x = leaky(conv(x, value(store, x, prefix + "/pointwise_filter", training),
					value(store, x, prefix + "/bias", training), 1, false, 1));
			x = maxPool(x, (i < CHANNELS.length - 1) ? 2 : 1);
		}
		return new NDList(conv(x, value(store, x, "conv8/filters", training), value(store, x, "conv8/bias", training),
				1, false, 1));
	}

	// TF.js computes max(x - 0.1x, 0) + 0.1x: for finite x the same as a leaky ReLU.
	private static NDArray leaky(NDArray x) {
		NDArray min = x.mul(SLOPE);
		return x.sub(min).maximum(0f).add(min);
	}

	// TF.js "same" max pooling of a 2 × 2 window: the missing row and column (bottom and
	// right) never win, so they are padded with the lowest float.
	private static NDArray maxPool(NDArray x, int stride) {
		long size = x.getShape().get(2);
		long out = (size + stride - 1) / stride;
		long pad = Math.max((out - 1) * stride + 2 - size, 0);
		NDArray padded = (pad > 0) ? x.pad(new Shape(0, pad, 0, pad), -Float.MAX_VALUE) : x;
		return Pool.maxPool2d(padded, new Shape(2, 2), new Shape(stride, stride), new Shape(0, 0), false);
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		long cells = (inputShapes[0].get(2) - 2 + 31) / 32;
		return new Shape[] { new Shape(inputShapes[0].get(0), ANCHORS.length * ENCODING, cells, cells) };
	}

}
