package io.modelport.runtime;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the inference runtime ({@code modelport.runtime.*}).
 *
 * @param device where models run: {@code auto} (a GPU when the engine sees one, else the
 * CPU), {@code cpu}, {@code gpu} or {@code gpu:N}
 * @param workers predictors per loaded model version, each used by one thread at a time
 * @param predictorWait how long a request waits for a free predictor before it is refused
 * as busy
 * @author Modelport Team
 */
@Validated
@ConfigurationProperties("modelport.runtime")
public record RuntimeProperties(@DefaultValue("auto") @NotBlank String device,
		@DefaultValue("2") @Min(1) @Max(64) int workers, @DefaultValue("5s") Duration predictorWait) {

}
