package io.modelport.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the CLI in the test's JVM and keeps what it printed.
 *
 * @param code the exit code
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 * @author Modelport Team
 */
record Cli(int code, String out, String err) {

	/**
	 * Runs {@code modelport --url <base> <args>}.
	 * @param base the server
	 * @param args the arguments
	 * @return the outcome
	 */
	static Cli run(String base, String... args) {
		List<String> all = new ArrayList<>(List.of("--url", base));
		all.addAll(List.of(args));
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = ModelportCli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
		return new Cli(code, out.toString(), err.toString());
	}

	@Override
	public String toString() {
		return "exit " + this.code + "\nout:\n" + this.out + "\nerr:\n" + this.err;
	}

}
