package org.frischluft.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.frischluft.admin.csv.ImportResult;
import org.frischluft.admin.csv.SchoolCsv;
import org.frischluft.rooms.Problem;
import org.frischluft.rooms.file.SchoolFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code config import --school FILE --rooms rooms.csv [--sensors sensors.csv]}: the school's spreadsheets into the
 * school file. Every bad line is listed ({@code rooms.csv:17: volume "gross" is not a number}) and nothing changes,
 * exit 2; else the school file is written atomically (the old one stays until the new one is complete), exit 0.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Read rooms (and sensors) from CSV files into the school file; see docs/config-csv.md.",
            "Every bad line is listed and nothing changes (exit 2); else the school file is replaced atomically."})
final class ConfigImportCommand implements Callable<Integer> {
    @Option(names = "--school", required = true, paramLabel = "FILE", description = "The school file (JSON) to change.")
    Path school;

    @Option(names = "--rooms", required = true, paramLabel = "rooms.csv", description = "Rooms: one line per room.")
    Path rooms;

    @Option(names = "--sensors", paramLabel = "sensors.csv", description = "Sensors: one line per placement (optional).")
    Path sensors;

    @Option(names = "--dry-run", description = "Check and say what would change, write nothing.")
    boolean dryRun;

    @Mixin
    LanguageOption language;

    @Override
    public Integer call() {
        return language.run((locale, out, err) -> run(locale, out));
    }

    private int run(Locale locale, PrintWriter out) {
        SchoolFile.Result current = SchoolFile.check(school);
        if (!current.ok()) {
            print(current.problems().stream().map(p -> at(school.toString(), p)).toList(), locale, out);
            return 2;
        }
        SchoolCsv.Input roomsIn = input(rooms, locale, out);
        SchoolCsv.Input sensorsIn = sensors == null ? null : input(sensors, locale, out);
        if (roomsIn == null || sensors != null && sensorsIn == null) return 2;
        ImportResult r = SchoolCsv.importInto(current.model(), roomsIn, sensorsIn, school);
        print(r.problems(), locale, out);
        if (!r.ok()) {
            out.println(german(locale) ? "nichts geändert: " + r.errors().size() + " Fehler" : "nothing changed: " + r.errors().size() + " errors");
            return 2;
        }
        if (r.summary().nothingChanged()) {
            out.println((german(locale) ? "unverändert: " : "unchanged: ") + r.summary());
            return 0;
        }
        if (dryRun) {
            out.println((german(locale) ? "würde schreiben: " : "would write: ") + r.summary());
            return 0;
        }
        try {
            SchoolFile.write(r.model(), school);
        } catch (IOException e) {
            out.println(school + ": " + (german(locale) ? "nicht geschrieben, die alte Datei bleibt: " : "not written, the old file stays: ") + e.getMessage());
            return 1;
        }
        out.println("ok: " + r.summary() + "; " + school);
        return 0;
    }

    private static SchoolCsv.Input input(Path file, Locale locale, PrintWriter out) {
        try {
            return new SchoolCsv.Input(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            print(List.of(Problem.error(file.toString(), "file.missing", file)), locale, out);
        } catch (IOException e) {
            print(List.of(Problem.error(file.toString(), "file.unreadable", e.getMessage())), locale, out);
        }
        return null;
    }

    private static Problem at(String file, Problem p) {
        return new Problem(p.severity(), p.path().isEmpty() ? file : file + ": " + p.path(), p.code(), p.args());
    }

    static void print(List<Problem> problems, Locale locale, PrintWriter out) {
        for (Problem p : problems) {
            String where = p.path().isEmpty() ? "" : p.path() + ": ";
            out.println(where + (p.isError() ? "" : (german(locale) ? "Hinweis" : "warning") + ": ") + p.message(locale));
        }
    }

    private static boolean german(Locale locale) {
        return locale.getLanguage().equals("de");
    }
}
