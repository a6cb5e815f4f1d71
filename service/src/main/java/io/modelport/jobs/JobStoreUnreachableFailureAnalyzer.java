package io.modelport.jobs;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Turns a startup that failed because the job store database cannot be reached into a
 * two-line report naming the database, instead of a page of nested bean-creation errors.
 * The service does not start without its database (its schema is migrated at startup); a
 * database lost later only fails the endpoints that need it.
 *
 * @author Modelport Team
 */
class JobStoreUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

	private final Environment environment;

	JobStoreUnreachableFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		if (!unreachable(cause)) {
			return null;
		}
		String url = this.environment.getProperty("spring.datasource.url", "(spring.datasource.url is not set)");
		return new FailureAnalysis(
				"The job store database at " + url + " cannot be reached: " + cause.getMessage()
						+ "\nModelport migrates its schema at startup, so it does not start without it.",
				"Start the database, or set spring.datasource.url (SPRING_DATASOURCE_URL) to one that runs. "
						+ "Once started, Modelport keeps serving inference while the database is away.",
				cause);
	}

	// SQL state class 08 is "connection exception"; H2 reports a file held by another
	// process as 90020.
	private static boolean unreachable(SQLException ex) {
		String state = ex.getSQLState();
		return ex instanceof SQLTransientConnectionException || (state != null && state.startsWith("08"))
				|| "90020".equals(state);
	}

}
