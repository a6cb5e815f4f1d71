package io.modelport.faces.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.util.PairList;

import io.modelport.nn.FaceEmbedderNet;
import io.modelport.store.InputSpec;

/**
 * Builds the parameter file of a {@code face-embedder} ensemble from its separately
 * trained members, and embeds faces with a saved network, single or ensemble, the way the
 * evaluation of a run needs.
 *
 * @author Modelport Team
 */
public final class FaceEnsemble {

	/** The prefix of an assembled ensemble's parameter file. */
	public static final String PREFIX = "ensemble";

	private FaceEnsemble() {
	}

	/**
	 * Copies the members' trained parameters into one ensemble block and saves it.
	 * @param ensemble the ensemble architecture (its members are the trained networks; it
	 * may be a single member with flip averaging)
	 * @param members each member's parameter file, in member order
	 * @param input the input spec
	 * @param device the device
	 * @param directory where the ensemble's parameters are saved
	 * @return the saved parameter file
	 * @throws IOException when a member cannot be loaded or the ensemble not saved
	 */
	public static Path assemble(FaceEmbedderNet ensemble, List<Path> members, InputSpec input, Device device,
			Path directory) throws IOException {
		if (members.size() != ensemble.members()) {
			throw new IllegalArgumentException(
					"an ensemble of " + ensemble.members() + " needs as many parameter files, not " + members.size());
		}
		FaceEmbedderNet single = ensemble.member();
		try (Model model = Model.newInstance("face-embedder", device, "PyTorch")) {
			Block block = ensemble.build();
			model.setBlock(block);
			block.initialize(model.getNDManager(), DataType.FLOAT32,
					new Shape(1, input.channels(), input.height(), input.width()));
			List<Block> targets = block.getChildren().values();
			for (int i = 0; i < members.size(); i++) {
				try (Model member = load(single, members.get(i), device)) {
					copy(member.getBlock().getParameters(), targets.get(i).getParameters());
				}
			}
			model.setProperty("Epoch", "0");
			model.save(directory, PREFIX);
		}
		return directory.resolve(String.format("%s-%04d.params", PREFIX, 0));
	}

	/**
	 * Embeds preprocessed faces with a saved network in inference mode, each embedding
	 * L2-normalised as serving does.
	 * @param net the architecture the file was saved from
	 * @param parameters the parameter file
	 * @param input the input spec
	 * @param device the device
	 * @param inputs sets of preprocessed faces
	 * @return one unit embedding per face, per set
	 * @throws IOException when the parameters cannot be loaded
	 */
	public static float[][][] embed(FaceEmbedderNet net, Path parameters, InputSpec input, Device device,
			float[][]... inputs) throws IOException {
		try (Model model = load(net, parameters, device);
				Trainer evaluator = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()))) {
			float[][][] embeddings = new float[inputs.length][][];
			for (int i = 0; i < inputs.length; i++) {
				embeddings[i] = FaceTrainer.embed(evaluator, inputs[i], input);
			}
			return embeddings;
		}
	}

	// A file named <prefix>-NNNN.params, loaded by DJL from its prefix and epoch.
	private static Model load(FaceEmbedderNet net, Path parameters, Device device) throws IOException {
		String file = parameters.getFileName().toString();
		int dash = file.lastIndexOf('-');
		String epoch = Integer.toString(Integer.parseInt(file.substring(dash + 1, file.length() - ".params".length())));
		Model model = Model.newInstance("face-embedder", device, "PyTorch");
		try {
			model.setBlock(net.build());
			model.load(parameters.getParent(), file.substring(0, dash), Map.of("epoch", epoch));
			return model;
		}
		catch (MalformedModelException | IOException | RuntimeException ex) {
			model.close();
			throw new IOException("cannot load the parameters " + parameters, ex);
		}
	}

	// Both blocks have the same structure, so their parameters (batch-norm running
	// statistics included) come in the same order.
	private static void copy(PairList<String, Parameter> from, PairList<String, Parameter> to) {
		if (from.size() != to.size()) {
			throw new IllegalStateException(
					"a member has " + from.size() + " parameters, the ensemble slot " + to.size());
		}
		for (int i = 0; i < from.size(); i++) {
			Parameter source = from.get(i).getValue();
			Parameter target = to.get(i).getValue();
			if (!source.getArray().getShape().equals(target.getArray().getShape())) {
				throw new IllegalStateException("parameter " + from.get(i).getKey() + " has shape "
						+ source.getArray().getShape() + ", its ensemble slot " + target.getArray().getShape());
			}
			source.getArray().copyTo(target.getArray());
		}
	}

}
