package io.modelport.seq2seq.training;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The generated date-normalisation task: a date between 1900-01-01 and 2099-12-31 written
 * the way people write dates (in English, in one of {@link #FORMATS}, in upper, lower or
 * its own case) must come out as ISO 8601 {@code yyyy-mm-dd}.
 * <p>
 * Conventions, so every rendering names one date: numeric dates with slashes or dots are
 * day first ({@code 03/04/21} is 3 April); a two-digit year is 1950-2049 (so those
 * formats only render dates of those years); month names are spelled in English.
 * <p>
 * The split holds out dates, not renderings: all days are shuffled with the seed, the
 * first test days and the next dev days are never rendered for training.
 *
 * @author Modelport Team
 */
public final class DateExamples {

	/** How the data set is described in provenance. */
	public static final String DESCRIPTION = "generated dates 1900-2099 in 18 human formats (day-first numeric dates, "
			+ "two-digit years 1950-2049) to ISO 8601; dev and test days never rendered for training";

	/** The first date generated. */
	public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);

	/** The last date generated. */
	public static final LocalDate LAST = LocalDate.of(2099, 12, 31);

	/** The formats, each a formatter that also parses its renderings back. */
	public static final List<DateFormat> FORMATS = List.of(format("d MMMM uuuu", false), format("dd/MM/", true),
			format("MMM d, uuuu", false), format("EEEE, MMMM d uuuu", false), format("uuuu.MM.dd", false),
			format("dd.MM.uuuu", false), format("d/M/uuuu", false), format("MMMM d, uuuu", false),
			ordinal((b) -> b.appendPattern("MMMM "), (b) -> b.appendPattern(", uuuu")), ordinal((b) -> {
			}, (b) -> b.appendPattern(" 'of' MMMM uuuu")), format("uuuuMMdd", false), format("dd MMM uuuu", false),
			format("EEE d MMM uuuu", false), format("d MMM ", true), format("uuuu-M-d", false),
			format("dd-MMM-uuuu", false), format("EEEE d MMMM uuuu", false), format("MMM. d uuuu", false));

	private DateExamples() {
	}

	/**
	 * Generates the splits.
	 * @param seed the seed of the day shuffle and of every rendering
	 * @param trainExamples the training renderings (of random training days)
	 * @param devDays the held-out days for dev, one rendering each
	 * @param testDays the held-out days for test, one rendering each
	 * @return the splits
	 */
	public static PairSplits generate(long seed, int trainExamples, int devDays, int testDays) {
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
			days.add(day);
		}
		Collections.shuffle(days, new Random(seed));
		Random random = new Random(seed + 1);
		List<SequencePair> test = render(days.subList(0, testDays), random);
		List<SequencePair> dev = render(days.subList(testDays, testDays + devDays), random);
		List<LocalDate> pool = days.subList(testDays + devDays, days.size());
		List<SequencePair> train = new ArrayList<>(trainExamples);
		for (int i = 0; i < trainExamples; i++) {
			LocalDate day = pool.get(random.nextInt(pool.size()));
			train.add(new SequencePair(render(day, random), day.toString()));
		}
		return new PairSplits(train, dev, test);
	}

	/**
	 * The number of days generated, 1900-2099.
	 * @return the day count
	 */
	public static int dayCount() {
		return (int) ChronoUnit.DAYS.between(FIRST, LAST) + 1;
	}

	/**
	 * Writes a date in a random format that can hold it, in a random letter case.
	 * @param day the date
	 * @param random the random source
	 * @return the human-written date
	 */
	public static String render(LocalDate day, Random random) {
		List<DateFormat> usable = FORMATS.stream().filter((format) -> format.canRender(day)).toList();
		String text = usable.get(random.nextInt(usable.size())).formatter().format(day);
		double letterCase = random.nextDouble();
		if (letterCase < 0.2) {
			return text.toLowerCase(Locale.ROOT);
		}
		return (letterCase < 0.3) ? text.toUpperCase(Locale.ROOT) : text;
	}

	private static List<SequencePair> render(List<LocalDate> days, Random random) {
		return days.stream().map((day) -> new SequencePair(render(day, random), day.toString())).toList();
	}

	private static DateFormat format(String pattern, boolean twoDigitYear) {
		DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern);
		if (twoDigitYear) {
			builder.appendValueReduced(ChronoField.YEAR, 2, 2, 1950);
		}
		return new DateFormat(builder.toFormatter(Locale.ENGLISH), twoDigitYear);
	}

	// "3rd": java.time has no ordinal day, so the day is written as text from a table.
	private static DateFormat ordinal(Consumer<DateTimeFormatterBuilder> before,
			Consumer<DateTimeFormatterBuilder> after) {
		Map<Long, String> ordinals = new HashMap<>();
		for (long day = 1; day <= 31; day++) {
			String suffix = (day % 10 == 1 && day != 11) ? "st"
					: (day % 10 == 2 && day != 12) ? "nd" : (day % 10 == 3 && day != 13) ? "rd" : "th";
			ordinals.put(day, day + suffix);
		}
		DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive();
		before.accept(builder);
		builder.appendText(ChronoField.DAY_OF_MONTH, ordinals);
		after.accept(builder);
		return new DateFormat(builder.toFormatter(Locale.ENGLISH), false);
	}

	/**
	 * One way of writing dates.
	 *
	 * @param formatter writes and parses the format (letter case ignored when parsing)
	 * @param twoDigitYear whether the year has two digits, which limits it to 1950-2049
	 */
	public record DateFormat(DateTimeFormatter formatter, boolean twoDigitYear) {

		/**
		 * Tells whether the format can write a date unambiguously.
		 * @param day the date
		 * @return {@code false} for a two-digit year outside 1950-2049
		 */
		public boolean canRender(LocalDate day) {
			return !this.twoDigitYear || (day.getYear() >= 1950 && day.getYear() <= 2049);
		}

	}

}
