package io.modelport.faces.gallery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The face gallery ({@code modelport.faces.gallery.*}).
 *
 * @param storeImages keep the enrolled images in the database; only then can embeddings
 * be recomputed for a newly promoted version, otherwise identities enrolled with another
 * version are stale until enrolled again
 * @param maxImagesPerIdentity the most images one enrolment may carry
 * @param maxIdentities the most identities one model's gallery may hold
 * @param topK the candidates an identification reports by default
 * @author Modelport Team
 */
@Validated
@ConfigurationProperties("modelport.faces.gallery")
public record GalleryProperties(@DefaultValue("false") boolean storeImages,
		@DefaultValue("20") @Min(1) @Max(1000) int maxImagesPerIdentity,
		@DefaultValue("10000") @Min(1) int maxIdentities, @DefaultValue("5") @Min(1) @Max(100) int topK) {

}
