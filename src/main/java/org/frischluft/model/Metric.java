package org.frischluft.model;

import java.util.Optional;

/**
 * What a sensor measures, in one canonical unit each. The plausible range is the hard limit outside which a
 * value is a sensor error, not a measurement (e.g. CO2 0 ppm during warm-up, 65535 = 0xFFFF sentinel).
 */
public enum Metric {
    CO2("co2_ppm", "ppm", 1, 40_000),
    TEMPERATURE("temperature_c", "°C", -40, 85),
    HUMIDITY("humidity_pct", "%", 0, 100),
    PRESSURE("pressure_hpa", "hPa", 300, 1_100),
    TVOC("tvoc_ppb", "ppb", 0, 60_000),
    BATTERY_V("battery_v", "V", 0, 30),
    BATTERY_PCT("battery_pct", "%", 0, 100),
    LIGHT_LUX("light_lux", "lx", 0, 200_000);

    private final String key;
    private final String unit;
    private final double min;
    private final double max;

    Metric(String key, String unit, double min, double max) {
        this.key = key;
        this.unit = unit;
        this.min = min;
        this.max = max;
    }

    /** Column and JSON key, e.g. {@code co2_ppm}. */
    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** True for a finite value inside the plausible range. */
    public boolean isPlausible(double value) {
        return Double.isFinite(value) && value >= min && value <= max;
    }

    public static Optional<Metric> byKey(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
