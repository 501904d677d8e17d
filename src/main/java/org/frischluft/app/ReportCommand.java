package org.frischluft.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.frischluft.report.AirChange;
import org.frischluft.report.AirChangeReport;
import org.frischluft.report.LessonCsv;
import org.frischluft.report.ReportPdf;
import org.frischluft.report.LessonStats;
import org.frischluft.report.SchoolReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code frischluft report --school FILE (--db JDBC | --csv EXPORT.csv) [--from DATE --to DATE] [--room ID]
 * --format csv|pdf [--out FILE]}: the lesson table of every room. Problems with the options are all printed at
 * once on stderr, exit 2. Output goes to {@code --out} or the command line's {@code getOut()}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Lesson report per room from each site's calendar: CSV "
                + "room,date,lesson,start,end,mean_co2_ppm,peak_co2_ppm,minutes_above_1000,minutes_above_2000,coverage_pct "
                + "(local times of the site's zone), or a printable PDF.",
                "Subcommands: air-change (each room's air change per hour), open-data (per site and day, for the public)."},
        subcommands = {AirChangeCommand.class, OpenDataCommand.class})
public class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportInput input = new ReportInput();

    @Option(names = "--format", paramLabel = "csv|pdf", description = "csv: the lesson table; pdf: a printable report per room, site and term")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout (needed for pdf)")
    Path out;

    @Option(names = "--language", paramLabel = "de|en", defaultValue = "de", description = "Language of the PDF (default de)")
    String language;

    /** For tests: the clock that says what "today" is. */
    Clock clock = Clock.systemUTC();

    public ReportCommand() {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();
        if (format == null) {
            problems.add("--format is missing: csv or pdf");
        } else if (!format.equals("csv") && !format.equals("pdf")) {
            problems.add("--format " + format + ": use csv or pdf");
        }
        if ("pdf".equals(format) && out == null) problems.add("--format pdf needs --out FILE (a PDF is not for the terminal)");
        if (!language.equals("de") && !language.equals("en")) problems.add("--language " + language + ": use de or en");
        checkOut(out, problems);
        try (ReportInput.Resolved r = input.resolve(problems, clock)) {
            if (!problems.isEmpty()) return fail(err, "report", problems);
            if (format.equals("csv")) {
                try (Writer w = writer(out)) {
                    LessonCsv.header(w);
                    SchoolReport.forEachRoom(r.school(), r.source(), r.from(), r.to(), r.rooms(), (site, room) -> {
                        try {
                            for (LessonStats l : room.lessons()) LessonCsv.row(l, site.calendar().zone(), w);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                }
            } else {
                var sites = SchoolReport.of(r.school(), r.source(), r.from(), r.to(), r.rooms());
                List<List<AirChange.Estimate>> air = new ArrayList<>();
                for (var s : sites) air.add(AirChangeReport.ofSite(s.site(), r.source(), r.from(), r.to(), r.rooms(), 420));
                java.nio.file.Path tmp = out.resolveSibling(out.getFileName() + ".part");
                try (var o = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
                    ReportPdf.write(sites, air, r.from(), r.to(), java.util.Locale.forLanguageTag(language), o);
                }
                Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return 0;
        }
    }

    static void checkOut(Path out, List<String> problems) {
        if (out == null) return;
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) problems.add("--out " + out + ": folder " + parent + " does not exist");
        if (Files.isDirectory(out)) problems.add("--out " + out + " is a folder: name a file");
    }

    /** Stdout stays open; a file is written and closed. */
    Writer writer(Path file) throws IOException {
        if (file == null) {
            PrintWriter o = spec.commandLine().getOut();
            return new java.io.FilterWriter(o) {
                @Override
                public void close() {
                    o.flush();
                }
            };
        }
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    static int fail(PrintWriter err, String command, List<String> problems) {
        for (String p : problems) err.println(command + ": " + p);
        err.flush();
        return 2;
    }
}
