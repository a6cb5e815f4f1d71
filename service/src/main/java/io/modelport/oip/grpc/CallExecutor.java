package io.modelport.oip.grpc;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads gRPC calls run on: an idle thread takes the next call, a new one starts
 * only when every thread is busy, up to {@code maxThreads}; beyond that calls wait in
 * line. A fixed pool ({@code Executors.newFixedThreadPool}) starts a new thread for each
 * of its first {@code maxThreads} calls even when the others are idle, and a call on a
 * fresh thread is slow: the inference runs on the caller's thread when the model is idle,
 * and PyTorch sets up its per-thread state on each thread's first call. With 200 threads
 * that was the first 200 calls, which at concurrency 1 was every call of a short
 * benchmark.
 *
 * @author Modelport Team
 */
final class CallExecutor {

	private static final long IDLE_SECONDS = 60;

	private CallExecutor() {
	}

	/**
	 * Creates the pool.
	 * @param maxThreads the most calls that run at once
	 * @param prefix the threads' name prefix
	 * @return the pool
	 */
	static ThreadPoolExecutor create(int maxThreads, String prefix) {
		HandOff queue = new HandOff();
		ThreadPoolExecutor pool = new ThreadPoolExecutor(1, maxThreads, IDLE_SECONDS, TimeUnit.SECONDS, queue,
				threads(prefix), (task, executor) -> {
					if (executor.isShutdown()) {
						throw new RejectedExecutionException("the gRPC server is stopping");
					}
					// Every thread is busy and no more may start: wait for one.
					queue.enqueue(task);
				});
		return pool;
	}

	private static ThreadFactory threads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * Accepts a task from {@link ThreadPoolExecutor#execute} only when an idle thread is
	 * waiting for it, so the executor starts a thread instead of queueing while it may.
	 */
	static final class HandOff extends LinkedTransferQueue<Runnable> {

		@Override
		public boolean offer(Runnable task) {
			return tryTransfer(task);
		}

		void enqueue(Runnable task) {
			super.offer(task);
		}

	}

}
