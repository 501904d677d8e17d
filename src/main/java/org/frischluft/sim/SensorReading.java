package org.frischluft.sim;

import java.time.Instant;
import java.util.Objects;

/**
 * What a simulated sensor reports at one moment, already quantised the way the sensor measures (integer ppm).
 * The encoders in {@link TtnUplinks} round temperature to 0.1 °C and humidity to the sensor's resolution.
 *
 * @param lightLux    illuminance (Elsys) — the AM319 reports a 0–5 light level derived from it
 * @param motion      PIR count since the last uplink (Elsys); the AM319 reports "trigger" when it is above zero
 * @param vddMv       supply voltage in mV (Elsys, battery powered)
 * @param pressureHpa barometric pressure (AM319)
 * @param tvoc        TVOC raw value (AM319)
 */
public record SensorReading(Instant time, int co2Ppm, double temperatureC, double humidityPct, int lightLux, int motion,
                            int vddMv, double pressureHpa, int tvoc) {
    public SensorReading {
        Objects.requireNonNull(time, "time");
    }
}
