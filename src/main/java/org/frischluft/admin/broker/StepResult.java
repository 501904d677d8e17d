package org.frischluft.admin.broker;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How one step went: passed, failed or not tried (plain TCP has no TLS step; after a failure the rest is not tried),
 * how long it took, and what it found in words ({@link #message}), from a stable code and its values.
 */
public record StepResult(Step step, Outcome outcome, Duration took, String code, List<String> args) {
    /** Passed, failed, or not tried. */
    public enum Outcome { OK, FAILED, SKIPPED }

    public StepResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(outcome, "outcome");
        took = took == null ? Duration.ZERO : took;
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    static StepResult of(Step step, Outcome outcome, long startNanos, String code, Object... args) {
        Duration took = startNanos == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - startNanos);
        return new StepResult(step, outcome, took, code, java.util.Arrays.stream(args).map(a -> a == null ? "" : a.toString()).toList());
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    /** What the step found or why it failed, in words a caretaker understands. */
    public String message(Locale locale) {
        return Texts.format(locale, code, args);
    }

    /** "ok", "FAILED" or "-" (German "FEHLER"): the word a command line prints in front of the step. */
    public String outcomeWord(Locale locale) {
        return Texts.get(locale, "outcome." + outcome.name().toLowerCase(Locale.ROOT));
    }

    /** {@code 12 ms}, {@code 1.2 s}, {@code 10 s}. */
    public String tookText() {
        long ms = took.toMillis();
        if (ms < 1000) return ms + " ms";
        if (ms < 10_000) return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        return Math.round(ms / 1000.0) + " s";
    }
}
