package org.frischluft.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.frischluft.admin.csv.SchoolCsv;
import org.frischluft.rooms.AtomicFiles;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.file.SchoolFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code config export --school FILE [--rooms OUT] [--sensors OUT]}: the school's rooms and sensors as the CSV files
 * {@code config import} reads back to the same school file. Without OUT (or with {@code -}) a table goes to stdout;
 * with neither option the rooms do.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the rooms and sensors of a school file as CSV (see docs/config-csv.md).",
            "Without OUT the table goes to stdout; without --rooms and --sensors the rooms do."})
final class ConfigExportCommand implements Callable<Integer> {
    private static final String STDOUT = "-";

    @Option(names = "--school", required = true, paramLabel = "FILE", description = "The school file (JSON).")
    Path school;

    @Option(names = "--rooms", arity = "0..1", fallbackValue = STDOUT, paramLabel = "OUT", description = "Rooms CSV to write (stdout without OUT).")
    String rooms;

    @Option(names = "--sensors", arity = "0..1", fallbackValue = STDOUT, paramLabel = "OUT", description = "Sensors CSV to write (stdout without OUT).")
    String sensors;

    @Option(names = "--separator", paramLabel = "; or ,", defaultValue = ";", description = "Cell separator (default ; as German Excel expects).")
    String separator;

    @Mixin
    LanguageOption language;

    @Option(names = "--bom", negatable = true, description = "Start with a byte order mark, so Excel sees UTF-8 (default: in files yes, on stdout no).")
    Boolean bom;

    @Override
    public Integer call() {
        return language.run(this::run);
    }

    private int run(Locale locale, PrintWriter out, PrintWriter err) {
        if (!separator.equals(";") && !separator.equals(",") && !separator.equals("\\t")) {
            err.println("--separator must be ; or , (or \\t), not " + separator);
            return 2;
        }
        char sep = separator.equals("\\t") ? '\t' : separator.charAt(0);
        if (rooms == null && sensors == null) rooms = STDOUT;
        if (STDOUT.equals(rooms) && STDOUT.equals(sensors)) {
            err.println("only one table fits on stdout: give --rooms OUT or --sensors OUT a file");
            return 2;
        }
        SchoolFile.Result r = SchoolFile.check(school);
        if (!r.ok()) {
            ConfigImportCommand.print(r.errors().stream().map(p -> new org.frischluft.rooms.Problem(p.severity(),
                    p.path().isEmpty() ? school.toString() : school + ": " + p.path(), p.code(), p.args())).toList(), locale, err);
            return 2;
        }
        SchoolModel m = r.model();
        try {
            if (rooms != null) write(rooms, SchoolCsv.exportRooms(m, style(sep, locale, rooms)), out);
            if (sensors != null) write(sensors, SchoolCsv.exportSensors(m, style(sep, locale, sensors)), out);
        } catch (IOException e) {
            err.println("cannot write: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private SchoolCsv.Style style(char sep, Locale locale, String target) {
        return new SchoolCsv.Style(sep, locale, bom != null ? bom : !STDOUT.equals(target));
    }

    private static void write(String target, String csv, PrintWriter out) throws IOException {
        if (STDOUT.equals(target)) out.print(csv);
        else AtomicFiles.write(Path.of(target), csv.getBytes(StandardCharsets.UTF_8));
    }
}
