package io.modelport.classification;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.modelport.datasets.FashionMnist;
import io.modelport.store.DescriptorParser;
import io.modelport.store.DescriptorWriter;
import io.modelport.store.ModelDescriptor;

/**
 * Writes the training input statistics into an existing Fashion-MNIST classifier version
 * that was trained before they were saved (docs/out-of-domain.md):
 * {@code java -cp ... io.modelport.classification.InputStatisticsCommand <store> <model> <version> [data folder]}.
 * The statistics come from the whole 60,000-image training split, as the trainer saves
 * them.
 *
 * @author Modelport Team
 */
public final class InputStatisticsCommand {

	private InputStatisticsCommand() {
	}

	/**
	 * Runs the command.
	 * @param args the store, the model name, the version, optionally the IDX folder
	 * @throws IOException when the data or the descriptor cannot be read or written
	 */
	public static void main(String[] args) throws IOException {
		if (args.length < 3) {
			throw new IllegalArgumentException("usage: InputStatisticsCommand <store> <model> <version> [data folder]");
		}
		Path data = (args.length > 3) ? Path.of(args[3]) : FashionMnist.DEBIAN_LOCATION;
		InputStatistics statistics = InputStatistics.of(FashionMnist.train(data, 0));
		int version = Integer.parseInt(args[2]);
		Path directory = Path.of(args[0]).resolve(args[1]).resolve(args[2]);
		ModelDescriptor old = DescriptorParser.parse(args[1], version, directory);
		Map<String, Object> parameters = new LinkedHashMap<>(old.parameters());
		parameters.put(InputStatistics.PARAMETER, statistics.toParameter());
		DescriptorWriter
			.write(new ModelDescriptor(old.name(), old.version(), old.task(), old.format(), old.architecture(),
					old.artifacts(), old.input(), old.labels(), parameters, old.provenance(), old.directory()));
		System.out.println(args[1] + " v" + version + ": " + statistics);
	}

}
