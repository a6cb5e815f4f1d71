package io.modelport.security;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;

/**
 * {@code java -jar modelport.jar keys create --scopes inference,training [--id NAME]
 * [--expires 2027-01-31] [--append FILE]}: makes a new key, prints it once, and prints
 * (or appends) the keys file line that holds only its hash. The service re-reads the
 * file, so the key works within seconds, without a restart.
 *
 * @author Modelport Team
 */
public final class KeysCommand {

	/** The first argument that selects this command instead of the service. */
	public static final String MODE = "keys";

	private static final String USAGE = "usage: keys create --scopes inference[,management][,training] "
			+ "[--id NAME] [--expires 2027-01-31|2027-01-31T12:00:00Z] [--append KEYS_FILE]";

	private KeysCommand() {
	}

	/**
	 * Runs the command.
	 * @param args the arguments after {@code keys}
	 * @param out where the key and the line go
	 * @param err where usage errors go
	 * @return the exit status: 0 done, 2 bad arguments, 1 the file could not be written
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0 || !args[0].equals("create")) {
			err.println(USAGE);
			return 2;
		}
		Set<Scope> scopes = null;
		String id = null;
		Instant expires = null;
		Path append = null;
		try {
			for (int i = 1; i < args.length; i++) {
				String value = (i + 1 < args.length) ? args[i + 1] : null;
				if (value == null) {
					throw new IllegalArgumentException(args[i] + " needs a value");
				}
				switch (args[i]) {
					case "--scopes" -> scopes = KeysFile.scopes(value);
					case "--id" -> id = checkedId(value);
					case "--expires" -> expires = KeysFile.expiry(value);
					case "--append" -> append = Path.of(value);
					default -> throw new IllegalArgumentException("unknown option " + args[i]);
				}
				i++;
			}
			if (scopes == null) {
				throw new IllegalArgumentException("--scopes is required");
			}
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.println(USAGE);
			return 2;
		}
		String keyId = (id != null) ? id : KeysFile.newId();
		String key = KeysFile.newKey(keyId);
		String line = KeysFile.line(keyId, key, scopes, expires);
		if (append != null) {
			try {
				Files.writeString(append, line + System.lineSeparator(), StandardCharsets.UTF_8,
						StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			}
			catch (IOException ex) {
				err.println("cannot append to " + append + ": " + ex.getMessage());
				return 1;
			}
		}
		out.println("API key (shown only now; give it to the client, it is not stored):");
		out.println(key);
		out.println((append != null) ? "Appended to " + append + ":" : "Append this line to the keys file:");
		out.println(line);
		return 0;
	}

	private static String checkedId(String id) {
		if (!KeysFile.ID.matcher(id).matches()) {
			throw new IllegalArgumentException("--id must be 1-32 lower-case letters, digits or '-'");
		}
		return id;
	}

}
