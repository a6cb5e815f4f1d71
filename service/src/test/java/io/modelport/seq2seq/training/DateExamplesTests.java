package io.modelport.seq2seq.training;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated dates: every rendering parses back to its date, generation is seeded, and
 * the held-out days never appear in training.
 *
 * @author Modelport Team
 */
class DateExamplesTests {

	@Test
	void everyFormatParsesBackToTheSameDateInAnyLetterCase() {
		List<LocalDate> days = List.of(LocalDate.of(2021, 3, 3), LocalDate.of(1900, 1, 1), LocalDate.of(2099, 12, 31),
				LocalDate.of(1950, 2, 28), LocalDate.of(2049, 11, 12), LocalDate.of(1999, 7, 22));
		for (DateExamples.DateFormat format : DateExamples.FORMATS) {
			for (LocalDate day : days) {
				if (format.canRender(day)) {
					String text = format.formatter().format(day);
					assertThat(LocalDate.parse(text, format.formatter())).as(text).isEqualTo(day);
					assertThat(LocalDate.parse(text.toUpperCase(), format.formatter())).as(text).isEqualTo(day);
					assertThat(LocalDate.parse(text.toLowerCase(), format.formatter())).as(text).isEqualTo(day);
				}
			}
		}
	}

	@Test
	void rendersTheDocumentedConventions() {
		LocalDate day = LocalDate.of(2021, 3, 3);
		List<String> texts = DateExamples.FORMATS.stream().map((format) -> format.formatter().format(day)).toList();
		assertThat(texts).contains("3 March 2021", "03/03/21", "Mar 3, 2021", "Wednesday, March 3 2021", "2021.03.03",
				"March 3rd, 2021", "3rd of March 2021", "20210303");
		assertThat(DateExamples.FORMATS.get(1).formatter().format(LocalDate.of(2021, 4, 3))).isEqualTo("03/04/21");
		assertThat(DateExamples.FORMATS.stream().filter(DateExamples.DateFormat::twoDigitYear))
			.allSatisfy((format) -> assertThat(format.canRender(LocalDate.of(1949, 1, 1))).isFalse());
		Random random = new Random(1);
		for (int i = 0; i < 200; i++) {
			LocalDate old = LocalDate.of(1920, 1, 1).plusDays(i);
			String text = DateExamples.render(old, random);
			assertThat(text).as("a 1920 date keeps its century").contains("1920");
		}
	}

	@Test
	void isSeededAndHoldsOutTestAndDevDays() {
		PairSplits first = DateExamples.generate(7, 3000, 200, 300);
		PairSplits again = DateExamples.generate(7, 3000, 200, 300);
		PairSplits other = DateExamples.generate(8, 3000, 200, 300);
		assertThat(again).isEqualTo(first);
		assertThat(other.test()).isNotEqualTo(first.test());
		assertThat(first.train()).hasSize(3000);
		assertThat(first.dev()).hasSize(200);
		assertThat(first.test()).hasSize(300);
		Set<String> trained = new HashSet<>();
		first.train().forEach((pair) -> trained.add(pair.target()));
		assertThat(first.test()).noneMatch((pair) -> trained.contains(pair.target()));
		assertThat(first.dev()).noneMatch((pair) -> trained.contains(pair.target()));
		assertThat(first.test()).allSatisfy((pair) -> assertThat(pair.target()).matches("\\d{4}-\\d{2}-\\d{2}"));
		assertThat(DateExamples.dayCount()).isEqualTo(73_049);
	}

}
