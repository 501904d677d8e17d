package org.frischluft.model;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One measurement of one device at one time. Only metrics that were present and plausible are in
 * {@code values}; an absent metric means "not in this message", never zero. {@code model} and {@code modelSource}
 * say which sensor model's byte decoder read it and how that model was known ({@code config}, {@code version_ids},
 * {@code device_profile}, {@code oui}, {@code frame}); null when the sender or the network decoded it.
 */
public record Reading(DeviceId device, Instant time, Map<Metric, Double> values, String model, String modelSource) {
    /** A reading whose sender (or the network) decoded it: no sensor model to tell. */
    public Reading(DeviceId device, Instant time, Map<Metric, Double> values) {
        this(device, time, values, null, null);
    }

    /** The same reading, read from raw bytes with {@code model}'s decoder, known from {@code source} ({@code oui}, {@code frame} …). */
    public Reading withModel(String model, String source) {
        return new Reading(device, time, values, model, source);
    }

    public Reading {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(time, "time");
        EnumMap<Metric, Double> copy = new EnumMap<>(Metric.class);
        values.forEach((metric, value) -> {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(value, "value");
            copy.put(metric, value);
        });
        values = Collections.unmodifiableMap(copy);
    }

    public static Reading of(DeviceId device, Instant time, Double co2, Double temperature, Double humidity) {
        EnumMap<Metric, Double> v = new EnumMap<>(Metric.class);
        if (co2 != null) v.put(Metric.CO2, co2);
        if (temperature != null) v.put(Metric.TEMPERATURE, temperature);
        if (humidity != null) v.put(Metric.HUMIDITY, humidity);
        return new Reading(device, time, v);
    }

    public OptionalDouble get(Metric metric) {
        Double v = values.get(metric);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    public boolean has(Metric metric) {
        return values.containsKey(metric);
    }

    /** The CO2 value in ppm or {@code null}. */
    public Double co2() {
        return values.get(Metric.CO2);
    }

    public Double temperature() {
        return values.get(Metric.TEMPERATURE);
    }

    public Double humidity() {
        return values.get(Metric.HUMIDITY);
    }
}
