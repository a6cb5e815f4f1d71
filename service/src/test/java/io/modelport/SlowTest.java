package io.modelport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A heavy integration suite that brings its own setup: forked service or worker JVMs,
 * PostgreSQL, Docker, Prometheus, fuzzing, or the re-measurement of a shipped model. It
 * runs in Failsafe during {@code verify}; {@code -Dgroups=slow} or
 * {@code -DexcludedGroups=slow} pick it out or leave it out.
 *
 * @author Modelport Team
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("integration")
@Tag("slow")
public @interface SlowTest {

}
