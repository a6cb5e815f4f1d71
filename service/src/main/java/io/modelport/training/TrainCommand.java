package io.modelport.training;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The {@code train} sub-command of the application jar:
 * {@code java -jar modelport.jar train <task> --option value ...} runs the task's trainer
 * command, found through its training plug-in, so a new task brings its command with it.
 *
 * @author Modelport Team
 */
public final class TrainCommand {

	/** The first program argument that selects this command. */
	public static final String MODE = "train";

	private TrainCommand() {
	}

	/**
	 * Runs a task's trainer.
	 * @param args the task id, then its options
	 * @param err where usage errors go
	 * @return the exit status: 0, or 2 for a usage error
	 * @throws IOException when the trainer fails to read or write
	 */
	public static int run(String[] args, PrintStream err) throws IOException {
		TrainingTasks tasks = TrainingTasks.load();
		String ids = tasks.all().stream().map((task) -> task.task().id()).collect(Collectors.joining(", "));
		if (args.length == 0) {
			err.println("usage: train <task> [--option value ...], task one of " + ids);
			return 2;
		}
		TrainingTask task = tasks.find(args[0]).orElse(null);
		if (task == null) {
			err.println("unknown task '" + args[0] + "', expected one of " + ids);
			return 2;
		}
		task.runCommand(Arrays.copyOfRange(args, 1, args.length));
		return 0;
	}

}
