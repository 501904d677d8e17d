package org.frischluft.admin;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.file.SchoolFile;

/**
 * The numbered versions of the school model and the audit of every change, on top of {@link VersionRows}: a saved
 * model becomes the next version with one audit row per changed field ({@link SchoolDiff}); at start, a school file
 * that differs from the newest stored version is taken as a new version "changed outside the app". Exports the audit
 * as CSV with the fixed header {@code version;time;actor;what;old;new}.
 */
public final class SchoolHistory {
    /** The header of the CSV export; fixed, scripts read it. */
    public static final String CSV_HEADER = "version;time;actor;what;old;new";
    public static final String CHANGED_OUTSIDE = "changed outside the app";

    private final VersionRows rows;
    private final Clock clock;
    private final Path dir;

    /** @param dir where the school file lives (relative .ics names in stored versions resolve there), or null */
    public SchoolHistory(VersionRows rows, Clock clock, Path dir) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dir = dir;
    }

    /** Stores {@code after} as the next version, audited as its differences from {@code before}; returns its number. */
    public long record(SchoolModel before, SchoolModel after, String actor, String summary) {
        return rows.append(clock.instant(), actor, summary, SchoolFile.toJson(after), SchoolDiff.between(before, after));
    }

    /**
     * Makes sure the newest stored version is {@code current}: stores it as the first version when none is stored
     * (no audit rows: nothing changed), and as a new version "changed outside the app" when it differs from the
     * newest (edited by hand, or the app was killed between writing the file and the database).
     *
     * @return the number of the newest version afterwards
     */
    public long reconcile(SchoolModel current, String actor, String source) {
        Optional<VersionRows.Stored> latest = latest();
        String json = SchoolFile.toJson(current);
        if (latest.isEmpty()) {
            return rows.append(clock.instant(), actor, "first version" + (source == null || source.isBlank() ? "" : " (" + source + ")"),
                    json, List.of());
        }
        VersionRows.Stored newest = latest.get();
        if (newest.json().equals(json)) return newest.number();
        Optional<SchoolModel> stored = parse(newest.json());
        if (stored.isPresent() && stored.get().equals(current)) return newest.number();
        return rows.append(clock.instant(), actor, CHANGED_OUTSIDE, json, SchoolDiff.between(stored.orElse(null), current));
    }

    public List<VersionRows.Stored> versions() {
        return rows.versions();
    }

    public Optional<VersionRows.Stored> latest() {
        List<VersionRows.Stored> all = rows.versions();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public Optional<VersionRows.Stored> version(long number) {
        return rows.versions().stream().filter(v -> v.number() == number).findFirst();
    }

    public List<VersionRows.Audit> audit() {
        return rows.audit();
    }

    /** The audit rows of one version. */
    public List<VersionRows.Audit> audit(long version) {
        return rows.audit().stream().filter(a -> a.version() == version).toList();
    }

    /** The school model a stored version holds, if it still reads as a valid school file. */
    public Optional<SchoolModel> model(long number) {
        return version(number).flatMap(v -> parse(v.json()));
    }

    private Optional<SchoolModel> parse(String json) {
        SchoolFile.Result r = SchoolFile.parse(json.getBytes(StandardCharsets.UTF_8), dir);
        return Optional.ofNullable(r.model());
    }

    /** Writes the whole audit as CSV: the fixed header, then one line per changed field, oldest first. */
    public void exportCsv(Writer out) throws IOException {
        out.write(CSV_HEADER);
        out.write("\n");
        for (VersionRows.Audit a : rows.audit()) {
            out.write(a.version() + ";" + a.time() + ";" + csv(a.actor()) + ";" + csv(a.what()) + ";" + csv(a.old()) + ";"
                    + csv(a.now()) + "\n");
        }
        out.flush();
    }

    /** A CSV field: quoted when it holds the separator, a quote or a line break. */
    static String csv(String s) {
        if (s == null) return "";
        if (s.indexOf(';') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
