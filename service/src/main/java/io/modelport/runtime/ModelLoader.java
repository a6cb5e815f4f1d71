package io.modelport.runtime;

import java.io.EOFException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.micrometer.core.instrument.MeterRegistry;

import io.modelport.nn.ArchitectureCatalog;
import io.modelport.store.ArtifactFormat;
import io.modelport.store.Checksums;
import io.modelport.store.InvalidModelException;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;

/**
 * Loads a model version into its engine (PyTorch, or OnnxRuntime for ONNX graphs): checks
 * the artifacts' checksums, rebuilds the block (DJL parameters) or reads the TorchScript
 * module or ONNX graph, creates the predictor pool and warms the model up with one
 * inference.
 *
 * @author Modelport Team
 */
public class ModelLoader {

	private static final Pattern PARAMS_FILE = Pattern.compile("(.+)-(\\d{4})\\.params");

	private final Map<Task, TaskAdapter> adapters;

	private final RuntimeProperties properties;

	private final String deviceName;

	private volatile Device device;

	private final MeterRegistry meters;

	public ModelLoader(List<TaskAdapter> adapters, RuntimeProperties properties, MeterRegistry meters) {
		this.adapters = adapters.stream().collect(Collectors.toMap(TaskAdapter::task, Function.identity()));
		this.properties = properties;
		// DJL reads the thread count once, when the engine loads, which the device choice
		// below triggers; an explicit system property wins.
		if (properties.intraOpThreads() > 0 && System.getProperty("ai.djl.pytorch.num_threads") == null) {
			System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(properties.intraOpThreads()));
		}
		// The device is chosen on first use: "auto" needs the engine, which EngineWarmer
		// may still be loading in the background while the context starts.
		this.deviceName = properties.device();
		this.meters = meters;
	}

	/**
	 * The device models are loaded on.
	 * @return the device
	 */
	public Device device() {
		Device chosen = this.device;
		if (chosen == null) {
			synchronized (this) {
				if (this.device == null) {
					this.device = DeviceSelector.select(this.deviceName);
				}
				chosen = this.device;
			}
		}
		return chosen;
	}

	/**
	 * Loads and warms up a model version.
	 * @param descriptor the version's descriptor
	 * @return the loaded model, ready to serve
	 * @throws InvalidModelException when the artifacts or descriptor are wrong, the
	 * engine cannot load the weights, or the warm-up inference fails
	 */
	public LoadedModel load(ModelDescriptor descriptor) {
		TaskAdapter adapter = this.adapters.get(descriptor.task());
		if (adapter == null) {
			throw new InvalidModelException("task " + descriptor.task().id() + " is not served by this version");
		}
		adapter.validate(descriptor);
		Checksums.verify(descriptor);
		Model model = newModel(descriptor);
		LoadedModel loaded = null;
		try {
			Object state = adapter.readArtifacts(model, descriptor).orElse(null);
			if (!descriptor.format().isWordVectors()) {
				loadWeights(model, descriptor, adapter);
			}
			else if (model.getBlock() == null) {
				throw new InvalidModelException(
						"format " + descriptor.format().id() + " cannot serve a " + descriptor.task().id() + " model");
			}
			RuntimeMetrics metrics = new RuntimeMetrics(this.meters, descriptor);
			InferenceQueue queue = new InferenceQueue(descriptor.name() + "-" + descriptor.version(), model,
					adapter.translator(descriptor), RuntimeSettings.of(this.properties, descriptor), metrics);
			loaded = new LoadedModel(descriptor, model, queue, metrics, this.properties, state);
			adapter.warmUp(loaded);
			return loaded;
		}
		catch (Exception ex) {
			if (loaded != null) {
				loaded.close();
			}
			else {
				model.close();
			}
			if (ex instanceof InvalidModelException invalid) {
				throw invalid;
			}
			throw new InvalidModelException("cannot load " + descriptor.weights().file() + ": " + rootMessage(ex), ex);
		}
	}

	private Model newModel(ModelDescriptor descriptor) {
		String name = descriptor.name() + "-" + descriptor.version();
		if (descriptor.format() == ArtifactFormat.ONNX) {
			// The OnnxRuntime jar from Maven Central is the CPU build; a GPU chosen for
			// PyTorch is not a device it can use.
			return Model.newInstance(name, Device.cpu(), ArtifactFormat.ONNX.engine());
		}
		return Model.newInstance(name, device(), ArtifactFormat.TORCHSCRIPT.engine());
	}

	private void loadWeights(Model model, ModelDescriptor descriptor, TaskAdapter adapter)
			throws IOException, MalformedModelException {
		String file = descriptor.weights().file();
		if (descriptor.format() == ArtifactFormat.TORCHSCRIPT) {
			if (!file.endsWith(".pt")) {
				throw new InvalidModelException("a TorchScript artifact must end in .pt, was " + file);
			}
			model.load(descriptor.directory(), file.substring(0, file.length() - 3));
			return;
		}
		if (descriptor.format() == ArtifactFormat.ONNX) {
			if (!file.endsWith(".onnx")) {
				throw new InvalidModelException("an ONNX artifact must end in .onnx, was " + file);
			}
			// The intra-op thread setting applies to both engines, so a version serves
			// with the same CPU share whichever format it is in.
			int threads = this.properties.intraOpThreads();
			model.load(descriptor.directory(), file.substring(0, file.length() - 5),
					(threads > 0) ? Map.of("intraOpNumThreads", Integer.toString(threads)) : Map.of());
			return;
		}
		Matcher matcher = PARAMS_FILE.matcher(file);
		if (!matcher.matches()) {
			throw new InvalidModelException("a DJL parameter artifact must be named <prefix>-NNNN.params, was " + file);
		}
		Block block = ArchitectureCatalog.build(descriptor.architecture());
		Map<String, Shape> expected = expectedShapes(block, model, descriptor, adapter);
		model.setBlock(block);
		model.load(descriptor.directory(), matcher.group(1),
				Map.of("epoch", Integer.toString(Integer.parseInt(matcher.group(2)))));
		checkShapes(block, expected);
		model.setBlock(adapter.servingBlock(block, descriptor));
	}

	// DJL loads parameter arrays without comparing their shapes to the block's, so a
	// descriptor whose hyperparameters disagree with the file could load and serve a
	// different network. Initialising the block first gives the shapes to compare.
	private static Map<String, Shape> expectedShapes(Block block, Model model, ModelDescriptor descriptor,
			TaskAdapter adapter) {
		Map<String, Shape> shapes = new LinkedHashMap<>();
		Shape[] inputs = adapter.initializationShapes(block, descriptor);
		if (inputs == null) {
			return shapes;
		}
		block.initialize(model.getNDManager(), DataType.FLOAT32, inputs);
		for (Pair<String, Parameter> parameter : block.getParameters()) {
			shapes.put(parameter.getKey(), parameter.getValue().getArray().getShape());
		}
		return shapes;
	}

	private static void checkShapes(Block block, Map<String, Shape> expected) {
		for (Pair<String, Parameter> parameter : block.getParameters()) {
			Shape want = expected.get(parameter.getKey());
			Shape got = parameter.getValue().getArray().getShape();
			if (want != null && !want.equals(got)) {
				throw new InvalidModelException("parameter " + parameter.getKey() + " has shape " + want
						+ " in the architecture but " + got + " in the file");
			}
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		// Clients read this reason: a message-less exception is described, not named.
		String message = (root.getMessage() != null) ? root.getMessage() : (root instanceof EOFException)
				? "the file ends early (truncated?)" : "the file cannot be read (the server log has the cause)";
		// Engine messages can carry native stack traces; keep the first line.
		int newline = message.indexOf('\n');
		return (newline > 0) ? message.substring(0, newline) : message;
	}

}
