package org.frischluft.rooms;

/**
 * Limits of the comfort signs beside the light (they never change its colour).
 *
 * @param tooColdBelow  °C (ASR A3.5: at least 20 °C)
 * @param tooWarmAbove  °C (ASR A3.5: 26 °C should not be exceeded)
 * @param tooDryBelow   % relative humidity
 * @param tooHumidAbove % relative humidity (mould risk above about 65 % at 23 °C)
 * @param lowBatteryPct battery percentage below which a sensor's battery is low
 */
public record ComfortLimits(double tooColdBelow, double tooWarmAbove, double tooDryBelow, double tooHumidAbove,
                            double lowBatteryPct) {
    public static final ComfortLimits DEFAULT = new ComfortLimits(20, 26, 30, 65, 20);

    public ComfortLimits {
        if (!(tooColdBelow < tooWarmAbove)) throw new IllegalArgumentException("tooColdBelow must be below tooWarmAbove");
        if (!(tooDryBelow >= 0 && tooDryBelow < tooHumidAbove && tooHumidAbove <= 100)) {
            throw new IllegalArgumentException("need 0 <= tooDryBelow < tooHumidAbove <= 100");
        }
        if (!(lowBatteryPct >= 0 && lowBatteryPct <= 100)) throw new IllegalArgumentException("lowBatteryPct must lie in 0..100");
    }
}
