package org.frischluft.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.frischluft.model.RoomId;
import org.frischluft.report.Co2Source;
import org.frischluft.report.CsvSource;
import org.frischluft.report.Terms;
import org.frischluft.rooms.ConfigException;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Spelling;
import org.frischluft.rooms.file.SchoolFile;
import org.frischluft.store.Store;
import org.frischluft.store.StoreException;
import org.frischluft.store.StoreOptions;
import picocli.CommandLine.Option;

/**
 * The options every {@code report} command shares: the school file, where the readings are ({@code --db} or
 * {@code --csv}), the period and the rooms. {@link #resolve} checks them all and collects every problem.
 */
final class ReportInput {
    @Option(names = "--school", paramLabel = "FILE", description = "School file (rooms, each site's calendar)")
    Path school;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "History database, e.g. jdbc:h2:file:./history")
    String db;

    @Option(names = "--user", description = "Database user")
    String user;

    @Option(names = "--password", description = "Database password", arity = "1")
    String password;

    @Option(names = "--csv", paramLabel = "EXPORT.csv", description = "Readings in export's CSV format instead of a database")
    Path csv;

    @Option(names = "--from", paramLabel = "DATE", description = "First day (YYYY-MM-DD, site's local date); default: the current term's first day")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day, included; default: today")
    String to;

    @Option(names = "--room", paramLabel = "ID", description = "Only this room (repeatable)")
    List<String> rooms = new ArrayList<>();

    @Option(names = "--site", paramLabel = "ID", description = "Only the rooms of this site")
    String site;

    /** What the options resolved to; the source must be closed. */
    record Resolved(SchoolModel school, Co2Source source, LocalDate from, LocalDate to, Predicate<RoomId> rooms,
                    AutoCloseable closer) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (closer != null) closer.close();
        }
    }

    /** Checks every option; returns null (with {@code problems} filled) when any is wrong. */
    Resolved resolve(List<String> problems, Clock clock) {
        SchoolModel model = null;
        if (school == null) {
            problems.add("--school FILE is missing: the school file names the rooms and each site's calendar");
        } else {
            try {
                model = SchoolFile.read(school);
            } catch (ConfigException e) {
                for (String line : e.message(Locale.getDefault()).split("\n")) problems.add(line);
            }
        }
        LocalDate f = date("--from", from, problems);
        LocalDate t = date("--to", to, problems);
        if (f != null && t != null && f.isAfter(t)) problems.add("--from " + f + " is after --to " + t + ": swap them");
        if (db == null && csv == null) problems.add("neither --db JDBC_URL nor --csv EXPORT.csv: say where the readings are");
        if (db != null && csv != null) problems.add("both --db and --csv: use one of them");
        if (csv != null && !Files.isReadable(csv)) problems.add("--csv " + csv + ": no such file (or not readable)");
        Set<RoomId> selected = new LinkedHashSet<>();
        if (model != null) {
            List<String> known = model.rooms().stream().map(r -> r.id().value()).toList();
            for (String r : rooms) {
                if (model.hasRoom(RoomId.of(r))) {
                    selected.add(RoomId.of(r));
                } else {
                    String near = Spelling.nearest(r, known);
                    problems.add("--room " + r + " is not a room of " + school + (near == null ? "" : "; did you mean " + near + "?"));
                }
            }
            if (site != null) {
                var s = model.sites().stream().filter(x -> x.id().value().equals(site)).findFirst();
                if (s.isEmpty()) {
                    String near = Spelling.nearest(site, model.sites().stream().map(x -> x.id().value()).toList());
                    problems.add("--site " + site + " is not a site of " + school + (near == null ? "" : "; did you mean " + near + "?"));
                } else if (rooms.isEmpty()) {
                    for (Room r : s.get().rooms()) selected.add(r.id());
                }
            }
            if (model.sites().isEmpty()) problems.add(school + " has no site: a report needs a site's calendar");
        }
        if (!problems.isEmpty() || model == null) return null;
        // dates: the current term by default, in the first site's calendar
        var cal = model.sites().get(0).calendar();
        LocalDate today = LocalDate.now(clock.withZone(cal.zone()));
        if (t == null) t = f != null && f.isAfter(today) ? f : today;
        if (f == null) f = Terms.around(cal, t)[0];
        if (f.isAfter(t)) f = t;
        Co2Source source;
        AutoCloseable closer;
        if (db != null) {
            try {
                // a report must not apply this process's retention to the database it reads
                Store store = Store.openExisting(StoreOptions.of(db).withCredentials(user, password).withRawRetention(Duration.ZERO), clock);
                source = store.reports()::co2;
                closer = store;
            } catch (StoreException | IllegalArgumentException e) {
                problems.add("--db: " + e.getMessage());
                return null;
            }
        } else {
            try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                CsvSource c = CsvSource.read(in);
                for (String p : c.problems()) problems.add("--csv " + csv + ": " + p);
                if (!problems.isEmpty()) return null;
                source = c;
                closer = null;
            } catch (IOException | RuntimeException e) {
                problems.add("--csv " + csv + ": cannot read it: " + e.getMessage());
                return null;
            }
        }
        Set<RoomId> only = Set.copyOf(selected);
        return new Resolved(model, source, f, t, only.isEmpty() ? r -> true : only::contains, closer);
    }

    private static LocalDate date(String option, String value, List<String> problems) {
        if (value == null) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(option + " \"" + value + "\" is not a date: write YYYY-MM-DD, e.g. 2026-11-02");
            return null;
        }
    }
}
