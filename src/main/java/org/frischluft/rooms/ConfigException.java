package org.frischluft.rooms;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A configuration that could not be read or is invalid. It carries every problem found, each with where it
 * is; {@link #getMessage()} lists them one per line as {@code origin: path: problem} in the default locale's
 * language (German or English).
 */
public final class ConfigException extends Exception {
    private final String origin;
    private final List<Problem> problems;

    public ConfigException(String origin, List<Problem> problems) {
        super(format(origin, problems, Locale.getDefault()));
        this.origin = origin;
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
        this.origin = "";
        this.problems = List.of();
    }

    public ConfigException(String message) {
        this(message, (Throwable) null);
    }

    /** Every problem, errors and warnings; empty for a plain message. */
    public List<Problem> problems() {
        return problems;
    }

    /** The message in {@code locale}. */
    public String message(Locale locale) {
        return problems.isEmpty() ? getMessage() : format(origin, problems, locale);
    }

    static String format(String origin, List<Problem> problems, Locale locale) {
        String prefix = origin == null || origin.isEmpty() ? "" : origin + ": ";
        return problems.stream().map(p -> prefix + p.describe(locale)).collect(Collectors.joining("\n"));
    }
}
