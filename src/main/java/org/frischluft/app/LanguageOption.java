package org.frischluft.app;

import java.io.PrintWriter;
import java.util.Locale;
import org.frischluft.settings.Settings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --language de|en} for the admin's commands (a picocli {@code @Mixin}): the locale of their messages (and of an
 * export's header line and decimal commas), the system's by default, and a run that always flushes what the command
 * printed, so a test's or a pipe's writer sees every line even when the command fails.
 */
final class LanguageOption {
    /** The body of a command: its locale and the command line's writers; returns the exit code. */
    @FunctionalInterface
    interface Body {
        int run(Locale locale, PrintWriter out, PrintWriter err);
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--language", paramLabel = "de|en",
            description = "Language of the messages (and of an export's header line and decimal commas; default: the system's).")
    String language;

    Locale locale() {
        return language == null ? Settings.defaultLocale() : Locale.forLanguageTag(language);
    }

    /** Runs {@code body} with {@link #locale()} and the command's out and err, flushing both afterwards. */
    int run(Body body) {
        PrintWriter out = mixee.commandLine().getOut();
        PrintWriter err = mixee.commandLine().getErr();
        try {
            return body.run(locale(), out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
