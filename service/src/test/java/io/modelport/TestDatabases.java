package io.modelport;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Job store databases for repository tests: a fresh embedded H2, or the real PostgreSQL
 * named by {@code modelport.test.postgres.url} (CI starts one and sets
 * {@code modelport.test.postgres.required=true} so that run cannot be skipped). Either is
 * emptied and migrated with the Flyway scripts the service runs.
 *
 * @author Modelport Team
 */
public final class TestDatabases {

	private TestDatabases() {
	}

	/**
	 * A freshly migrated database.
	 * @param database {@code h2} or {@code postgresql}
	 * @return the data source
	 */
	public static DataSource migrated(String database) {
		DataSource dataSource = ("h2".equals(database)) ? h2() : postgres();
		Flyway.configure().dataSource(dataSource).cleanDisabled(false).load().clean();
		Flyway.configure().dataSource(dataSource).load().migrate();
		return dataSource;
	}

	private static DataSource h2() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		return dataSource;
	}

	private static DataSource postgres() {
		String url = System.getProperty("modelport.test.postgres.url", "");
		Assumptions.assumeTrue(!url.isBlank() || Boolean.getBoolean("modelport.test.postgres.required"),
				"no PostgreSQL given (-Dmodelport.test.postgres.url=jdbc:postgresql://...); .ci/run starts one");
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(url);
		dataSource.setUser(System.getProperty("modelport.test.postgres.user", "postgres"));
		return dataSource;
	}

}
