package io.modelport.datasets;

import java.nio.file.Path;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where datasets are stored and the limits on uploads ({@code modelport.datasets.*}).
 *
 * @param location the folder of uploaded datasets, one sub-folder each
 * @param fashionMnistLocation the folder with the Fashion-MNIST IDX files; the built-in
 * dataset is listed only when they are all there
 * @param maxUploadSize the largest upload accepted, as sent (zipped or not)
 * @param maxEntries the most entries a zip archive may have
 * @param maxUncompressedSize the most bytes a zip archive may expand to
 * @param maxCompressionRatio the highest uncompressed to compressed ratio of an entry
 * larger than 1 MiB
 * @param maxImagePixels the largest width × height of an uploaded image
 * @param bibleCommand the {@code bible} program of Debian's {@code bible-kjv} package;
 * the built-in {@code kjv-bible} text corpus is listed only when it exists
 * @author Modelport Team
 */
@Validated
@ConfigurationProperties("modelport.datasets")
public record DatasetProperties(@DefaultValue("data/datasets") @NotNull Path location,
		@DefaultValue("/usr/share/datasets/fashion-mnist") @NotNull Path fashionMnistLocation,
		@DefaultValue("512MB") @NotNull DataSize maxUploadSize, @DefaultValue("100000") @Min(1) int maxEntries,
		@DefaultValue("2GB") @NotNull DataSize maxUncompressedSize,
		@DefaultValue("100") @Min(1) int maxCompressionRatio, @DefaultValue("40000000") @Min(1) long maxImagePixels,
		@DefaultValue("/usr/bin/bible") @NotNull Path bibleCommand) {

}
