package org.frischluft.rooms;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One lesson of the bell schedule, e.g. {@code 1} from 08:00 to 08:45 (local time of the site). */
public record Lesson(String name, LocalTime start, LocalTime end) {
    public Lesson {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) throw new IllegalArgumentException("lesson " + name + " must start before it ends");
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    /**
     * The bell schedule of a German Ganztagsschule, used when a site's calendar names none: eight lessons of
     * 45 minutes from 08:00 with 5-minute changes, a 20- and a 15-minute break and a 45-minute lunch break.
     */
    public static List<Lesson> germanDefault() {
        int[] pauseAfter = {5, 20, 5, 15, 5, 45, 5, 0};
        List<Lesson> out = new ArrayList<>();
        LocalTime t = LocalTime.of(8, 0);
        for (int i = 1; i <= 8; i++) {
            LocalTime end = t.plusMinutes(45);
            out.add(new Lesson(Integer.toString(i), t, end));
            t = end.plusMinutes(pauseAfter[i - 1]);
        }
        return List.copyOf(out);
    }
}
