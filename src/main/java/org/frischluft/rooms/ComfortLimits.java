package org.frischluft.rooms;

/**
 * Where the secondary signs beside a room's light begin. They never change the CO2 colour. A sign is shown
 * strictly beyond its limit: exactly 20 °C is not too cold, exactly 20 % battery is not low.
 *
 * @param tooColdBelow  °C below which a room is too cold (ASR A3.5: at least 20 °C)
 * @param tooWarmAbove  °C above which a room is too warm (ASR A3.5: 26 °C should not be exceeded)
 * @param tooDryBelow   % relative humidity below which the air is too dry
 * @param tooHumidAbove % relative humidity above which the air is too humid (mould risk above about 65 %)
 * @param lowBatteryPct battery % below which a sensor's battery is low
 */
public record ComfortLimits(double tooColdBelow, double tooWarmAbove, double tooDryBelow, double tooHumidAbove,
                            double lowBatteryPct) {
    /** 20 / 26 °C (ASR A3.5), 30 / 65 % RH, battery 20 %. */
    public static final ComfortLimits DEFAULT = new ComfortLimits(20, 26, 30, 65, 20);

    public ComfortLimits {
        if (!(tooColdBelow >= -20 && tooWarmAbove <= 50 && tooColdBelow < tooWarmAbove)) {
            throw new IllegalArgumentException("comfort limits: need -20 <= tooColdBelow < tooWarmAbove <= 50 °C, got "
                    + tooColdBelow + " and " + tooWarmAbove);
        }
        if (!(tooDryBelow >= 0 && tooHumidAbove <= 100 && tooDryBelow < tooHumidAbove)) {
            throw new IllegalArgumentException("comfort limits: need 0 <= tooDryBelow < tooHumidAbove <= 100 %, got "
                    + tooDryBelow + " and " + tooHumidAbove);
        }
        if (!(lowBatteryPct >= 0 && lowBatteryPct <= 100)) {
            throw new IllegalArgumentException("comfort limits: lowBatteryPct must lie in 0..100 %, got " + lowBatteryPct);
        }
    }
}
