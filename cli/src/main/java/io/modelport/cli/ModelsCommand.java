package io.modelport.cli;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import io.modelport.client.ModelDetails;
import io.modelport.client.ModelSummary;

/**
 * {@code modelport models list|describe|promote|reload}.
 *
 * @author Modelport Team
 */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List, describe, promote and reload models.")
final class ModelsCommand {

	@ParentCommand
	ModelportCli root;

	@Spec
	CommandSpec spec;

	@Command(name = "list", description = "List the models with their default version and state.")
	int list() {
		List<ModelSummary> models = this.root.client().models().list();
		Output output = this.root.output(this.spec);
		if (output.json()) {
			output.json(models);
			return ExitCodes.OK;
		}
		output.table(List.of("NAME", "TASK", "DEFAULT", "STATE", "VERSIONS"), models.stream()
			.map((model) -> List.of(model.name(), Output.text(model.task()), Output.text(model.defaultVersion()),
					Output.text(model.state()), model.versions().toString()))
			.toList());
		return ExitCodes.OK;
	}

	@Command(name = "describe", description = "Describe a model: versions, states, task, labels.")
	int describe(@Parameters(paramLabel = "MODEL") String model) {
		return print(this.root.client().models().describe(model));
	}

	@Command(name = "promote", description = "Make a READY version the default version.")
	int promote(@Parameters(paramLabel = "MODEL") String model, @Parameters(paramLabel = "VERSION") int version) {
		return print(this.root.client().models().promote(model, version));
	}

	@Command(name = "reload", description = "Load versions added on disk, retry failed ones, unload removed ones.")
	int reload(@Parameters(paramLabel = "MODEL") String model) {
		return print(this.root.client().models().reload(model));
	}

	private int print(ModelDetails model) {
		Output output = this.root.output(this.spec);
		if (output.json()) {
			output.json(model);
			return ExitCodes.OK;
		}
		output.line(model.name() + ": " + Output.text(model.task()) + ", default version "
				+ Output.text(model.defaultVersion()) + (model.required() ? ", required" : ""));
		if (model.description() != null) {
			output.line(model.description().replaceAll("\\s+", " "));
		}
		output.table(List.of("VERSION", "STATE", "TASK", "FORMAT", "LABELS", "FAILURE"),
				model.versions()
					.stream()
					.map((version) -> List.of(Integer.toString(version.version()), Output.text(version.state()),
							Output.text(version.task()), Output.text(version.format()),
							(version.labels() != null) ? Integer.toString(version.labels().size()) : "-",
							Output.text(version.failureReason())))
					.toList());
		return ExitCodes.OK;
	}

}
