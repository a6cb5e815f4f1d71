package io.modelport.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code modelport keys create}: API keys are made where the service's keys file is, by
 * the service jar's own {@code keys} command; this runs that command with the local Java,
 * so it works on the server host (or wherever the jar and the keys file are).
 *
 * @author Modelport Team
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
		description = "Create API keys (server-side: runs java -jar modelport.jar keys create ...).")
final class KeysCommand {

	@Spec
	CommandSpec spec;

	@Command(name = "create", description = "Make a key, print it once, and print or append its keys-file line.")
	int create(
			@Option(names = "--scopes", required = true, paramLabel = "SCOPES",
					description = "inference, management, training, comma-separated") String scopes,
			@Option(names = "--id", paramLabel = "NAME") String id,
			@Option(names = "--expires", paramLabel = "DATE") String expires,
			@Option(names = "--append", paramLabel = "KEYS_FILE") Path append,
			@Option(names = "--server-jar", paramLabel = "JAR", defaultValue = "${env:MODELPORT_SERVER_JAR}",
					description = "The service's modelport.jar (env MODELPORT_SERVER_JAR).") Path jar) {
		CommandSpec create = this.spec.subcommands().get("create").getCommandSpec();
		if (jar == null) {
			throw new picocli.CommandLine.ParameterException(create.commandLine(),
					"keys are made on the server host by the service jar: pass --server-jar PATH (or set "
							+ "MODELPORT_SERVER_JAR) to run 'java -jar modelport.jar keys create' here");
		}
		ModelportCli.existing(create, jar);
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
						"keys", "create", "--scopes", scopes));
		add(command, "--id", id);
		add(command, "--expires", expires);
		add(command, "--append", (append != null) ? append.toString() : null);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			try (InputStream output = process.getInputStream()) {
				this.spec.commandLine().getOut().print(new String(output.readAllBytes(), StandardCharsets.UTF_8));
				this.spec.commandLine().getOut().flush();
			}
			int code = process.waitFor();
			// The jar's command answers 2 for bad arguments, 1 when the file cannot be
			// written.
			return (code == 2) ? ExitCodes.USAGE : ((code == 0) ? ExitCodes.OK : ExitCodes.REJECTED);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot run " + jar + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ExitCodes.INTERNAL;
		}
	}

	private static void add(List<String> command, String option, String value) {
		if (value != null) {
			command.add(option);
			command.add(value);
		}
	}

}
