package org.frischluft.alert;

import java.util.ArrayList;
import java.util.List;
import org.frischluft.model.RoomId;
import org.frischluft.model.SiteId;
import org.frischluft.store.AlertRows;

/** Alerts in the history database's {@code alert} table (H2 or PostgreSQL). */
public final class StoredAlerts implements AlertStore {
    private final AlertRows rows;

    public StoredAlerts(AlertRows rows) {
        this.rows = rows;
    }

    @Override
    public List<Alert> unresolved() {
        List<Alert> out = new ArrayList<>();
        for (AlertRows.Row r : rows.unresolved()) {
            Rule rule = Rule.byId(r.rule()).orElse(null);
            if (rule == null) continue; // a rule of a newer version: left alone
            out.add(new Alert(r.id(), rule, SiteId.of(r.site()), r.room() == null ? null : RoomId.of(r.room()),
                    AlertState.valueOf(r.state().toUpperCase(java.util.Locale.ROOT)), r.opened(), r.since(), r.value(),
                    r.escalated(), r.acknowledged(), r.acknowledgedBy(), r.comment(), r.resolved(), r.reminded()));
        }
        return out;
    }

    @Override
    public long maxId() {
        return rows.maxId();
    }

    @Override
    public void save(List<Alert> alerts) {
        rows.save(alerts.stream().map(a -> new AlertRows.Row(a.id(), a.rule().id(), a.site().value(),
                a.room() == null ? null : a.room().value(), a.state().id(), a.opened(), a.since(), a.escalated(), a.acknowledged(),
                a.acknowledgedBy(), a.comment(), a.resolved(), a.value(), a.reminded())).toList());
    }
}
