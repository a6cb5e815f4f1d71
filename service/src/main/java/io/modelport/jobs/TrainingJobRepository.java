package io.modelport.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.core.SafeMessages;

/**
 * The job store: one row per job in {@code training_job} (Flyway migration V1), through
 * Spring JDBC. Works on H2 and PostgreSQL. State changes are conditional updates, so a
 * job that was cancelled cannot be overwritten by a worker that finishes late.
 *
 * @author Modelport Team
 */
@Repository
public class TrainingJobRepository {

	private static final Log logger = LogFactory.getLog(TrainingJobRepository.class);

	private static final TypeReference<List<EpochRecord>> HISTORY = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, Object>> REPORT = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public TrainingJobRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Stores a new job.
	 * @param job the job
	 */
	public void insert(TrainingJob job) {
		this.jdbc.sql("""
				insert into training_job (id, state, task, model_name, request, epoch, epochs, history, attempts,
				    created_at)
				values (:id, :state, :task, :model, :request, 0, :epochs, '[]', 0, :created)""")
			.param("id", job.id())
			.param("state", job.state().name())
			.param("task", job.task())
			.param("model", job.model())
			.param("request", this.json.writeValueAsString(job.request()))
			.param("epochs", job.epochs())
			.param("created", time(job.createdAt()))
			.update();
	}

	/**
	 * Finds a job.
	 * @param id the job id
	 * @return the job, empty when unknown
	 */
	public Optional<TrainingJob> findById(String id) {
		return this.jdbc.sql("select * from training_job where id = :id").param("id", id).query(this::map).optional();
	}

	/**
	 * One page of jobs, newest first.
	 * @param state only jobs in this state, or {@code null} for all
	 * @param page the page, from 0
	 * @param size the page size
	 * @return the jobs
	 */
	public List<TrainingJob> page(JobState state, int page, int size) {
		String where = (state != null) ? " where state = :state" : "";
		var statement = this.jdbc
			.sql("select * from training_job" + where + " order by created_at desc, id limit :limit offset :offset")
			.param("limit", size)
			.param("offset", (long) page * size);
		if (state != null) {
			statement = statement.param("state", state.name());
		}
		return statement.query(this::map).list();
	}

	/**
	 * Counts jobs.
	 * @param state only jobs in this state, or {@code null} for all
	 * @return the count
	 */
	public long count(JobState state) {
		if (state == null) {
			return this.jdbc.sql("select count(*) from training_job").query(Long.class).single();
		}
		return this.jdbc.sql("select count(*) from training_job where state = :state")
			.param("state", state.name())
			.query(Long.class)
			.single();
	}

	/**
	 * Counts jobs per state.
	 * @return a count for every state
	 */
	public Map<JobState, Long> countByState() {
		Map<JobState, Long> counts = new EnumMap<>(JobState.class);
		for (JobState state : JobState.values()) {
			counts.put(state, 0L);
		}
		this.jdbc.sql("select state, count(*) as n from training_job group by state")
			.query((rs, row) -> Map.entry(JobState.valueOf(rs.getString("state")), rs.getLong("n")))
			.list()
			.forEach((entry) -> counts.put(entry.getKey(), entry.getValue()));
		return counts;
	}

	/**
	 * Takes the oldest QUEUED job and marks it RUNNING. A stored job that cannot be read
	 * back (a request the current contract refuses, say) is marked FAILED with the reason
	 * and the next one is taken: left QUEUED, it would stay the oldest and stall the
	 * queue.
	 * @return the job, empty when none is queued
	 */
	@Transactional
	public Optional<TrainingJob> claimNextQueued() {
		while (true) {
			Optional<String> id = this.jdbc
				.sql("select id from training_job where state = 'QUEUED' order by created_at, id limit 1")
				.query(String.class)
				.optional();
			if (id.isEmpty()) {
				return Optional.empty();
			}
			int claimed = this.jdbc.sql("""
					update training_job set state = 'RUNNING', attempts = attempts + 1,
					    started_at = coalesce(started_at, :now)
					where id = :id and state = 'QUEUED'""")
				.param("id", id.get())
				.param("now", time(Instant.now()))
				.update();
			if (claimed != 1) {
				return Optional.empty();
			}
			try {
				return findById(id.get());
			}
			catch (DataAccessException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				String reason = "the stored job cannot be read: " + SafeMessages.withoutPaths(firstLine(ex));
				logger.warn("Training job " + id.get() + " failed: " + reason);
				finish(id.get(), JobState.FAILED, reason, null, null, null);
			}
		}
	}

	private static String firstLine(Throwable ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		int end = message.indexOf('\n');
		return (end >= 0) ? message.substring(0, end) : message;
	}

	/**
	 * Records the device a worker reported.
	 * @param id the job id
	 * @param device the device
	 */
	public void recordDevice(String id, String device) {
		this.jdbc.sql("update training_job set device = :device where id = :id")
			.param("device", device)
			.param("id", id)
			.update();
	}

	/**
	 * Records the history after an epoch.
	 * @param id the job id
	 * @param history every completed epoch
	 */
	public void recordProgress(String id, List<EpochRecord> history) {
		EpochRecord last = history.get(history.size() - 1);
		this.jdbc.sql("""
				update training_job set epoch = :epoch, history = :history, samples_per_second = :rate
				where id = :id and state = 'RUNNING'""")
			.param("epoch", last.epoch())
			.param("history", this.json.writeValueAsString(history))
			.param("rate", last.samplesPerSecond())
			.param("id", id)
			.update();
	}

	/**
	 * Moves a job that is not yet terminal to a terminal state.
	 * @param id the job id
	 * @param state the terminal state
	 * @param failureReason the reason, for FAILED
	 * @param resultVersion the published version, for SUCCEEDED
	 * @param promoted whether it became the default, for SUCCEEDED
	 * @param report the evaluation report, for SUCCEEDED
	 * @return {@code true} when the job changed; {@code false} when it was already
	 * terminal
	 */
	public boolean finish(String id, JobState state, String failureReason, Integer resultVersion, Boolean promoted,
			Map<String, Object> report) {
		return this.jdbc.sql("""
				update training_job set state = :state, failure_reason = :reason, result_version = :version,
				    promoted = :promoted, report = :report, finished_at = :now
				where id = :id and state in ('QUEUED', 'RUNNING')""")
			.param("state", state.name())
			.param("reason",
					(failureReason != null && failureReason.length() > 4000) ? failureReason.substring(0, 4000)
							: failureReason)
			.param("version", resultVersion)
			.param("promoted", promoted)
			.param("report", (report != null) ? this.json.writeValueAsString(report) : null)
			.param("now", time(Instant.now()))
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Puts jobs that were RUNNING back in the queue (after a restart), keeping their
	 * checkpoints, or fails those that were already started too often.
	 * @param maxAttempts the most worker starts a job may have
	 * @return the number of jobs requeued
	 */
	public int requeueInterrupted(int maxAttempts) {
		this.jdbc.sql("""
				update training_job set state = 'FAILED', finished_at = :now,
				    failure_reason = 'interrupted: the service stopped while the job was running, too many times'
				where state = 'RUNNING' and attempts >= :max""")
			.param("now", time(Instant.now()))
			.param("max", maxAttempts)
			.update();
		return this.jdbc.sql("update training_job set state = 'QUEUED' where state = 'RUNNING'").update();
	}

	private TrainingJob map(ResultSet rs, int row) throws SQLException {
		String report = rs.getString("report");
		return new TrainingJob(rs.getString("id"), JobState.valueOf(rs.getString("state")), rs.getString("task"),
				rs.getString("model_name"), this.json.readValue(rs.getString("request"), TrainingJobRequest.class),
				rs.getString("device"), rs.getInt("epoch"), rs.getInt("epochs"),
				this.json.readValue(rs.getString("history"), HISTORY), null,
				(Double) rs.getObject("samples_per_second"), (Integer) rs.getObject("result_version"),
				(Boolean) rs.getObject("promoted"), (report != null) ? this.json.readValue(report, REPORT) : null,
				rs.getString("failure_reason"), rs.getInt("attempts"), instant(rs, "created_at"),
				instant(rs, "started_at"), instant(rs, "finished_at"));
	}

	private static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
