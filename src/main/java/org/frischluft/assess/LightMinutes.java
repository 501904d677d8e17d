package org.frischluft.assess;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Light;
import org.frischluft.model.Reading;
import org.frischluft.rooms.Profile;

/**
 * A room's CO2 series replayed under a profile, as its kiosk would have shown it: each reading goes through a
 * {@link RoomAssessor} (hysteresis, hold times, jump, staleness) and is assessed at its own time, the way the live
 * path assesses each message; the light holds until the next reading. A pure function of series and profile, for
 * the admin's preview ("under this profile the room would have been red 42 min, yellow 95 min").
 */
public final class LightMinutes {
    /** One CO2 reading: ppm at a time. */
    public record Sample(Instant time, double ppm) {
        public Sample {
            Objects.requireNonNull(time, "time");
        }
    }

    /** The light from {@code from} to {@code to}. */
    public record Segment(Instant from, Instant to, Light light) {
    }

    /** Time under each light (lights never shown are absent) and the segments in time order. */
    public record Result(Map<Light, Duration> time, List<Segment> segments) {
        public Result {
            time = Map.copyOf(time);
            segments = List.copyOf(segments);
        }

        /** Whole minutes under {@code light} (rounded down). */
        public long minutes(Light light) {
            return time.getOrDefault(light, Duration.ZERO).toMinutes();
        }
    }

    private static final DeviceId DEVICE = DeviceId.of("preview");

    private LightMinutes() {
    }

    /** {@code samples} in any order; a gap longer than the room's staleness allowance shows grey, as on the kiosk. */
    public static Result of(List<Sample> samples, Profile profile) {
        Objects.requireNonNull(profile, "profile");
        List<Sample> sorted = samples.stream().sorted(java.util.Comparator.comparing(Sample::time)).toList();
        RoomAssessor assessor = new RoomAssessor(profile);
        Map<Light, Duration> time = new EnumMap<>(Light.class);
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Sample s = sorted.get(i);
            assessor.add(Reading.of(DEVICE, s.time(), s.ppm(), null, null));
            Light light = assessor.assess(s.time()).light();
            if (i + 1 == sorted.size()) break;
            Instant next = sorted.get(i + 1).time();
            Instant greyAt = assessor.greyAt();
            Instant end = greyAt != null && greyAt.isBefore(next) ? greyAt : next;
            add(time, segments, s.time(), end, light);
            if (end.isBefore(next)) add(time, segments, end, next, Light.GREY);
        }
        return new Result(time, segments);
    }

    private static void add(Map<Light, Duration> time, List<Segment> segments, Instant from, Instant to, Light light) {
        if (!to.isAfter(from)) return;
        time.merge(light, Duration.between(from, to), Duration::plus);
        int last = segments.size() - 1;
        if (last >= 0 && segments.get(last).light() == light && segments.get(last).to().equals(from)) {
            segments.set(last, new Segment(segments.get(last).from(), to, light));
        } else {
            segments.add(new Segment(from, to, light));
        }
    }
}
