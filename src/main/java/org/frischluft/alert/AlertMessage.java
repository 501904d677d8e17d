package org.frischluft.alert;

import java.util.Objects;

/**
 * An event with the names people know, resolved from the school model on the thread that made the event, so
 * delivery on another thread needs no model. Names of rooms, buildings and sites only: never a person.
 *
 * @param threshold the rule's threshold where it has one (ppm), else null
 * @param zone      the site's time zone, for times in the words
 * @param escalateSchoolDays after how many school days an unacknowledged alert escalates (for the words)
 */
public record AlertMessage(AlertEvent event, String room, String building, String site, Double threshold,
                           int escalateSchoolDays, java.time.ZoneId zone) {
    public AlertMessage {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(site, "site");
        room = room == null ? "" : room;
        building = building == null ? "" : building;
    }

    public Alert alert() {
        return event.alert();
    }

    /** The words in {@code language} ({@code de} or {@code en}). */
    public AlertTexts.Text text(String language) {
        return AlertTexts.of(this, AlertTexts.locale(language), zone);
    }
}
