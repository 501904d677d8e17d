package org.frischluft.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.frischluft.assess.Replay;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.Profiles;
import org.frischluft.store.ExportCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code frischluft replay --csv FILE [--profile NAME]}: runs the traffic-light rules over a CSV in
 * {@code export}'s format and prints what each room's kiosk would have shown.
 *
 * <p>Input: header {@code time,device,room,co2_ppm,temperature_c,humidity_pct} (columns found by name; further
 * metric columns such as {@code battery_pct} are used too), ISO-8601 UTC times, an empty cell means absent.
 * Output: {@code time,room,co2_ppm,light,advice}, one row per input row, evaluated at that row's time with one
 * assessor per room. Where a room's data has a gap long enough to turn its light grey, an extra row is printed
 * at the instant it turned grey (empty {@code co2_ppm}, light {@code grey}). A trailing gap at the end of the
 * file is not reported (the export simply ends there). Bad lines are counted and reported on stderr; the rest
 * is still replayed. Output goes to the command line's {@code getOut()}, so tests can capture it. The rules run in
 * {@link Replay}; the CSV is read by {@link ExportCsv}.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replays a CSV export (--csv) or the history database itself (--db) through the traffic-light rules and prints time,room,co2_ppm,light,advice.")
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--csv", paramLabel = "FILE", description = "CSV in export's format")
    Path csv;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Replay straight from a history database instead (also one record is writing), e.g. jdbc:h2:file:./history")
    String db;

    @Option(names = "--db-user", description = "Database user (with --db)")
    String dbUser;

    @Option(names = "--db-password-env", description = "Environment variable holding the database password (with --db)")
    String dbPasswordEnv;

    @Option(names = "--room", paramLabel = "ID", description = "With --db: only this room")
    String room;

    @Option(names = "--from", paramLabel = "ISO", description = "With --db: first time, e.g. 2026-03-02T07:00:00Z")
    java.time.Instant from;

    @Option(names = "--to", paramLabel = "ISO", description = "With --db: time to stop at (exclusive)")
    java.time.Instant to;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "uba",
            description = "threshold profile: uba (default), komfort, infektionsschutz; suffix +blue or +blue<ppm> adds a blue band")
    String profileName;

    public ReplayCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Profile profile;
        try {
            profile = Profiles.byId(profileName);
        } catch (IllegalArgumentException e) {
            err.println("replay: " + e.getMessage());
            err.flush();
            return 2;
        }
        if ((csv == null) == (db == null)) {
            err.println("replay: give either --csv FILE or --db JDBC_URL");
            err.flush();
            return 2;
        }
        java.io.Reader source;
        try {
            source = csv != null ? Files.newBufferedReader(csv, StandardCharsets.UTF_8) : fromDatabase();
        } catch (IOException e) {
            err.println("replay: cannot read " + csv + ": " + e.getMessage());
            err.flush();
            return 1;
        } catch (org.frischluft.store.StoreException | IllegalArgumentException e) {
            err.println("replay: " + e.getMessage());
            err.flush();
            return 1;
        }
        Replay replay = new Replay(profile, l -> out.println(l.time() + "," + ExportCsv.cell(l.room().value()) + ","
                + (l.co2() == null ? "" : fmt(l.co2())) + "," + l.light().id() + "," + Replay.token(l.advice())));
        int[] rows = {0};
        int[] bad = {0};
        String[] first = {null};
        try (BufferedReader in = new BufferedReader(source)) {
            ExportCsv.read(in, new ExportCsv.Handler() {
                @Override
                public void start() {
                    out.println("time,room,co2_ppm,light,advice");
                }

                @Override
                public void row(ExportCsv.Row row) {
                    replay.add(row.room(), row.reading());
                    rows[0]++;
                }

                @Override
                public void bad(int line, String problem) {
                    if (bad[0]++ == 0) first[0] = "line " + line + ": " + problem;
                }
            });
        } catch (IOException e) {
            err.println("replay: cannot read " + (csv != null ? csv : "the database") + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        replay.finish();
        out.flush();
        if (replay.late() > 0) err.println("replay: " + replay.late() + " row(s) more than 6 h out of time order skipped");
        if (bad[0] > 0) {
            err.println("replay: " + bad[0] + " bad line(s) skipped of " + (rows[0] + bad[0]) + "; first: " + first[0]);
        }
        err.flush();
        return 0;
    }

    /** The history as export would write it, read from a database that must exist (it is never created here). */
    private java.io.Reader fromDatabase() throws IOException {
        org.frischluft.store.ExportQuery query = new org.frischluft.store.ExportQuery(from, to, null,
                room == null ? null : org.frischluft.model.RoomId.of(room));
        String password = dbPasswordEnv == null ? null : System.getenv(dbPasswordEnv);
        org.frischluft.store.StoreOptions options = org.frischluft.store.StoreOptions.of(db).withCredentials(dbUser, password)
                .withRawRetention(java.time.Duration.ZERO); // a reader applies no retention to the recorder's file
        java.io.StringWriter csvText = new java.io.StringWriter();
        try (org.frischluft.store.Store store = org.frischluft.store.Store.openExisting(options, java.time.Clock.systemUTC())) {
            store.history().exportCsv(query, new PrintWriter(csvText));
        }
        return new java.io.StringReader(csvText.toString());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
