package io.modelport.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named network architecture and the hyperparameters that rebuild it in code.
 *
 * @param name the architecture name known to the catalog, for example {@code fashion-cnn}
 * @param parameters its hyperparameters
 * @author Modelport Team
 */
public record Architecture(String name, Map<String, Object> parameters) {

	public Architecture {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("architecture name must not be blank");
		}
		// Keep the written order, so descriptors stay readable.
		parameters = (parameters != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(parameters)) : Map.of();
	}

}
