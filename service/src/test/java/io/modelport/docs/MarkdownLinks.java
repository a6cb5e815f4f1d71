package io.modelport.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the relative links of Markdown files that lead nowhere: a file or folder that
 * does not exist, or a {@code #fragment} that is no heading of the target. Anchors are
 * made from headings the way GitHub makes them, so a link that works here works there.
 *
 * @author Modelport Team
 */
final class MarkdownLinks {

	/**
	 * An inline link or image; the target stops at whitespace (an optional title
	 * follows).
	 */
	private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\)");

	private static final Pattern INLINE_CODE = Pattern.compile("`+[^`]*`+");

	private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

	/** What GitHub drops from a heading's text before turning spaces into hyphens. */
	private static final Pattern NOT_IN_ANCHOR = Pattern.compile("[^\\p{L}\\p{N}\\p{M} _-]");

	private final Map<Path, Set<String>> anchors = new HashMap<>();

	/**
	 * The broken links of the given files, as {@code file:line: target (why)}.
	 * @param root the folder the reported paths are relative to
	 * @param files the Markdown files to check
	 * @return one line per broken link, empty when every link resolves
	 */
	List<String> broken(Path root, List<Path> files) {
		List<String> broken = new ArrayList<>();
		for (Path file : files) {
			List<String> lines = read(file);
			boolean fenced = false;
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i);
				if (line.stripLeading().startsWith("```")) {
					fenced = !fenced;
					continue;
				}
				if (fenced) {
					continue;
				}
				Matcher link = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
				while (link.find()) {
					String why = check(file, link.group(1));
					if (why != null) {
						broken.add(root.relativize(file) + ":" + (i + 1) + ": " + link.group(1) + " (" + why + ")");
					}
				}
			}
		}
		return broken;
	}

	private String check(Path file, String target) {
		if (target.contains("://") || target.startsWith("mailto:")) {
			return null;
		}
		int hash = target.indexOf('#');
		String path = (hash >= 0) ? target.substring(0, hash) : target;
		String fragment = (hash >= 0) ? target.substring(hash + 1) : null;
		Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
		if (!Files.exists(resolved)) {
			return "no such file";
		}
		if (fragment == null) {
			return null;
		}
		if (Files.isDirectory(resolved) || !resolved.getFileName().toString().endsWith(".md")) {
			return "an anchor into a file that is not Markdown";
		}
		return anchors(resolved).contains(fragment) ? null : "no heading with this anchor";
	}

	private Set<String> anchors(Path file) {
		return this.anchors.computeIfAbsent(file.toAbsolutePath().normalize(), (key) -> {
			Set<String> found = new LinkedHashSet<>();
			Map<String, Integer> seen = new HashMap<>();
			boolean fenced = false;
			for (String line : read(key)) {
				if (line.stripLeading().startsWith("```")) {
					fenced = !fenced;
				}
				Matcher heading = HEADING.matcher(line);
				if (!fenced && heading.matches()) {
					String anchor = anchor(heading.group(1));
					int count = seen.merge(anchor, 1, Integer::sum);
					found.add((count == 1) ? anchor : anchor + "-" + (count - 1));
				}
			}
			return found;
		});
	}

	/**
	 * GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens.
	 * @param heading the heading's text, without the leading hashes
	 * @return the anchor, without the hash
	 */
	static String anchor(String heading) {
		String text = heading.replace("`", "").toLowerCase(Locale.ROOT);
		return NOT_IN_ANCHOR.matcher(text).replaceAll("").replace(' ', '-');
	}

	private static List<String> read(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
