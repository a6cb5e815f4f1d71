package io.modelport.client;

import java.net.http.HttpResponse;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;

/**
 * Training jobs: {@code /api/v1/training-jobs}.
 *
 * @author Modelport Team
 */
public final class TrainingJobs {

	private static final String PATH = "/api/v1/training-jobs";

	private final Transport transport;

	TrainingJobs(Transport transport) {
		this.transport = transport;
	}

	/**
	 * Queues a training job.
	 * @param request the job
	 * @return the queued job
	 * @throws InvalidRequestException listing every invalid field in {@code errors()}
	 */
	public TrainingJob submit(TrainingJobRequest request) {
		return this.transport.postJson(PATH, request, TrainingJob.class);
	}

	/**
	 * Queues a training job given as JSON (a {@code job.json} file's text).
	 * @param json the job
	 * @return the queued job
	 */
	public TrainingJob submit(String json) {
		return this.transport.post(PATH, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
				TrainingJob.class);
	}

	/**
	 * A job: state, device, epochs, history, result, failure reason.
	 * @param id the job id
	 * @return the job
	 * @throws NotFoundException when there is no such job
	 */
	public TrainingJob get(String id) {
		return this.transport.get(PATH + "/" + Transport.segment(id), TrainingJob.class);
	}

	/**
	 * A page of jobs, newest first.
	 * @param state only jobs in this state, {@code null} for all
	 * @param page the page, from 0
	 * @param size the page size, 1 to 100
	 * @return the page
	 */
	public JobPage list(String state, int page, int size) {
		return this.transport.get(Transport.path(PATH, Transport.query("state", state), Transport.query("page", page),
				Transport.query("size", size)), JobPage.class);
	}

	/**
	 * Cancels a queued or running job.
	 * @param id the job id
	 * @return the job, CANCELLED
	 * @throws ConflictException when it has already ended
	 */
	public TrainingJob cancel(String id) {
		return this.transport.read(this.transport.send(this.transport.request(PATH + "/" + Transport.segment(id), false)
			.header("Accept", "application/json")
			.DELETE()
			.build()), TrainingJob.class);
	}

	/**
	 * Follows a job's events, blocking: a snapshot, then epochs and states until it ends.
	 * @param id the job id
	 * @return the events; close it to stop early
	 */
	public JobEventStream follow(String id) {
		Transport.Reply<java.util.stream.Stream<String>> reply = this.transport
			.send(this.transport.request(PATH + "/" + Transport.segment(id) + "/events", true)
				.header("Accept", "text/event-stream")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofLines());
		return new JobEventStream(reply.body(), this.transport.json());
	}

	/**
	 * A job's events as a {@link Flow.Publisher}: each subscriber gets its own stream,
	 * read on a thread of its own and delivered with back-pressure; it completes when the
	 * job ends and fails with a {@link ModelportException} when the stream cannot be
	 * opened.
	 * @param id the job id
	 * @return the publisher
	 */
	public Flow.Publisher<JobEvent> events(String id) {
		return (subscriber) -> {
			SubmissionPublisher<JobEvent> publisher = new SubmissionPublisher<>();
			publisher.subscribe(subscriber);
			Thread reader = new Thread(() -> {
				try (JobEventStream events = follow(id)) {
					while (events.hasNext() && publisher.hasSubscribers()) {
						publisher.submit(events.next());
					}
					publisher.close();
				}
				catch (RuntimeException ex) {
					publisher.closeExceptionally(ex);
				}
			}, "modelport-job-events-" + id);
			reader.setDaemon(true);
			reader.start();
		};
	}

}
