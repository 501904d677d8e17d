package org.frischluft.app;

import java.time.Instant;
import java.util.List;
import org.frischluft.admin.SchoolDiff;
import org.frischluft.admin.VersionRows;
import org.frischluft.store.AdminRows;

/** The admin's versions and audit in the history database ({@code V4__admin.sql}), for {@code admin.SchoolHistory}. */
public final class StoreVersionRows implements VersionRows {
    private final AdminRows rows;

    public StoreVersionRows(AdminRows rows) {
        this.rows = rows;
    }

    @Override
    public long append(Instant time, String actor, String summary, String json, List<SchoolDiff.Change> changes) {
        return rows.append(time, actor, summary, json,
                changes.stream().map(c -> new AdminRows.Change(c.what(), c.old(), c.now())).toList());
    }

    @Override
    public List<Stored> versions() {
        return rows.versions().stream().map(v -> new Stored(v.number(), v.time(), v.actor(), v.summary(), v.json())).toList();
    }

    @Override
    public List<Audit> audit() {
        return rows.audit().stream().map(a -> new Audit(a.version(), a.time(), a.actor(), a.what(), a.old(), a.now())).toList();
    }
}
