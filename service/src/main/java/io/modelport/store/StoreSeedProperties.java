package io.modelport.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A read-only store that fills the writable one ({@code modelport.store.seed-from}); the
 * {@code local} profile serves {@code data/model-store} seeded from the shipped
 * {@code model-store}. Unset: the store is used as it is.
 *
 * @param seedFrom the read-only store, or {@code null}
 * @author Modelport Team
 */
@ConfigurationProperties("modelport.store")
public record StoreSeedProperties(Path seedFrom) {

}
