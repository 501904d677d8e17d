package org.frischluft.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.frischluft.model.RoomId;
import org.frischluft.model.SiteId;

/**
 * One alert, immutable (a change is a new value). At most one unresolved alert exists per site, room and rule.
 *
 * @param room      null for a site-wide alert (the whole site silent)
 * @param value     what was measured when it opened: ppm, %, V, the drift median, the temperature drop in K;
 *                  null for silence
 * @param since     when the condition began (first reading above, last reading before the silence); for the duration
 * @param reminded  when a reminder of an unacknowledged alert was last sent (daily for silent sensors), or null
 */
public record Alert(long id, Rule rule, SiteId site, RoomId room, AlertState state, Instant opened, Instant since,
                    Double value, Instant escalated, Instant acknowledged, String acknowledgedBy, String comment,
                    Instant resolved, Instant reminded) {
    public Alert {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(opened, "opened");
        since = since == null ? opened : since;
    }

    static Alert open(long id, Rule rule, SiteId site, RoomId room, Instant at, Instant since, Double value) {
        return new Alert(id, rule, site, room, AlertState.OPEN, at, since, value, null, null, null, null, null, null);
    }

    /** The room's id, or {@code site:<id>} for a site-wide alert: the {@code room} column of the CSV. */
    public String subject() {
        return room == null ? "site:" + site.value() : room.value();
    }

    public boolean siteWide() {
        return room == null;
    }

    /** How long the condition had lasted when the alert opened. */
    public Duration duration() {
        return Duration.between(since, opened);
    }

    Alert escalate(Instant at) {
        return new Alert(id, rule, site, room, AlertState.ESCALATED, opened, since, value, at, acknowledged,
                acknowledgedBy, comment, resolved, reminded);
    }

    Alert acknowledge(Instant at, String by, String text) {
        return new Alert(id, rule, site, room, AlertState.ACKNOWLEDGED, opened, since, value, escalated, at, by, text,
                resolved, reminded);
    }

    Alert resolve(Instant at) {
        return new Alert(id, rule, site, room, AlertState.RESOLVED, opened, since, value, escalated, acknowledged,
                acknowledgedBy, comment, at, reminded);
    }

    Alert remind(Instant at) {
        return new Alert(id, rule, site, room, state, opened, since, value, escalated, acknowledged, acknowledgedBy,
                comment, resolved, at);
    }

    Alert withValue(Double v) {
        return new Alert(id, rule, site, room, state, opened, since, v, escalated, acknowledged, acknowledgedBy,
                comment, resolved, reminded);
    }
}
