package io.modelport.client;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Retries of 429 and 503 that honour {@code Retry-After} within a bounded budget.
 *
 * @author Modelport Team
 */
class ClientRetryTests {

	private static final String BUSY = """
			{"type":"urn:modelport:problem:model-busy","title":"Model busy","status":429,"detail":"queue full"}""";

	@Test
	void aBusyAnswerIsRetriedAfterTheWaitTheServerAskedFor() {
		try (TinyServer server = TinyServer.answering(TinyServer.problem(429, BUSY, Map.of("Retry-After", "1")),
				TinyServer.json(200, "{\"model\":\"m\",\"version\":2,\"predictions\":[{\"label\":\"Trouser\","
						+ "\"probability\":0.9}]}"))) {
			Classification answer = server.client(RetryPolicy.DEFAULT).classify("m", new byte[] { 1 }, 1, null);
			assertThat(answer.predictions().get(0).label()).isEqualTo("Trouser");
			assertThat(server.seen()).hasSize(2);
			long waited = server.seen().get(1).nanos() - server.seen().get(0).nanos();
			assertThat(Duration.ofNanos(waited)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
			assertThat(server.seen().get(1).body()).containsExactly(1);
			assertThat(server.seen().get(1).uri()).isEqualTo("/api/v1/models/m/classify?topK=1");
		}
	}

	@Test
	void retriesStopAtTheirCountAndThrowWithTheLastRetryAfter() {
		try (TinyServer server = TinyServer.answering(TinyServer.problem(503, """
				{"title":"Model not ready","status":503,"detail":"loading"}""", Map.of("Retry-After", "0")))) {
			RetryPolicy twice = new RetryPolicy(2, Duration.ofSeconds(10), Duration.ofSeconds(1));
			assertThatExceptionOfType(UnavailableException.class)
				.isThrownBy(() -> server.client(twice).models().describe("m"))
				.satisfies((ex) -> {
					assertThat(ex.status()).isEqualTo(503);
					assertThat(ex.retryAfter()).isEqualTo(Duration.ZERO);
					assertThat(ex.detail()).isEqualTo("loading");
				});
			assertThat(server.seen()).hasSize(3);
		}
	}

	@Test
	void aWaitPastTheBudgetIsNotWaitedAtAll() {
		try (TinyServer server = TinyServer.answering(TinyServer.problem(429, BUSY, Map.of("Retry-After", "120")))) {
			long start = System.nanoTime();
			assertThatExceptionOfType(UnavailableException.class)
				.isThrownBy(() -> server.client(RetryPolicy.DEFAULT).models().list())
				.satisfies((ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(120)));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			assertThat(server.seen()).hasSize(1);
		}
	}

	@Test
	void withoutRetryAfterTheFallbackDelayIsUsedUntilTheTotalBudgetIsSpent() {
		try (TinyServer server = TinyServer.answering(TinyServer.problem(503, "{\"status\":503}", Map.of()))) {
			RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(450), Duration.ofMillis(200));
			assertThatExceptionOfType(UnavailableException.class)
				.isThrownBy(() -> server.client(policy).models().list());
			// 200 + 200 ms fit the 450 ms budget, a third wait would not.
			assertThat(server.seen()).hasSize(3);
		}
	}

	@Test
	void otherErrorsAreNeverRetried() {
		try (TinyServer server = TinyServer.answering(TinyServer.problem(500, "{\"status\":500}", Map.of()))) {
			assertThatExceptionOfType(ServerException.class)
				.isThrownBy(() -> server.client(RetryPolicy.DEFAULT).models().list());
			assertThat(server.seen()).hasSize(1);
		}
	}

	@Test
	void retryAfterIsReadAsSecondsOrAnHttpDate() {
		assertThat(Transport.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
		assertThat(Transport.retryAfter("-3")).isEqualTo(Duration.ZERO);
		assertThat(Transport.retryAfter("soon")).isNull();
		assertThat(Transport.retryAfter(null)).isNull();
		String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
		assertThat(Transport.retryAfter(inAMinute)).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
		String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(60));
		assertThat(Transport.retryAfter(past)).isEqualTo(Duration.ZERO);
	}

	@Test
	void aNegativeBudgetIsRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO));
	}

}
