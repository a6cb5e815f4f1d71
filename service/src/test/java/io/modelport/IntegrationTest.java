package io.modelport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * An integration test of the whole service on a random loopback port, serving the
 * {@link TestStore shared test store} or the one {@link #store()} names. It runs in
 * Failsafe during {@code verify}, and a {@link LocalHttp} parameter (constructor or
 * method) is a client of the service once it is ready and no model is still loading.
 * Metrics are exported as in production. Test classes that add no properties of their own
 * share one cached application context.
 *
 * @author Modelport Team
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("integration")
@AutoConfigureMetrics
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(LocalHttpResolver.class)
public @interface IntegrationTest {

	/**
	 * The model store to serve, for the suites whose models are not in the shared one (an
	 * ONNX export, the shipped face-api): a class with a no-argument constructor whose
	 * {@code get()} builds the store folder, once per test JVM. Classes naming the same
	 * store share one cached context.
	 * @return the store's builder
	 */
	Class<? extends Supplier<Path>> store() default TestStore.Shared.class;

}
