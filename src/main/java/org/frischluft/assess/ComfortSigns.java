package org.frischluft.assess;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;
import org.frischluft.model.Sign;
import org.frischluft.rooms.ComfortLimits;

/**
 * The secondary signs of a room from its newest temperature, humidity and battery values against its
 * {@link ComfortLimits}: too cold, too warm (ASR A3.5), too dry, too humid, low battery. They never change the
 * colour. Temperature and humidity count only while current; a low battery is kept while the light is grey (it
 * explains a silent sensor). Battery voltage is not judged: the cell type is unknown. Not thread-safe.
 */
final class ComfortSigns {
    private final ComfortLimits limits;
    private final Latest temperature = new Latest();
    private final Latest humidity = new Latest();
    private final Latest battery = new Latest();

    ComfortSigns(ComfortLimits limits) {
        this.limits = limits;
    }

    /** Takes the reading's plausible temperature, humidity and battery, if newer than those held. */
    void add(Reading reading) {
        temperature.offer(reading, Metric.TEMPERATURE);
        humidity.offer(reading, Metric.HUMIDITY);
        battery.offer(reading, Metric.BATTERY_PCT);
    }

    /** The signs of values measured after {@code freshAfter}, and a low battery of any age. */
    Set<Sign> current(Instant freshAfter) {
        Set<Sign> out = EnumSet.noneOf(Sign.class);
        if (temperature.isAfter(freshAfter)) {
            if (temperature.value < limits.tooColdBelow()) out.add(Sign.TOO_COLD);
            if (temperature.value > limits.tooWarmAbove()) out.add(Sign.TOO_WARM);
        }
        if (humidity.isAfter(freshAfter)) {
            if (humidity.value < limits.tooDryBelow()) out.add(Sign.TOO_DRY);
            if (humidity.value > limits.tooHumidAbove()) out.add(Sign.TOO_HUMID);
        }
        out.addAll(whileGrey());
        return out;
    }

    /** The signs kept while the light is grey: a flat battery explains a silent sensor. */
    Set<Sign> whileGrey() {
        return battery.time != null && battery.value < limits.lowBatteryPct() ? EnumSet.of(Sign.LOW_BATTERY) : Set.of();
    }

    /** The newest plausible value of one metric. */
    private static final class Latest {
        Instant time;
        double value;

        void offer(Reading reading, Metric metric) {
            Double v = reading.values().get(metric);
            if (v == null || !metric.isPlausible(v) || (time != null && reading.time().isBefore(time))) return;
            time = reading.time();
            value = v;
        }

        boolean isAfter(Instant t) {
            return time != null && time.isAfter(t);
        }
    }
}
