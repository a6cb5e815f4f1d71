package io.modelport.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading a training job's Server-Sent Events as an iterator and as a publisher.
 *
 * @author Modelport Team
 */
class ClientEventStreamTests {

	private static final String JOB = "{\"id\":\"j1\",\"state\":\"%s\",\"task\":\"word2vec\",\"epoch\":%d,\"epochs\":2}";

	// The layout Spring's SseEmitter writes, plus a comment, a space after the colon and
	// a
	// data field over two lines, which the format allows.
	private static final String STREAM = "event:snapshot\ndata:" + JOB.formatted("QUEUED", 0) + "\n\n"
			+ ": keep-alive\n\n" + "event:state\ndata:{\"state\":\"RUNNING\"}\n\n"
			+ "event: epoch\ndata:{\"epoch\":1,\"trainLoss\":2.5,\n"
			+ "data:\"devLoss\":2.0,\"devAccuracy\":0.5,\"learningRate\":0.01,\"seconds\":1.5,\"samplesPerSecond\":100}\n\n"
			+ "event:state\ndata:" + JOB.formatted("SUCCEEDED", 2) + "\n\n";

	@Test
	void theIteratorGivesTypedEventsUntilTheJobEnds() {
		try (TinyServer server = TinyServer
			.answering(new TinyServer.Answer(200, Map.of("Content-Type", "text/event-stream"), STREAM, 0));
				JobEventStream events = server.client(RetryPolicy.NONE).jobs().follow("j1")) {
			List<JobEvent> all = new ArrayList<>();
			events.forEachRemaining(all::add);
			assertThat(all).extracting(JobEvent::name).containsExactly("snapshot", "state", "epoch", "state");
			assertThat(all.get(0).job().state()).isEqualTo("QUEUED");
			assertThat(all.get(1).state()).isEqualTo("RUNNING");
			assertThat(all.get(2).epoch().trainLoss()).isEqualTo(2.5);
			assertThat(all.get(2).epoch().devAccuracy()).isEqualTo(0.5);
			assertThat(all.get(3).ended()).isTrue();
			assertThat(all.get(3).job().epoch()).isEqualTo(2);
			assertThat(events.hasNext()).isFalse();
			assertThat(server.seen().get(0).uri()).isEqualTo("/api/v1/training-jobs/j1/events");
			assertThat(server.seen().get(0).headers().getFirst("Accept")).isEqualTo("text/event-stream");
		}
	}

	@Test
	void thePublisherDeliversTheSameEventsAndCompletes() throws Exception {
		try (TinyServer server = TinyServer
			.answering(new TinyServer.Answer(200, Map.of("Content-Type", "text/event-stream"), STREAM, 0))) {
			Collector collector = new Collector();
			server.client(RetryPolicy.NONE).jobs().events("j1").subscribe(collector);
			assertThat(collector.done.get(30, TimeUnit.SECONDS)).extracting(JobEvent::name)
				.containsExactly("snapshot", "state", "epoch", "state");
		}
	}

	@Test
	void thePublisherFailsWithTheProblemOfAnUnknownJob() {
		try (TinyServer server = TinyServer.answering(TinyServer.problem(404, """
				{"title":"Not found","status":404,"detail":"job 'x' does not exist"}""", Map.of()))) {
			Collector collector = new Collector();
			server.client(RetryPolicy.NONE).jobs().events("x").subscribe(collector);
			assertThatExceptionOfType(Exception.class).isThrownBy(() -> collector.done.get(30, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(NotFoundException.class)
				.withMessageContaining("job 'x' does not exist");
		}
	}

	private static final class Collector implements Flow.Subscriber<JobEvent> {

		private final List<JobEvent> events = new ArrayList<>();

		private final CompletableFuture<List<JobEvent>> done = new CompletableFuture<>();

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(JobEvent item) {
			this.events.add(item);
		}

		@Override
		public void onError(Throwable throwable) {
			this.done.completeExceptionally(throwable);
		}

		@Override
		public void onComplete() {
			this.done.complete(this.events);
		}

	}

}
