package io.modelport.cli;

import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import io.modelport.client.Dataset;

/**
 * {@code modelport datasets upload|list|describe}.
 *
 * @author Modelport Team
 */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "Upload and list training data sets.")
final class DatasetsCommand {

	@ParentCommand
	ModelportCli root;

	@Spec
	CommandSpec spec;

	@Command(name = "upload", description = "Upload a data set: a zip (image-folders, idx, yolo, coco) or a text file "
			+ "(text, sequence-pairs).")
	int upload(@Parameters(paramLabel = "NAME") String name,
			@Parameters(paramLabel = "KIND",
					description = "image-folders, idx, text, sequence-pairs, yolo or coco") String kind,
			@Parameters(paramLabel = "FILE") Path file) {
		ModelportCli.existing(this.spec.subcommands().get("upload").getCommandSpec(), file);
		Dataset dataset = this.root.client().datasets().upload(name, kind, file);
		Output output = this.root.output(this.spec);
		if (output.json()) {
			output.json(dataset);
		}
		else {
			output.line("data set " + dataset.name() + " (" + dataset.kind() + ") stored: " + dataset.details());
		}
		return ExitCodes.OK;
	}

	@Command(name = "list", description = "List the data sets, built-in ones first.")
	int list() {
		List<Dataset> datasets = this.root.client().datasets().list();
		Output output = this.root.output(this.spec);
		if (output.json()) {
			output.json(datasets);
			return ExitCodes.OK;
		}
		output.table(List.of("NAME", "KIND", "SOURCE", "CREATED"),
				datasets.stream()
					.map((dataset) -> List.of(dataset.name(), dataset.kind(), Output.text(dataset.source()),
							Output.text(dataset.createdAt())))
					.toList());
		return ExitCodes.OK;
	}

	@Command(name = "describe", description = "Describe a data set: kind, source, classes and sizes.")
	int describe(@Parameters(paramLabel = "NAME") String name) {
		Dataset dataset = this.root.client().datasets().get(name);
		Output output = this.root.output(this.spec);
		if (output.json()) {
			output.json(dataset);
		}
		else {
			output.line(dataset.name() + " (" + dataset.kind() + ", " + dataset.source() + "): " + dataset.details());
		}
		return ExitCodes.OK;
	}

}
