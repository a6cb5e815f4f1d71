package io.modelport.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

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

	public void write(Path workDir) throws IOException {
		Path temporary = workDir.resolve(STATE_FILE + ".tmp");
		json.writeValue(temporary.toFile(), this);
		Files.move(temporary, workDir.resolve(STATE_FILE), StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
	}

}
