package org.frischluft.assess;

import org.frischluft.rooms.ComfortLimits;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.Profiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.frischluft.model.Assessment;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Light;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;
import org.frischluft.model.Sign;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoomAssessorRulesTest {
    static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");
    static final DeviceId DEV = DeviceId.of("a81758fffe0a0b0c");

    /** Feeds {@code first} for {@code firstCount} minutes, then {@code then} for {@code thenCount} minutes. */
    static Assessment run(Profile p, double first, int firstCount, double then, int thenCount) {
        RoomAssessor a = new RoomAssessor(p);
        int m = 0;
        for (int i = 0; i < firstCount; i++, m++) a.add(Reading.of(DEV, T0.plusSeconds(60L * m), first, null, null));
        for (int i = 0; i < thenCount; i++, m++) a.add(Reading.of(DEV, T0.plusSeconds(60L * m), then, null, null));
        return a.assess(T0.plusSeconds(60L * (m - 1)));
    }

    @ParameterizedTest(name = "{0} at {1} ppm is {2}")
    @CsvSource({
            "uba, 420, GREEN", "uba, 999, GREEN", "uba, 1000, YELLOW", "uba, 1999, YELLOW", "uba, 2000, RED",
            "uba, 5000, RED",
            "komfort, 999, GREEN", "komfort, 1000, YELLOW", "komfort, 1399, YELLOW", "komfort, 1400, RED",
            "infektionsschutz, 799, GREEN", "infektionsschutz, 800, YELLOW", "infektionsschutz, 999, YELLOW",
            "infektionsschutz, 1000, RED",
            "uba+blue, 599, BLUE", "uba+blue, 600, GREEN", "komfort+blue550, 549, BLUE", "komfort+blue550, 560, GREEN",
            "infektionsschutz+blue, 450, BLUE", "infektionsschutz+blue, 800, YELLOW"})
    void steadyReadingsShowTheProfilesColour(String profile, double ppm, Light expected) {
        assertThat(run(Profiles.byId(profile), ppm, 10, ppm, 0).light()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1} ppm then {3} readings of {2} ppm -> {4}")
    @CsvSource({
            // leaving yellow (1000) needs readings below 925 ppm (7.5 % hysteresis) for 2 minutes (3 readings)
            "uba, 1050, 930, 20, YELLOW",
            "uba, 1050, 924, 2, YELLOW",
            "uba, 1050, 924, 3, GREEN",
            // entering yellow needs readings at or above 1000 for 2 minutes
            "uba, 900, 1000, 2, GREEN",
            "uba, 900, 1000, 3, YELLOW",
            "uba, 900, 1199, 2, GREEN",
            // far past a threshold (20 %) shows at once, both ways
            "uba, 900, 1200, 1, YELLOW",
            "uba, 900, 2400, 1, RED",
            "uba, 900, 2399, 1, YELLOW",
            "uba, 1050, 724, 1, GREEN",
            "uba, 1050, 726, 1, YELLOW",
            "uba, 2100, 1000, 1, YELLOW",
            "uba, 2100, 1840, 2, RED",
            "uba, 2100, 1840, 3, YELLOW",
            // red in the comfort profile, blue band with its own hysteresis
            "komfort, 1300, 1400, 4, RED",
            "komfort, 1450, 1300, 4, RED",
            "komfort, 1450, 1290, 4, YELLOW",
            "uba+blue, 700, 590, 10, GREEN",
            "uba+blue, 700, 554, 4, BLUE",
            "uba+blue, 500, 600, 4, GREEN",
            "uba+blue, 500, 600, 2, BLUE"})
    void hysteresisAndMinimumDurationHoldTheLightUnlessTheJumpIsFar(String profile, double start, double value,
                                                                   int readings, Light expected) {
        assertThat(run(Profiles.byId(profile), start, 5, value, readings).light()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ppm, {1} °C, {2} %, battery {3} %")
    @CsvSource({
            "800, 19.9, 45, 80, GREEN, TOO_COLD",
            "800, 26.1, 45, 80, GREEN, TOO_WARM",
            "800, 22, 29, 80, GREEN, TOO_DRY",
            "800, 22, 66, 80, GREEN, TOO_HUMID",
            "800, 22, 45, 10, GREEN, LOW_BATTERY",
            "800, 20, 30, 20, GREEN, ''",
            "800, 26, 65, 90, GREEN, ''",
            "1500, 15, 20, 5, YELLOW, TOO_COLD TOO_DRY LOW_BATTERY",
            "2500, 30, 70, 50, RED, TOO_WARM TOO_HUMID",
            "400, 35, 90, 1, GREEN, TOO_WARM TOO_HUMID LOW_BATTERY"})
    void signsNeverChangeTheColour(double co2, double temp, double hum, double battery, Light light, String signs) {
        RoomAssessor plain = new RoomAssessor(Profiles.UBA);
        RoomAssessor withSigns = new RoomAssessor(Profiles.UBA);
        for (int m = 0; m < 10; m++) {
            Instant t = T0.plusSeconds(60L * m);
            plain.add(Reading.of(DEV, t, co2, null, null));
            withSigns.add(new Reading(DEV, t, Map.of(Metric.CO2, co2, Metric.TEMPERATURE, temp, Metric.HUMIDITY, hum,
                    Metric.BATTERY_PCT, battery)));
        }
        Instant now = T0.plusSeconds(60 * 9);
        Assessment a = withSigns.assess(now);
        assertThat(a.light()).isEqualTo(light).isEqualTo(plain.assess(now).light());
        Set<Sign> expected = EnumSet.noneOf(Sign.class);
        for (String s : signs.split(" ")) if (!s.isBlank()) expected.add(Sign.valueOf(s));
        assertThat(a.signs()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} °C, {1} %, battery {2} % with limits 18/28 °C, 25/70 %, 10 %: {3}")
    @CsvSource({
            "19.9, 45, 80, ''", "17.9, 45, 80, TOO_COLD", "27, 45, 80, ''", "28.1, 45, 80, TOO_WARM",
            "22, 29, 80, ''", "22, 24, 80, TOO_DRY", "22, 68, 80, ''", "22, 71, 80, TOO_HUMID",
            "22, 45, 15, ''", "22, 45, 9, LOW_BATTERY"})
    void configuredComfortLimitsMoveWhereTheSignsBegin(double temp, double hum, double battery, String signs) {
        ComfortLimits limits = new ComfortLimits(18, 28, 25, 70, 10);
        RoomAssessor a = new RoomAssessor(Profiles.UBA, limits, AssessorOptions.defaults());
        for (int m = 0; m < 10; m++) {
            a.add(new Reading(DEV, T0.plusSeconds(60L * m), Map.of(Metric.CO2, 800.0, Metric.TEMPERATURE, temp,
                    Metric.HUMIDITY, hum, Metric.BATTERY_PCT, battery)));
        }
        Set<Sign> expected = EnumSet.noneOf(Sign.class);
        for (String s : signs.split(" ")) if (!s.isBlank()) expected.add(Sign.valueOf(s));
        assertThat(a.assess(T0.plusSeconds(60 * 9)).signs()).isEqualTo(expected);
    }
}
