package io.modelport.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import io.modelport.client.ModelportClient;
import io.modelport.client.ModelportException;
import io.modelport.client.Problem;

/**
 * {@code modelport}: the command line of a Modelport server.
 *
 * @author Modelport Team
 */
@Command(name = "modelport", mixinStandardHelpOptions = true, version = "modelport 0.1.0",
		description = "Manage models, predict, train and upload data sets on a Modelport server.",
		subcommands = { ModelsCommand.class, PredictCommand.class, JobsCommand.class, DatasetsCommand.class,
				KeysCommand.class },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:done", "1:unexpected failure (a bug)", "2:usage: bad arguments or a missing file",
				"3:not found (404)", "4:input rejected (400, 409, 413, 415)",
				"5:server error or unavailable (5xx, 429, no connection, timeout)",
				"6:no valid key or scope (401, 403)", "7:the job followed ended FAILED or CANCELLED" })
public final class ModelportCli {

	@Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
			defaultValue = "${env:MODELPORT_URL:-http://localhost:8080}",
			description = "The server (env MODELPORT_URL, default ${DEFAULT-VALUE}).")
	String url;

	@Option(names = "--api-key", scope = ScopeType.INHERIT, paramLabel = "KEY",
			defaultValue = "${env:MODELPORT_API_KEY}",
			description = "The API key, sent as a Bearer token (env MODELPORT_API_KEY).")
	String apiKey;

	@Option(names = "--json", scope = ScopeType.INHERIT, description = "Answer JSON instead of tables, for scripts.")
	boolean json;

	@Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "SECONDS", defaultValue = "120",
			description = "How long to wait for each answer (default ${DEFAULT-VALUE}).")
	long timeoutSeconds;

	@Spec
	CommandSpec spec;

	/**
	 * Runs the command and exits with its code.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
		PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
		System.exit(run(args, out, err));
	}

	/**
	 * Runs the command in this JVM.
	 * @param args the arguments
	 * @param out where answers go
	 * @param err where errors go
	 * @return the exit code
	 */
	public static int run(String[] args, PrintWriter out, PrintWriter err) {
		CommandLine cli = new CommandLine(new ModelportCli());
		cli.setOut(out);
		cli.setErr(err);
		cli.setParameterExceptionHandler((ex, arguments) -> {
			ex.getCommandLine().getErr().println("error: " + ex.getMessage());
			ex.getCommandLine()
				.getErr()
				.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
			ex.getCommandLine().getErr().flush();
			return ExitCodes.USAGE;
		});
		cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			PrintWriter errors = commandLine.getErr();
			int code = failure(ex, errors);
			errors.flush();
			return code;
		});
		int code = cli.execute(args);
		out.flush();
		err.flush();
		return code;
	}

	private static int failure(Exception ex, PrintWriter err) {
		if (ex instanceof ModelportException failed) {
			err.println("error: " + failed.getMessage());
			for (Problem.FieldError field : failed.errors()) {
				err.println("  " + field.field() + ": " + field.message());
			}
			if (failed.type() != null) {
				err.println("  (" + failed.type() + ")");
			}
			return ExitCodes.of(failed);
		}
		if (ex instanceof UncheckedIOException) {
			err.println("error: " + ex.getMessage());
			return ExitCodes.USAGE;
		}
		err.println("error: unexpected " + ex);
		return ExitCodes.INTERNAL;
	}

	ModelportClient client() {
		return ModelportClient.builder()
			.baseUri(this.url)
			.apiKey(this.apiKey)
			.requestTimeout(Duration.ofSeconds(this.timeoutSeconds))
			.build();
	}

	Output output(CommandSpec command) {
		return new Output(command.commandLine().getOut(), this.json);
	}

	/**
	 * A file argument that must exist, or a usage error naming it.
	 * @param command the command the argument belongs to
	 * @param file the file
	 * @return the file
	 */
	static Path existing(CommandSpec command, Path file) {
		if (!Files.isRegularFile(file)) {
			String why = Files.exists(file) ? "is not a file" : "does not exist";
			throw new CommandLine.ParameterException(command.commandLine(), "file " + file + " " + why);
		}
		if (!Files.isReadable(file)) {
			throw new CommandLine.ParameterException(command.commandLine(), "file " + file + " cannot be read");
		}
		return file;
	}

}
