package org.frischluft.rooms.file;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.frischluft.model.DeviceId;
import org.frischluft.rooms.Problems;

/** Remembers where each id was first seen, so a second use is reported with both places. */
final class Ids {
    private final Problems problems;
    private final Map<String, String> seen = new HashMap<>();

    Ids(Problems problems) {
        this.problems = problems;
    }

    /** False (and a problem at {@code path}) if {@code kind} {@code id} was seen before. */
    boolean claim(String kind, String id, String path) {
        String first = seen.putIfAbsent(kind + "\u0000" + id, path);
        if (first == null) return true;
        problems.error(path, "id.twice-at", kind, id, first);
        return false;
    }

    /** A sensor may be placed in several rooms, each from another time; the same device and time twice is wrong. */
    boolean claimPlacement(DeviceId device, Instant since, String path) {
        String key = "placement\u0000" + device + "\u0000" + (since == null ? "always" : since.toString());
        String first = seen.putIfAbsent(key, path);
        if (first == null) return true;
        problems.error(path, since == null ? "sensor.twice" : "sensor.twice-since", device, first, since);
        return false;
    }
}
