package org.frischluft.rooms;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One problem found in a configuration file or form: where (a JSON path such as
 * {@code sites[0].buildings[1].floors[0].rooms[3].sensors[0].model}, or a settings key), a stable code, the
 * values the message needs, and whether it stops the file from being used.
 *
 * @param path where, in the file's own terms; empty for the file as a whole
 * @param code stable kebab-case key of the message, e.g. {@code model.unknown}
 * @param args values for the message, already as text
 */
public record Problem(Severity severity, String path, String code, List<String> args) {
    /** An error keeps the file from being used; a warning is said and the file is used. */
    public enum Severity { ERROR, WARNING }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        path = path == null ? "" : path;
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    public static Problem error(String path, String code, Object... args) {
        return new Problem(Severity.ERROR, path, code, texts(args));
    }

    public static Problem warning(String path, String code, Object... args) {
        return new Problem(Severity.WARNING, path, code, texts(args));
    }

    private static List<String> texts(Object[] args) {
        return java.util.Arrays.stream(args).map(a -> a == null ? "" : a.toString()).toList();
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The message in words a non-expert understands, in {@code locale} (German or English). */
    public String message(Locale locale) {
        return ProblemTexts.format(this, locale);
    }

    /** {@code path: message} (or only the message for the whole file). */
    public String describe(Locale locale) {
        return path.isEmpty() ? message(locale) : path + ": " + message(locale);
    }

    @Override
    public String toString() {
        return describe(Locale.ENGLISH);
    }
}
