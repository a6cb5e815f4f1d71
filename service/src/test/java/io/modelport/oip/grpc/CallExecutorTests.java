package io.modelport.oip.grpc;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The gRPC call pool reuses an idle thread rather than starting one per call, starts
 * threads only while all are busy, queues beyond its maximum and refuses after shutdown.
 *
 * @author Modelport Team
 */
class CallExecutorTests {

	@Test
	void callsOneAfterAnotherReuseOneThread() throws Exception {
		ThreadPoolExecutor pool = CallExecutor.create(200, "test-call-");
		try {
			Set<String> names = ConcurrentHashMap.newKeySet();
			for (int i = 0; i < 50; i++) {
				// Once the last call's thread is idle again (waiting for work), it takes
				// the next.
				while (i > 0 && !((CallExecutor.HandOff) pool.getQueue()).hasWaitingConsumer()) {
					Thread.sleep(1);
				}
				pool.submit(() -> names.add(Thread.currentThread().getName())).get(5, TimeUnit.SECONDS);
			}
			assertThat(names).hasSize(1);
			assertThat(pool.getLargestPoolSize()).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void busyThreadsGrowThePoolUpToItsMaximumThenCallsWait() throws Exception {
		ThreadPoolExecutor pool = CallExecutor.create(3, "test-call-");
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch started = new CountDownLatch(3);
		CountDownLatch finished = new CountDownLatch(5);
		try {
			for (int i = 0; i < 5; i++) {
				pool.execute(() -> {
					started.countDown();
					try {
						release.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					finished.countDown();
				});
			}
			assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(pool.getPoolSize()).isEqualTo(3);
			assertThat(pool.getQueue()).hasSize(2);
			release.countDown();
			assertThat(finished.await(5, TimeUnit.SECONDS)).as("the queued calls ran").isTrue();
			assertThat(pool.getLargestPoolSize()).isEqualTo(3);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aStoppedPoolRefusesCalls() {
		ThreadPoolExecutor pool = CallExecutor.create(2, "test-call-");
		pool.shutdown();
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> pool.execute(() -> {
		})).withMessageContaining("stopping");
	}

}
