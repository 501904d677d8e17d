package org.frischluft.ui.admin;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.frischluft.model.Light;

/**
 * One kiosk as the fleet view sees it (from its retained status and last will), handed over by the app.
 *
 * @param code      its pairing code while it waits for a room, else null
 * @param room      room id it shows, or null
 * @param light     what it shows now, or null before a room
 * @param valueAt   when that value was measured, or null
 * @param refusals  refused configurations by reason key ({@code tampered}, {@code unsigned}, ...)
 */
public record FleetRow(String kiosk, String site, boolean online, String code, String room, long configVersion,
                       Light light, Instant valueAt, String appVersion, Instant startedAt, Map<String, Integer> refusals) {
    public FleetRow {
        Objects.requireNonNull(kiosk, "kiosk");
        refusals = Map.copyOf(refusals);
    }

    public boolean waiting() {
        return online && room == null && code != null;
    }
}
