package io.modelport.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import io.modelport.client.JobEvent;
import io.modelport.client.JobEventStream;
import io.modelport.client.JobPage;
import io.modelport.client.ModelportClient;
import io.modelport.client.TrainingJob;

/**
 * {@code modelport jobs submit|watch|cancel|get|list}.
 *
 * @author Modelport Team
 */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "Submit, follow, cancel and list training jobs.")
final class JobsCommand {

	@ParentCommand
	ModelportCli root;

	@Spec
	CommandSpec spec;

	@Command(name = "submit", description = "Queue the training job of a JSON file (the body of POST "
			+ "/api/v1/training-jobs); with --watch, follow it to the end.")
	int submit(@Parameters(paramLabel = "JOB_JSON") Path file,
			@Option(names = "--watch", description = "Follow the job's progress until it ends.") boolean watch) {
		ModelportCli.existing(this.spec.subcommands().get("submit").getCommandSpec(), file);
		String json;
		try {
			json = Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
		ModelportClient client = this.root.client();
		TrainingJob job = client.jobs().submit(json);
		Output output = this.root.output(this.spec);
		if (!watch) {
			if (output.json()) {
				output.json(job);
			}
			else {
				output.line("job " + job.id() + " " + job.state() + " (" + job.task() + " -> " + job.model() + ")");
			}
			return ExitCodes.OK;
		}
		return follow(client, job.id(), output);
	}

	@Command(name = "watch", description = "Follow a job's events (snapshot, epochs, states) until it ends; exit 0 "
			+ "when it SUCCEEDED, 7 when it FAILED or was CANCELLED.")
	int watch(@Parameters(paramLabel = "ID") String id) {
		return follow(this.root.client(), id, this.root.output(this.spec));
	}

	@Command(name = "cancel", description = "Cancel a queued or running job.")
	int cancel(@Parameters(paramLabel = "ID") String id) {
		return print(this.root.client().jobs().cancel(id));
	}

	@Command(name = "get", description = "Show a job: state, epochs, result, failure reason.")
	int get(@Parameters(paramLabel = "ID") String id) {
		return print(this.root.client().jobs().get(id));
	}

	@Command(name = "list", description = "List jobs, newest first.")
	int list(@Option(names = "--state", description = "QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED") String state,
			@Option(names = "--page", defaultValue = "0") int page,
			@Option(names = "--size", defaultValue = "20") int size) {
		JobPage jobs = this.root.client().jobs().list(state, page, size);
		Output output = this.root.output(this.spec);
		if (output.json()) {
			output.json(jobs);
			return ExitCodes.OK;
		}
		output.table(List.of("ID", "STATE", "TASK", "MODEL", "EPOCH", "VERSION", "CREATED"), jobs.items()
			.stream()
			.map((job) -> List.of(job.id(), job.state(), Output.text(job.task()), Output.text(job.model()),
					job.epoch() + "/" + job.epochs(), Output.text(job.resultVersion()), Output.text(job.createdAt())))
			.toList());
		output.line(jobs.items().size() + " of " + jobs.total() + " jobs");
		return ExitCodes.OK;
	}

	private int print(TrainingJob job) {
		Output output = this.root.output(this.spec);
		if (output.json()) {
			output.json(job);
			return ExitCodes.OK;
		}
		output.line("job " + job.id() + " " + job.state() + " (" + job.task() + " -> " + job.model() + "), epoch "
				+ job.epoch() + "/" + job.epochs() + ", device " + Output.text(job.device())
				+ ((job.resultVersion() != null) ? ", version " + job.resultVersion() : "")
				+ ((job.failureReason() != null) ? ", failed: " + job.failureReason() : ""));
		return ExitCodes.OK;
	}

	private int follow(ModelportClient client, String id, Output output) {
		String state = null;
		try (JobEventStream events = client.jobs().follow(id)) {
			while (events.hasNext()) {
				JobEvent event = events.next();
				state = (event.state() != null) ? event.state() : state;
				if (output.json()) {
					Map<String, Object> line = new LinkedHashMap<>();
					line.put("event", event.name());
					line.put("data", Output.read(event.data(), Object.class));
					output.jsonLine(line);
				}
				else {
					output.line(describe(event));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (state == null || !TrainingJobStates.ended(state)) {
			// The stream closed before the job ended (the server went away): ask once
			// more.
			state = client.jobs().get(id).state();
		}
		if ("SUCCEEDED".equals(state)) {
			return ExitCodes.OK;
		}
		return TrainingJobStates.ended(state) ? ExitCodes.JOB_FAILED : ExitCodes.UNAVAILABLE;
	}

	private static String describe(JobEvent event) {
		if (event.epoch() != null) {
			TrainingJob.Epoch epoch = event.epoch();
			return "epoch " + epoch.epoch() + ": train loss " + Output.number(epoch.trainLoss()) + ", dev loss "
					+ Output.number(epoch.devLoss()) + ", dev accuracy " + Output.number(epoch.devAccuracy()) + ", "
					+ Output.number(epoch.seconds()) + " s";
		}
		if (event.job() != null) {
			TrainingJob job = event.job();
			return event.name() + ": job " + job.id() + " " + job.state() + ", epoch " + job.epoch() + "/"
					+ job.epochs() + ((job.resultVersion() != null) ? ", version " + job.resultVersion() : "")
					+ ((job.failureReason() != null) ? ", failed: " + job.failureReason() : "");
		}
		return event.name() + ": " + Output.text(event.state());
	}

	private static final class TrainingJobStates {

		static boolean ended(String state) {
			return "SUCCEEDED".equals(state) || "FAILED".equals(state) || "CANCELLED".equals(state);
		}

	}

}
