package io.modelport.nn;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;

/**
 * A network ported from TF.js with its parameters named as in the TF.js manifest: the
 * subclass declares each tensor with its TF.js shape, and this class keeps the PyTorch
 * layout (filters as out, in, height, width; depthwise filters as channels, 1, height,
 * width) so the same block serves and trains in DJL. TF.js "same" padding is symmetric
 * for stride 1 but puts the odd pixel at the bottom and right for stride 2, which is why
 * convolutions pad explicitly here.
 *
 * @author Modelport Team
 */
public abstract class TfjsNet extends AbstractBlock {

	private final Map<String, Parameter> byName = new LinkedHashMap<>();

	private final Map<String, int[]> tfShapes = new LinkedHashMap<>();

	/**
	 * A network whose parameter files carry a version.
	 * @param version the parameter layout version
	 */
	protected TfjsNet(byte version) {
		super(version);
	}

	/**
	 * Declares one parameter.
	 * @param name the TF.js manifest name
	 * @param tfShape the TF.js shape
	 */
	protected final void declare(String name, int... tfShape) {
		Parameter.Type type = (tfShape.length == 1) ? Parameter.Type.BIAS : Parameter.Type.WEIGHT;
		Parameter parameter = addParameter(Parameter.builder()
			.setName(name.replace('/', '_'))
			.setType(type)
			.optShape(new Shape(Arrays.stream(toDjl(name, tfShape)).asLongStream().toArray()))
			.build());
		this.byName.put(name, parameter);
		this.tfShapes.put(name, tfShape);
	}

	/**
	 * The value of a parameter in a forward pass.
	 * @param store the parameter store
	 * @param like an array on the device to compute on
	 * @param name the TF.js name
	 * @param training whether this is a training pass
	 * @return the value
	 */
	protected final NDArray value(ParameterStore store, NDArray like, String name, boolean training) {
		return store.getValue(this.byName.get(name), like.getDevice(), training);
	}

	/**
	 * Copies TF.js tensors into this (initialised) block's parameters, reordering
	 * convolution filters to the PyTorch layout.
	 * @param tensors the manifest's tensors
	 * @throws IllegalArgumentException when a tensor is missing, extra or of another
	 * shape
	 */
	public void setWeights(Map<String, TfjsWeights.Tensor> tensors) {
		if (!tensors.keySet().equals(this.byName.keySet())) {
			throw new IllegalArgumentException(
					"the manifest names " + tensors.keySet() + " but the network needs " + this.byName.keySet());
		}
		for (Map.Entry<String, Parameter> entry : this.byName.entrySet()) {
			TfjsWeights.Tensor tensor = tensors.get(entry.getKey());
			if (!Arrays.equals(tensor.shape(), this.tfShapes.get(entry.getKey()))) {
				throw new IllegalArgumentException(entry.getKey() + " has shape " + tensor.dims() + " in the manifest");
			}
			entry.getValue().getArray().set(FloatBuffer.wrap(reorder(entry.getKey(), tensor)));
		}
	}

	/**
	 * Reads parameters written by {@link #saveParameters} with arrays owned by a manager,
	 * for a network that is not the model's own block.
	 * @param manager owns the arrays
	 * @param in the stream
	 * @param inputShape a valid input shape, to initialise the parameters first
	 * @throws IOException when the stream cannot be read
	 * @throws MalformedModelException when it is not this network's parameters
	 */
	public void load(NDManager manager, DataInputStream in, Shape inputShape)
			throws IOException, MalformedModelException {
		initialize(manager, DataType.FLOAT32, inputShape);
		loadParameters(manager, in);
	}

	private static int[] toDjl(String name, int[] tf) {
		if (tf.length != 4) {
			return tf.clone();
		}
		if (name.endsWith("depthwise_filter")) {
			return new int[] { tf[2], tf[3], tf[0], tf[1] };
		}
		return new int[] { tf[3], tf[2], tf[0], tf[1] };
	}

	private static float[] reorder(String name, TfjsWeights.Tensor tensor) {
		int[] s = tensor.shape();
		if (s.length != 4) {
			return tensor.values();
		}
		float[] src = tensor.values();
		float[] dst = new float[src.length];
		boolean depthwise = name.endsWith("depthwise_filter");
		int kh = s[0];
		int kw = s[1];
		int in = s[2];
		int out = s[3];
		for (int y = 0; y < kh; y++) {
			for (int x = 0; x < kw; x++) {
				for (int i = 0; i < in; i++) {
					for (int o = 0; o < out; o++) {
						float v = src[((y * kw + x) * in + i) * out + o];
						int index = depthwise ? ((i * out + o) * kh + y) * kw + x : ((o * in + i) * kh + y) * kw + x;
						dst[index] = v;
					}
				}
			}
		}
		return dst;
	}

	/**
	 * A convolution with TF.js padding.
	 * @param x the input, NCHW
	 * @param filter the filter, PyTorch layout
	 * @param bias the bias, may be {@code null}
	 * @param stride the stride
	 * @param same whether TF.js "same" padding applies (else "valid")
	 * @param groups 1, or the channel count for a depthwise convolution
	 * @return the output
	 */
	protected static NDArray conv(NDArray x, NDArray filter, NDArray bias, int stride, boolean same, int groups) {
		int k = (int) filter.getShape().get(2);
		NDArray input = x;
		int pad = 0;
		if (same) {
			long size = x.getShape().get(2);
			long out = (size + stride - 1) / stride;
			long total = Math.max((out - 1) * stride + k - size, 0);
			long before = total / 2;
			if (total % 2 == 0) {
				pad = (int) before;
			}
			else {
				input = x.pad(new Shape(before, total - before, before, total - before), 0);
			}
		}
		return Conv2d
			.conv2d(input, filter, bias, new Shape(stride, stride), new Shape(pad, pad), new Shape(1, 1), groups)
			.singletonOrThrow();
	}

	/**
	 * A per-channel vector shaped to broadcast over an NCHW array.
	 * @param channels the vector
	 * @return the vector as 1 × C × 1 × 1
	 */
	protected static NDArray perChannel(NDArray channels) {
		return channels.reshape(1, channels.getShape().get(0), 1, 1);
	}

}
