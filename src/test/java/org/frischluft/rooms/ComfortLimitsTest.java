package org.frischluft.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComfortLimitsTest {
    @Test
    void defaultsAreAsrA35ForTemperatureAndTheUsualHumidityAndBatteryLimits() {
        assertThat(ComfortLimits.DEFAULT).isEqualTo(new ComfortLimits(20, 26, 30, 65, 20));
    }

    @ParameterizedTest(name = "{0} / {1} °C, {2} / {3} %, battery {4} %: {5}")
    @CsvSource({
            "26, 20, 30, 65, 20, tooColdBelow < tooWarmAbove",
            "22, 22, 30, 65, 20, tooColdBelow < tooWarmAbove",
            "-30, 26, 30, 65, 20, -20 <= tooColdBelow",
            "20, 60, 30, 65, 20, tooWarmAbove <= 50",
            "NaN, 26, 30, 65, 20, tooColdBelow",
            "20, 26, 70, 65, 20, tooDryBelow < tooHumidAbove",
            "20, 26, -1, 65, 20, 0 <= tooDryBelow",
            "20, 26, 30, 101, 20, tooHumidAbove <= 100",
            "20, 26, 30, 65, 120, lowBatteryPct",
            "20, 26, 30, 65, NaN, lowBatteryPct"})
    void impossibleLimitsAreRejectedWithAReason(double cold, double warm, double dry, double humid, double battery,
                                                String reason) {
        assertThatThrownBy(() -> new ComfortLimits(cold, warm, dry, humid, battery))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }
}
