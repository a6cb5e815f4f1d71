package io.modelport.training;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import tools.jackson.databind.json.JsonMapper;

/**
 * The state saved after every epoch so an interrupted run can resume: the epoch reached,
 * the history so far and which epoch's weights are the best. The weights themselves are
 * in {@code checkpoint.params} next to it.
 *
 * @param epoch the last completed epoch
 * @param history one entry per completed epoch
 * @param bestEpoch the epoch kept so far by the {@link EpochLoop}
 * @param bestDevAccuracy that epoch's score (the classifier's, the one trainer that
 * checkpoints, is its dev accuracy; the name stays for the files already written)
 * @author Modelport Team
 */
public record Checkpoint(int epoch, List<EpochResult> history, int bestEpoch, double bestDevAccuracy) {

	/** The checkpoint state file in a work folder. */
	public static final String STATE_FILE = "checkpoint.json";

	/** The checkpoint parameters file in a work folder. */
	public static final String PARAMS_FILE = "checkpoint.params";

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Reads the checkpoint of a work folder.
	 * @param workDir the folder
	 * @return the checkpoint, {@code null} when there is none
	 * @throws IOException when it exists but cannot be read
	 */
	public static Checkpoint read(Path workDir) throws IOException {
		Path file = workDir.resolve(STATE_FILE);
		if (!Files.isRegularFile(file) || !Files.isRegularFile(workDir.resolve(PARAMS_FILE))) {
			return null;
		}
		return json.readValue(file.toFile(), Checkpoint.class);
	}

	/**
	 * Loads a checkpoint's parameters into a model whose trainer does not exist yet. A
	 * trainer keeps the parameter arrays it was initialised with and trains those;
	 * loading afterwards would replace the model's arrays, so the run would go on
	 * training fresh weights while checkpointing the loaded ones.
	 * @param model the model, its block set but not trained yet
	 * @param workDir the folder holding the checkpoint
	 * @param input the input shape the block is initialised with
	 * @throws IOException when the parameters cannot be read or do not fit the block
	 */
	public static void loadBeforeTraining(Model model, Path workDir, Shape input) throws IOException {
		model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, input);
		try (DataInputStream in = new DataInputStream(Files.newInputStream(workDir.resolve(PARAMS_FILE)))) {
			model.getBlock().loadParameters(model.getNDManager(), in);
		}
		catch (MalformedModelException ex) {
			throw new IOException("the checkpoint does not match the architecture", ex);
		}
	}

	public void write(Path workDir) throws IOException {
		Path temporary = workDir.resolve(STATE_FILE + ".tmp");
		json.writeValue(temporary.toFile(), this);
		Files.move(temporary, workDir.resolve(STATE_FILE), StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
	}

}
