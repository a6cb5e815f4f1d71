package io.modelport.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the model store is and how it is loaded ({@code modelport.store.*}).
 *
 * @param location the model store folder
 * @param loadParallelism how many model versions load at the same time at startup
 * @param requiredModels models readiness waits for, in addition to those whose
 * {@code model.yaml} says {@code required: true}
 * @param reloadTimeout how long a reload request waits for new versions to load
 * @param unloadReplaced whether promoting a version unloads the default it replaces, so
 * memory does not grow with every promoted training run
 * @param swapGrace how long a replaced version keeps accepting requests that resolved it
 * just before the default flipped, before it drains and closes
 * @param allowedLocations folders besides the store that model files may resolve to
 * through symbolic links; a link leading anywhere else fails its version
 * @author Modelport Team
 */
@Validated
@ConfigurationProperties("modelport.store")
public record ModelStoreProperties(@DefaultValue("model-store") @NotNull Path location,
		@DefaultValue("2") @Min(1) @Max(32) int loadParallelism, @DefaultValue List<String> requiredModels,
		@DefaultValue("120s") Duration reloadTimeout, @DefaultValue("true") boolean unloadReplaced,
		@DefaultValue("2s") Duration swapGrace, @DefaultValue List<Path> allowedLocations) {

	public ModelStoreProperties {
		requiredModels = (requiredModels != null) ? List.copyOf(requiredModels) : List.of();
		allowedLocations = (allowedLocations != null) ? List.copyOf(allowedLocations) : List.of();
	}

}
