package io.modelport;

import java.io.IOException;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import io.modelport.faces.importer.ImportCommand;
import io.modelport.jobs.worker.TrainingWorker;
import io.modelport.runtime.EngineWarmer;
import io.modelport.samples.SamplesCommand;
import io.modelport.security.KeysCommand;
import io.modelport.training.TrainCommand;

/**
 * Modelport: serves DJL/PyTorch models from a model store over REST.
 *
 * @author Modelport Team
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ModelportApplication {

	public static void main(String[] args) throws IOException {
		// DJL reads these once, when the engine loads: never download at run time, and
		// keep inter-op threads from multiplying with the worker threads.
		defaultProperty("ai.djl.offline", "true");
		if (args.length > 0 && TrainingWorker.MODE.equals(args[0])) {
			// The same jar trains in a separate process, without Spring: see
			// ProcessJobRunner.
			TrainingWorker.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		if (args.length > 0 && TrainCommand.MODE.equals(args[0])) {
			int status = TrainCommand.run(Arrays.copyOfRange(args, 1, args.length), System.err);
			if (status != 0) {
				System.exit(status);
			}
			return;
		}
		if (args.length > 0 && SamplesCommand.MODE.equals(args[0])) {
			System.setProperty("java.awt.headless", "true");
			System.exit(SamplesCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		if (args.length > 0 && KeysCommand.MODE.equals(args[0])) {
			int status = KeysCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
			if (status != 0) {
				System.exit(status);
			}
			return;
		}
		if (args.length > 0 && ImportCommand.MODE.equals(args[0])) {
			int status = ImportCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
			if (status != 0) {
				System.exit(status);
			}
			return;
		}
		defaultProperty("ai.djl.pytorch.num_interop_threads", "1");
		// TorchScript's profiling executor re-optimises for every new batch size, which
		// dynamic batching produces; without it the first batches of each size are not
		// slow.
		defaultProperty("ai.djl.pytorch.graph_optimizer", "false");
		SpringApplication application = new SpringApplication(ModelportApplication.class);
		application.addListeners(new EngineWarmer());
		application.run(args);
	}

	private static void defaultProperty(String key, String value) {
		if (System.getProperty(key) == null) {
			System.setProperty(key, value);
		}
	}

}
