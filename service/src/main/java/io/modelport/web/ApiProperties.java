package io.modelport.web;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the REST API ({@code modelport.api.*}).
 *
 * @param maxRequestSize the largest request body accepted, in every input form
 * @param maxImagePixels the largest width × height decoded; larger images are refused
 * from their header, before decoding
 * @param maxTextLength the longest text (in characters) a text endpoint embeds
 * @author Modelport Team
 */
@Validated
@ConfigurationProperties("modelport.api")
public record ApiProperties(@DefaultValue("16MB") DataSize maxRequestSize,
		@DefaultValue("40000000") @Min(1) long maxImagePixels, @DefaultValue("100000") @Min(1) int maxTextLength) {

}
