package org.frischluft.assess;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.frischluft.model.DeviceId;

/**
 * The uplink intervals of a room's devices: each device's interval is learnt as the median of its last
 * {@value #GAPS} gaps (from three gaps on, bounded by the options; the options' default until then), and the
 * room turns grey a number of learnt intervals after its latest CO2 reading. Every uplink counts for the
 * interval; only uplinks with CO2 keep the light alive. Not thread-safe.
 */
final class UplinkIntervals {
    private static final int GAPS = 10;

    private final AssessorOptions options;
    private final Map<DeviceId, TreeSet<Instant>> uplinks = new HashMap<>();
    private final Map<DeviceId, Instant> lastCo2 = new HashMap<>();
    /** Each device's learnt interval, worked out again only after its next uplink (assess runs every second). */
    private final Map<DeviceId, Optional<Duration>> learnt = new HashMap<>();

    UplinkIntervals(AssessorOptions options) {
        this.options = options;
    }

    /** An uplink of {@code device} at {@code t}; {@code withCo2} when it carried a usable CO2 value. */
    void add(DeviceId device, Instant t, boolean withCo2) {
        TreeSet<Instant> times = uplinks.computeIfAbsent(device, d -> new TreeSet<>());
        times.add(t);
        while (times.size() > GAPS + 1) times.pollFirst();
        learnt.remove(device);
        if (withCo2) lastCo2.merge(device, t, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** The latest CO2 reading of any device plus that device's staleness allowance; null before any. */
    Instant greyAt() {
        Instant out = null;
        for (Map.Entry<DeviceId, Instant> e : lastCo2.entrySet()) {
            Instant at = e.getValue().plus(staleAfter(intervalOf(e.getKey())));
            if (out == null || at.isAfter(out)) out = at;
        }
        return out;
    }

    /** The learnt interval of the device with the most recent CO2 reading, or null while none is learnt. */
    Duration expectedInterval() {
        DeviceId latest = null;
        Instant t = null;
        for (Map.Entry<DeviceId, Instant> e : lastCo2.entrySet()) {
            if (t == null || e.getValue().isAfter(t)) {
                t = e.getValue();
                latest = e.getKey();
            }
        }
        return latest == null ? null : learnt(latest);
    }

    /** The longest interval of any CO2 device (the default before any is learnt). */
    Duration longest() {
        Duration max = null;
        for (DeviceId d : lastCo2.keySet()) {
            Duration i = intervalOf(d);
            if (max == null || i.compareTo(max) > 0) max = i;
        }
        return max == null ? options.defaultInterval() : max;
    }

    /** How long a value stays current: the missed uplinks of the options at the longest interval. */
    Duration staleAllowance() {
        return staleAfter(longest());
    }

    private Duration staleAfter(Duration interval) {
        return Duration.ofMillis(Math.round(interval.toMillis() * options.missedUplinks()));
    }

    private Duration intervalOf(DeviceId device) {
        Duration d = learnt(device);
        return d == null ? options.defaultInterval() : d;
    }

    /** Median of the device's recent gaps, bounded; null with fewer than three gaps. */
    private Duration learnt(DeviceId device) {
        return learnt.computeIfAbsent(device, d -> Optional.ofNullable(median(d))).orElse(null);
    }

    private Duration median(DeviceId device) {
        TreeSet<Instant> times = uplinks.get(device);
        if (times == null || times.size() < 4) return null;
        List<Long> gaps = new ArrayList<>();
        Instant prev = null;
        for (Instant t : times) {
            if (prev != null) gaps.add(Duration.between(prev, t).toMillis());
            prev = t;
        }
        gaps.sort(null);
        int n = gaps.size();
        long median = n % 2 == 1 ? gaps.get(n / 2) : (gaps.get(n / 2 - 1) + gaps.get(n / 2)) / 2;
        long ms = Math.max(options.minInterval().toMillis(), Math.min(options.maxInterval().toMillis(), median));
        return Duration.ofMillis(ms);
    }
}
