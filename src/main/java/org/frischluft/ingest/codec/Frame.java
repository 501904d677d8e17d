package org.frischluft.ingest.codec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.frischluft.model.Metric;

/**
 * What a byte decoder read from one LoRaWAN frame: raw values per sample, before any plausibility check
 * (the caller drops sentinels and out-of-range values). The first sample is the current one; further
 * samples are older readings carried in the same frame (Milesight history, Adeunis t-1, t-2 ...).
 *
 * @param samples  current sample first
 * @param invalid  metrics the device itself flagged as unavailable, e.g. "co2=NoSensor"
 */
public record Frame(List<Sample> samples, List<String> invalid) {
    public Frame {
        samples = List.copyOf(samples);
        invalid = List.copyOf(invalid);
    }

    /**
     * One sample. Its time is {@code absolute} when the frame carries a timestamp, else the frame's time
     * minus {@code secondsBefore}.
     */
    public record Sample(Instant absolute, long secondsBefore, Map<Metric, Double> values) {
        public Sample {
            EnumMap<Metric, Double> copy = new EnumMap<>(Metric.class);
            copy.putAll(values);
            values = Collections.unmodifiableMap(copy);
        }

        /** The sample's time given the time the frame was received. */
        public Instant timeFor(Instant frameTime) {
            return absolute != null ? absolute : frameTime.minusSeconds(secondsBefore);
        }
    }

    /** Mutable collector used by the decoders. */
    static final class Builder {
        private final List<Sample> samples = new ArrayList<>();
        private final List<String> invalid = new ArrayList<>();
        private final EnumMap<Metric, Double> current = new EnumMap<>(Metric.class);

        Builder put(Metric m, double v) {
            current.putIfAbsent(m, v);
            return this;
        }

        Builder invalid(Metric m, String raw) {
            invalid.add(m.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "=" + raw);
            return this;
        }

        Builder older(Instant absolute, long secondsBefore, Map<Metric, Double> values) {
            samples.add(new Sample(absolute, secondsBefore, values));
            return this;
        }

        Frame build() {
            List<Sample> all = new ArrayList<>(samples.size() + 1);
            all.add(new Sample(null, 0, current));
            all.addAll(samples);
            return new Frame(all, invalid);
        }
    }
}
