package org.frischluft.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.model.Assessment;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Light;
import org.frischluft.model.Reading;
import org.frischluft.model.Trend;
import org.frischluft.rooms.Profiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How soon the light follows the readings, and what it says while it holds back: a colour and a number that
 * disagree must not do so for long, and not without the screen saying why.
 */
class HoldTimesTest {
    static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");
    static final DeviceId DEV = DeviceId.of("a81758fffe0a0b0c");

    /** A noise-free ramp from {@code start} at {@code ppmPerMinute}, one reading each {@code interval}. */
    private static List<Reading> ramp(double start, double ppmPerMinute, Duration interval, Duration length) {
        List<Reading> out = new ArrayList<>();
        for (long s = 0; s <= length.toSeconds(); s += interval.toSeconds()) {
            out.add(Reading.of(DEV, T0.plusSeconds(s), start + ppmPerMinute * s / 60.0, 21.0, 40.0));
        }
        return out;
    }

    /** The assessment every 10 seconds while the readings arrive on time, with the time asked. */
    private record Asked(Instant time, Assessment assessment) {
    }

    private static List<Asked> replay(List<Reading> readings) {
        RoomAssessor a = new RoomAssessor(Profiles.UBA);
        List<Asked> out = new ArrayList<>();
        int i = 0;
        Instant end = readings.get(readings.size() - 1).time();
        for (Instant t = T0; !t.isAfter(end); t = t.plusSeconds(10)) {
            while (i < readings.size() && !readings.get(i).time().isAfter(t)) a.add(readings.get(i++));
            out.add(new Asked(t, a.assess(t)));
        }
        return out;
    }

    private static Instant firstReading(List<Reading> readings, java.util.function.DoublePredicate test) {
        return readings.stream().filter(r -> test.test(r.co2())).findFirst().orElseThrow().time();
    }

    private static Instant firstShowing(List<Asked> steps, Light light) {
        return steps.stream().filter(s -> s.assessment().light() == light).findFirst().orElseThrow().time();
    }

    @ParameterizedTest(name = "uplink every {0} s, rising {1} ppm/min from {2}: {3} after the first reading >= {4} ppm, {5} min")
    @CsvSource({
            "30,  20,  800, YELLOW, 1000, 2",
            "60,  20,  800, YELLOW, 1000, 2",
            "120, 20,  800, YELLOW, 1000, 2",
            "300, 20,  800, YELLOW, 1000, 5",
            "60,  20, 1850, RED,    2000, 2",
            "120, 20, 1850, RED,    2000, 2",
            "300, 20, 1850, RED,    2000, 5",
            "60,  40, 1700, RED,    2000, 2",
            "120, 40, 1700, RED,    2000, 2"})
    void risingRoomChangesColourSoonAfterItsFirstReadingPastTheThresholdAndSaysRisingMeanwhile(
            long uplinkSeconds, double rate, double start, Light light, double threshold, long minutes) {
        List<Reading> readings = ramp(start, rate, Duration.ofSeconds(uplinkSeconds), Duration.ofMinutes(40));
        List<Asked> steps = replay(readings);
        Instant crossed = firstReading(readings, v -> v >= threshold);
        Instant changed = firstShowing(steps, light);
        assertThat(Duration.between(crossed, changed)).isEqualTo(Duration.ofMinutes(minutes));
        for (Asked s : steps) {
            boolean waiting = !s.time().isBefore(crossed) && s.time().isBefore(changed);
            assertThat(s.assessment().pending()).as("at %s", s.time()).isEqualTo(waiting ? Trend.RISING : null);
        }
    }

    @ParameterizedTest(name = "uplink every {0} s, aired at -15 ppm/min: green {1} min after the first reading below 925, "
            + "at most {2} min after the first below 900")
    @CsvSource({"30, 2, 2", "60, 2, 2", "120, 2, 2", "300, 5, 5"})
    void airedRoomTurnsGreenSoonAfterItsFirstReadingBelowTheHysteresisAndSaysFallingMeanwhile(
            long uplinkSeconds, long minutes, long atMostAfterBelow900) {
        List<Reading> readings = ramp(1300, -15, Duration.ofSeconds(uplinkSeconds), Duration.ofMinutes(40));
        List<Asked> steps = replay(readings);
        assertThat(steps.get(0).assessment().light()).isEqualTo(Light.YELLOW);
        Instant below = firstReading(readings, v -> v < 925);
        Instant green = firstShowing(steps, Light.GREEN);
        assertThat(Duration.between(below, green)).isEqualTo(Duration.ofMinutes(minutes));
        assertThat(Duration.between(firstReading(readings, v -> v < 900), green))
                .isLessThanOrEqualTo(Duration.ofMinutes(atMostAfterBelow900));
        for (Asked s : steps) {
            boolean waiting = !s.time().isBefore(below) && s.time().isBefore(green);
            assertThat(s.assessment().pending()).as("at %s", s.time()).isEqualTo(waiting ? Trend.FALLING : null);
        }
    }

    @ParameterizedTest(name = "{0}: {1} ppm then {3} readings of {2} ppm -> {4}, pending {5}")
    @CsvSource(nullValues = "-", value = {
            "uba, 900, 1050, 1, GREEN, RISING",
            "uba, 900, 1050, 2, GREEN, RISING",
            "uba, 900, 1050, 3, YELLOW, -",
            "uba, 900, 999, 10, GREEN, -",
            "uba, 1050, 900, 1, YELLOW, FALLING",
            "uba, 1050, 900, 3, GREEN, -",
            // within the hysteresis band nothing is pending: 950 ppm keeps yellow for good
            "uba, 1050, 950, 10, YELLOW, -",
            "uba, 1500, 2100, 1, YELLOW, RISING",
            "uba, 2100, 1840, 1, RED, FALLING",
            "uba, 2100, 1900, 5, RED, -",
            "uba, 2100, 1000, 1, YELLOW, -",
            // a jump needs no hold, so nothing waits
            "uba, 900, 1300, 1, YELLOW, -",
            "uba+blue, 700, 550, 1, GREEN, FALLING",
            "uba+blue, 500, 620, 1, BLUE, RISING",
            "komfort, 1200, 1450, 2, YELLOW, RISING"})
    void aChangeWaitingForItsHoldSaysItsDirection(String profile, double start, double value, int readings,
                                                  Light light, Trend pending) {
        Assessment a = RoomAssessorRulesTest.run(Profiles.byId(profile), start, 5, value, readings);
        assertThat(a.light()).isEqualTo(light);
        assertThat(a.pending()).isEqualTo(pending);
    }

    @Test
    void aReadingBackOnTheOtherSideEndsThePendingChangeAndRestartsTheHold() {
        RoomAssessor a = new RoomAssessor(Profiles.UBA);
        double[] co2 = {900, 900, 900, 1050, 1040, 990, 1050, 1060};
        for (int m = 0; m < co2.length; m++) a.add(Reading.of(DEV, T0.plusSeconds(60L * m), co2[m], null, null));
        assertThat(a.assess(T0.plusSeconds(60 * 4)).pending()).isEqualTo(Trend.RISING);
        RoomAssessor b = new RoomAssessor(Profiles.UBA);
        for (int m = 0; m <= 5; m++) b.add(Reading.of(DEV, T0.plusSeconds(60L * m), co2[m], null, null));
        assertThat(b.assess(T0.plusSeconds(60 * 5)).pending()).isNull();
        Assessment end = a.assess(T0.plusSeconds(60 * 7));
        assertThat(end.light()).as("the hold restarted at minute 6").isEqualTo(Light.GREEN);
        assertThat(end.pending()).isEqualTo(Trend.RISING);
    }

    @Test
    void aGreyLightHasNoPendingChange() {
        RoomAssessor a = new RoomAssessor(Profiles.UBA);
        for (int m = 0; m < 6; m++) a.add(Reading.of(DEV, T0.plusSeconds(60L * m), 900.0, null, null));
        a.add(Reading.of(DEV, T0.plusSeconds(60 * 6), 1050.0, null, null));
        assertThat(a.assess(T0.plusSeconds(60 * 6)).pending()).isEqualTo(Trend.RISING);
        Assessment grey = a.assess(T0.plusSeconds(60 * 30));
        assertThat(grey.light()).isEqualTo(Light.GREY);
        assertThat(grey.pending()).isNull();
    }

    @Test
    void twoMinuteUplinksThatComeAFewSecondsEarlyDoNotWaitAFurtherInterval() {
        // LoRaWAN timestamps jitter: gaps of 1:56..2:04 must not turn a 2-minute hold into a 4-minute one
        long[] gaps = {120, 118, 122, 117, 123, 116, 124, 119, 121, 116};
        RoomAssessor a = new RoomAssessor(Profiles.UBA);
        long s = 0;
        for (int i = 0; i < 6; i++, s += gaps[i]) a.add(Reading.of(DEV, T0.plusSeconds(s), 900.0, null, null));
        Instant crossed = T0.plusSeconds(s);
        a.add(Reading.of(DEV, crossed, 1010.0, null, null));
        assertThat(a.assess(crossed).light()).isEqualTo(Light.GREEN);
        Instant next = crossed.plusSeconds(116);
        a.add(Reading.of(DEV, next, 1030.0, null, null));
        assertThat(a.assess(next).light()).isEqualTo(Light.YELLOW);
        assertThat(a.assess(next).since()).isEqualTo(next);
    }

    @ParameterizedTest(name = "noisy rooms at {0}-minute uplinks: yellow median <= {1} min, aired green p90 <= {2} min")
    @CsvSource({"1, 2, 2", "2, 2, 2", "5, 5, 5"})
    void noisyRoomsChangeColourWithinTheHoldOrTheNextUplink(long minutes, double risingMedian, double airingP90) {
        Duration iv = Duration.ofMinutes(minutes);
        LightMachine.HoldRule rule = LightMachine.HoldRule.NEXT_READING;
        assertThat(HoldRuleMeasurement.rising(iv, Profiles.UBA, rule, 1000, Light.YELLOW, 2).median())
                .isLessThanOrEqualTo(risingMedian);
        assertThat(HoldRuleMeasurement.rising(iv, Profiles.UBA, rule, 2000, Light.RED, 2).median())
                .isLessThanOrEqualTo(risingMedian);
        assertThat(HoldRuleMeasurement.airing(iv, Profiles.UBA, rule, 900, 4).p90()).isLessThanOrEqualTo(airingP90);
    }

    @Test
    void atFiveMinuteUplinksSilenceAsAgreementWouldFlapWhereASecondReadingDoesNot() {
        Duration five = Duration.ofMinutes(5);
        HoldRuleMeasurement.Flapping next = HoldRuleMeasurement.flapping(five, Profiles.UBA, LightMachine.HoldRule.NEXT_READING, 50);
        HoldRuleMeasurement.Flapping silence = HoldRuleMeasurement.flapping(five, Profiles.UBA, LightMachine.HoldRule.SILENCE, 50);
        assertThat(next.meanChanges()).isLessThan(1.0);
        assertThat(silence.meanChanges()).isGreaterThan(5 * next.meanChanges());
        // the chosen rule flaps no more at 5-minute uplinks than the 3-minute hold did
        assertThat(next.meanChanges()).isLessThanOrEqualTo(HoldRuleMeasurement.flapping(five,
                HoldRuleMeasurement.THREE_MINUTES, LightMachine.HoldRule.NEXT_READING, 50).meanChanges());
    }
}
