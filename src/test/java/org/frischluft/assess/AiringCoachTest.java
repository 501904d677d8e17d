package org.frischluft.assess;

import org.frischluft.rooms.Profiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.frischluft.model.Advice;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AiringCoachTest {
    static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");

    @ParameterizedTest(name = "{0} m³, λ {1}/h, {2} pupils")
    @CsvSource({"200, 0.5, 25", "150, 1, 25", "120, 2, 30", "200, 0.3, 20"})
    void risingRoomForecastsYellowCloseToTheTruth(double volume, double lambda, int pupils) {
        SimulatedRoom room = new SimulatedRoom(volume, lambda, pupils, 480);
        double crossing = room.minutesTo(1000);
        RoomAssessor a = new RoomAssessor(Profiles.UBA);
        Random random = new Random(42);
        int forecasts = 0;
        double sum = 0;
        for (int m = 0; m < crossing - 1; m++) {
            a.add(room.reading(T0, m, random, 21.0));
            Advice advice = a.assess(T0.plusSeconds(60L * m)).advice();
            if (advice == null) continue;
            assertThat(advice.kind()).isEqualTo(Advice.Kind.YELLOW_SOON);
            double error = Math.abs(advice.minutes() - (crossing - m));
            assertThat(error).as("at minute %d", m).isLessThanOrEqualTo(5);
            sum += error;
            forecasts++;
        }
        assertThat(forecasts).isGreaterThan(0);
        assertThat(sum / forecasts).isLessThanOrEqualTo(2);
    }

    @Test
    void roomThatLevelsOffBelowYellowGetsNoForecast() {
        SimulatedRoom airy = new SimulatedRoom(200, 6, 25, 450); // steady state about 800 ppm
        RoomAssessor a = new RoomAssessor(Profiles.UBA);
        Random random = new Random(1);
        for (int m = 0; m < 90; m++) {
            a.add(airy.reading(T0, m, random, 21.0));
            assertThat(a.assess(T0.plusSeconds(60L * m)).advice()).isNull();
        }
    }

    @Test
    void coachIsSilentOnRandomNoise() {
        Random random = new Random(99);
        for (int run = 0; run < 20; run++) {
            RoomAssessor a = new RoomAssessor(Profiles.UBA);
            for (int m = 0; m < 120; m++) {
                // twice the sensors' stated noise around 700 ppm: no trend, nothing to forecast or to close
                double co2 = 700 + 2 * (30 + 0.03 * 700) * (2 * random.nextDouble() - 1);
                a.add(Reading.of(DeviceId.of("a81758fffe0a0b0c"), T0.plusSeconds(60L * m), co2, 21.0, null));
                assertThat(a.assess(T0.plusSeconds(60L * m)).advice()).as("run %d minute %d", run, m).isNull();
            }
        }
    }

    @Test
    void forecastErrorOnSimulatedRoomsStaysWithinTheDocumentedBound() {
        ForecastAccuracy.Stats stats = ForecastAccuracy.measure(Profiles.UBA, 60, 2);
        assertThat(stats.forecasts()).isGreaterThan(500);
        assertThat(stats.median()).isLessThanOrEqualTo(1.25);
        assertThat(stats.p90()).isLessThanOrEqualTo(4.0);
        assertThat((double) stats.falseAlarms() / stats.forecasts()).isLessThan(0.03);
    }
}
