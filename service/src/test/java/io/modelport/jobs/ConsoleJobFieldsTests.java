package io.modelport.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.datasets.Dataset;
import io.modelport.datasets.DatasetCatalog;
import io.modelport.datasets.DatasetKind;
import io.modelport.jobs.InvalidJobRequestException.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The console's job form states each field's valid range (min and max in
 * {@code static/console/js/job-fields.js}): the job validator must accept both ends and
 * refuse a value just outside, naming the same field, so the form never promises what the
 * API refuses.
 *
 * @author Modelport Team
 */
class ConsoleJobFieldsTests {

	private static final Path FIELDS = Path.of("src/main/resources/static/console/js/job-fields.js");

	private static final Pattern FIELD = Pattern
		.compile("name: '([a-zA-Z.]+)'[^}]*?min: ([0-9.e-]+), max: ([0-9.e-]+)(, step: 1)?");

	private final DatasetCatalog catalog = mock(DatasetCatalog.class);

	private final TrainingJobValidator validator = new TrainingJobValidator(this.catalog);

	private final JsonMapper json = JsonMapper.builder().build();

	ConsoleJobFieldsTests() {
		given(this.catalog.find("shapes")).willReturn(Optional
			.of(new Dataset("shapes", DatasetKind.IDX, "upload", Path.of("/tmp/shapes"), Map.of(), Instant.now())));
	}

	@Test
	void everyRangeTheFormStatesIsTheValidatorsRange() throws IOException {
		Matcher matcher = FIELD.matcher(Files.readString(FIELDS));
		List<String> checked = new ArrayList<>();
		while (matcher.find()) {
			String field = matcher.group(1);
			double min = Double.parseDouble(matcher.group(2));
			double max = Double.parseDouble(matcher.group(3));
			boolean integer = matcher.group(4) != null;
			double step = integer ? 1 : 1e-6;
			// The learning rate's range is open at 0: the form's min is its smallest
			// step.
			if (!field.endsWith("learningRate")) {
				assertThat(errors(field, min, integer)).as(field + " = " + min).doesNotContain(field);
				assertThat(errors(field, min - step, integer)).as(field + " below its min").contains(field);
			}
			assertThat(errors(field, max, integer)).as(field + " = " + max).doesNotContain(field);
			assertThat(errors(field, max + step, integer)).as(field + " above its max").contains(field);
			checked.add(field);
		}
		assertThat(checked).contains("settings.epochs", "settings.batchSize", "settings.optimizer.learningRate",
				"settings.devFraction", "input.width", "settings.maxShift");
	}

	private List<String> errors(String field, double value, boolean integer) {
		Map<String, Object> request = new LinkedHashMap<>(Map.of("task", "classifier", "model", "m", "dataset",
				"shapes", "architecture", Map.of("name", "conv-classifier")));
		String[] path = field.split("\\.");
		Map<String, Object> target = request;
		for (int i = 0; i < path.length - 1; i++) {
			@SuppressWarnings("unchecked")
			Map<String, Object> next = (Map<String, Object>) target.computeIfAbsent(path[i],
					(k) -> new LinkedHashMap<String, Object>());
			target = next;
		}
		target.put(path[path.length - 1], integer ? (Object) (long) value : (Object) value);
		TrainingJobRequest parsed = this.json.convertValue(request, TrainingJobRequest.class);
		InvalidJobRequestException refused = catchThrowableOfType(InvalidJobRequestException.class,
				() -> this.validator.validate(parsed));
		return (refused != null) ? refused.errors().stream().map(FieldError::field).toList() : List.of();
	}

}
