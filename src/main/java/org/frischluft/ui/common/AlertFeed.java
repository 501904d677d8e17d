package org.frischluft.ui.common;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.frischluft.model.RoomId;
import org.frischluft.model.SiteId;

/**
 * The alerts as the screens see them: a query service (implemented in {@code app} over the alert feature), read on
 * every pump tick, cheap and non-blocking; acknowledging only queues the request for the ingest side.
 */
public interface AlertFeed {
    /**
     * One unresolved alert.
     *
     * @param rule     {@code co2-high}, {@code red-in-lesson}, {@code sensor-silent}, {@code battery-low}, {@code drift}, {@code window-open}
     * @param severity 3 act now, 2 something is off, 1 maintenance
     * @param room     null for a whole site
     * @param state    {@code open}, {@code escalated}, {@code acknowledged}
     */
    record Item(long id, String rule, int severity, RoomId room, SiteId site, String state, Instant opened,
                Instant since, Double value, String acknowledgedBy, String comment) {
        public Item {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(opened, "opened");
            since = since == null ? opened : since;
        }

        public boolean acknowledged() {
            return state.equals("acknowledged");
        }
    }

    /** A numbered state of the alerts: a new number per change. */
    record Snapshot(long version, List<Item> items) {
        public static final Snapshot EMPTY = new Snapshot(0, List.of());

        public Snapshot {
            items = List.copyOf(items);
        }
    }

    Snapshot current();

    /** Someone takes {@code id} on; {@code by} is the name or role they give, {@code comment} what they do. */
    void acknowledge(long id, String by, String comment);

    /** No alerts (a kiosk, a test). */
    AlertFeed NONE = new AlertFeed() {
        @Override
        public Snapshot current() {
            return Snapshot.EMPTY;
        }

        @Override
        public void acknowledge(long id, String by, String comment) {
        }
    };
}
