package io.modelport.seq2seq;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.modelport.runtime.LoadedModel;
import io.modelport.runtime.ModelLoader;
import io.modelport.runtime.RuntimeProperties;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ModelStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Translations on several threads at once through one loaded model with two workers, each
 * with its own predictor over the shared network: none may fail. Before the network
 * looked its embeddings up by indexing, DJL's {@code IdEmbedding} released the shared
 * table's native memory under this load.
 *
 * @author Modelport Team
 */
class ConcurrentTranslationTests {

	@Test
	void concurrentTranslationsAllSucceed() throws Exception {
		ModelLoader loader = new ModelLoader(List.of(new Seq2SeqTaskAdapter()), RuntimeProperties.of("cpu", 2),
				new SimpleMeterRegistry());
		ModelDescriptor descriptor = new ModelStore(TranslatorFixture.store()).find(TranslatorFixture.MODEL)
			.orElseThrow()
			.descriptor(1);
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try (LoadedModel loaded = loader.load(descriptor)) {
			List<Future<Integer>> futures = new ArrayList<>();
			for (int i = 0; i < 600; i++) {
				TranslationInput input = new TranslationInput(TranslatorFixture.SOURCE.encode("3 mar " + i),
						new BeamSettings(1 + i % 3, 0.7, 10, 1));
				futures.add(pool.submit(() -> loaded.<List<Hypothesis>>predict(input).size()));
			}
			List<String> failures = new ArrayList<>();
			for (Future<Integer> future : futures) {
				try {
					assertThat(future.get()).isOne();
				}
				catch (ExecutionException ex) {
					failures.add(ex.getCause().toString());
				}
			}
			assertThat(failures).isEmpty();
		}
		finally {
			pool.shutdown();
		}
	}

}
