package org.frischluft.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the numbered school versions and the audit are kept: the history database in the app (adapted in
 * {@code app}, tables of {@code V4__admin.sql}), memory in tests and where there is no database. A version and its
 * changes are stored together or not at all.
 */
public interface VersionRows {
    /** One stored version; {@code json} is the whole school file as written. */
    record Stored(long number, Instant time, String actor, String summary, String json) {
        public Stored {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(json, "json");
            actor = actor == null ? "" : actor;
            summary = summary == null ? "" : summary;
        }
    }

    /** One audit row: a changed field of a version. */
    record Audit(long version, Instant time, String actor, String what, String old, String now) {
        public Audit {
            old = old == null ? "" : old;
            now = now == null ? "" : now;
        }
    }

    /** Stores the next version (highest number + 1) and its changes atomically; returns its number. */
    long append(Instant time, String actor, String summary, String json, List<SchoolDiff.Change> changes);

    /** Every version, oldest first. */
    List<Stored> versions();

    /** Every audit row, by version, in the order written. */
    List<Audit> audit();

    /** Kept in memory only (tests, an installation without a history database). */
    static VersionRows inMemory() {
        return new VersionRows() {
            private final List<Stored> versions = new ArrayList<>();
            private final List<Audit> audit = new ArrayList<>();

            @Override
            public synchronized long append(Instant time, String actor, String summary, String json,
                                            List<SchoolDiff.Change> changes) {
                long n = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).number() + 1;
                versions.add(new Stored(n, time, actor, summary, json));
                for (SchoolDiff.Change c : changes) audit.add(new Audit(n, time, actor, c.what(), c.old(), c.now()));
                return n;
            }

            @Override
            public synchronized List<Stored> versions() {
                return List.copyOf(versions);
            }

            @Override
            public synchronized List<Audit> audit() {
                return List.copyOf(audit);
            }
        };
    }
}
