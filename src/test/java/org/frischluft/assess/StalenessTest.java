package org.frischluft.assess;

import org.frischluft.rooms.Profiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.frischluft.model.Assessment;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Light;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;
import org.frischluft.model.Sign;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StalenessTest {
    static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");
    static final DeviceId DEV = DeviceId.of("a81758fffe0a0b0c");

    private static RoomAssessor every(Duration interval, int count, double co2) {
        RoomAssessor a = new RoomAssessor(Profiles.UBA);
        for (int i = 0; i < count; i++) a.add(Reading.of(DEV, T0.plus(interval.multipliedBy(i)), co2, 21.0, 40.0));
        return a;
    }

    @ParameterizedTest(name = "uplink every {0} s: grey after {1} ms of silence")
    @CsvSource({"60, 195000", "120, 390000", "300, 975000", "600, 1950000", "10, 97500", "3600, 5850000"})
    void staleRoomTurnsGreyAfterThreeMissedUplinks(long intervalSeconds, long greyAfterMillis) {
        RoomAssessor a = every(Duration.ofSeconds(intervalSeconds), 8, 600);
        Instant last = T0.plusSeconds(intervalSeconds * 7);
        Instant greyAt = last.plusMillis(greyAfterMillis);
        assertThat(a.assess(greyAt.minusSeconds(1)).light()).isEqualTo(Light.GREEN);
        Assessment grey = a.assess(greyAt);
        assertThat(grey.light()).isEqualTo(Light.GREY);
        assertThat(grey.since()).isEqualTo(greyAt);
        assertThat(grey.advice()).isNull();
        assertThat(grey.signs()).isEmpty();
        assertThat(a.greyAt()).isEqualTo(greyAt);
    }

    @Test
    void learntIntervalIsTheMedianOfRecentGapsWithinBounds() {
        RoomAssessor a = new RoomAssessor(Profiles.UBA);
        long[] minutes = {0, 2, 4, 6, 30, 32, 34}; // one outage among 2-minute gaps
        for (long m : minutes) a.add(Reading.of(DEV, T0.plusSeconds(60 * m), 700.0, null, null));
        assertThat(a.expectedInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(every(Duration.ofSeconds(5), 10, 700).expectedInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(every(Duration.ofHours(2), 10, 700).expectedInterval()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void beforeAnIntervalIsLearntTheDefaultOfFiveMinutesApplies() {
        RoomAssessor a = every(Duration.ofMinutes(1), 2, 700);
        assertThat(a.expectedInterval()).isNull();
        Instant last = T0.plusSeconds(60);
        assertThat(a.assess(last.plusSeconds(975 - 1)).light()).isEqualTo(Light.GREEN);
        assertThat(a.assess(last.plusSeconds(975)).light()).isEqualTo(Light.GREY);
    }

    @Test
    void roomWithoutDataIsGreyNeverGreen() {
        RoomAssessor a = new RoomAssessor(Profiles.UBA);
        Assessment first = a.assess(T0);
        assertThat(first.light()).isEqualTo(Light.GREY);
        assertThat(a.assess(T0.plusSeconds(600)).since()).isEqualTo(T0);
        assertThat(a.greyAt()).isNull();
    }

    @Test
    void uplinksWithoutCo2DoNotKeepTheLightAlive() {
        RoomAssessor a = every(Duration.ofMinutes(1), 8, 1500);
        for (int m = 8; m < 30; m++) a.add(Reading.of(DEV, T0.plusSeconds(60L * m), null, 21.0, 40.0));
        assertThat(a.assess(T0.plusSeconds(60 * 29)).light()).isEqualTo(Light.GREY);
    }

    @Test
    void dataAfterAGreyGapShowsTheCurrentColourAtOnceAndKeepsLowBatteryWhileGrey() {
        RoomAssessor a = new RoomAssessor(Profiles.UBA);
        for (int m = 0; m < 8; m++) {
            a.add(new Reading(DEV, T0.plusSeconds(60L * m), Map.of(Metric.CO2, 700.0, Metric.BATTERY_PCT, 5.0)));
        }
        Assessment grey = a.assess(T0.plusSeconds(60 * 20));
        assertThat(grey.light()).isEqualTo(Light.GREY);
        assertThat(grey.signs()).containsExactly(Sign.LOW_BATTERY);
        Instant back = T0.plusSeconds(60 * 30);
        a.add(Reading.of(DEV, back, 1100.0, null, null));
        Assessment now = a.assess(back);
        assertThat(now.light()).isEqualTo(Light.YELLOW);
        assertThat(now.since()).isEqualTo(back);
    }

    @Test
    void readingsInAnyOrderAndTwiceGiveTheSameLight() {
        List<Reading> readings = new ArrayList<>();
        Random random = new Random(3);
        for (int m = 0; m < 40; m++) {
            readings.add(Reading.of(DEV, T0.plusSeconds(60L * m), SimulatedRoom.measure(700 + 20 * m, random), 21.0, 40.0));
        }
        RoomAssessor ordered = new RoomAssessor(Profiles.UBA);
        readings.forEach(ordered::add);
        List<Reading> shuffled = new ArrayList<>(readings);
        shuffled.addAll(readings.subList(10, 20));
        Collections.shuffle(shuffled, new Random(5));
        RoomAssessor mixed = new RoomAssessor(Profiles.UBA);
        shuffled.forEach(mixed::add);
        Instant now = T0.plusSeconds(60 * 39);
        assertThat(mixed.assess(now)).isEqualTo(ordered.assess(now));
        assertThat(mixed.expectedInterval()).isEqualTo(Duration.ofMinutes(1));
    }
}
