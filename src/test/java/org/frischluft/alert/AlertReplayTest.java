package org.frischluft.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frischluft.alert.Trace.MONDAY_8;
import static org.frischluft.alert.Trace.line;

import java.util.List;
import java.util.Random;
import org.frischluft.rooms.SchoolModel;
import org.junit.jupiter.api.Test;

/** Replayed traces with exact alert timelines (the examples). */
class AlertReplayTest {
    /**
     * A sensor every 5 minutes turns grey 3.25 intervals after its last reading (16.25 min, the light's staleness);
     * the alert waits 15 minutes more (a whole site's silence is one alert) and opens at the next minute's tick.
     */
    private static final int GREY_AND_SETTLE = 32;

    private final SchoolModel school = Trace.school("r-101", "r-102", "r-103");

    @Test
    void thirtyFiveMinutesAbove2000InALessonOpensOneCo2HighAtMinuteThirty() {
        List<String> out = Trace.create()
                .co2("r-101", MONDAY_8, 35, m -> 2150)
                .co2("r-101", MONDAY_8.plusMinutes(35), 10, m -> 1500)
                .replay(school);
        assertThat(out.stream().filter(l -> l.contains(",co2-high,"))).containsExactly(
                line(MONDAY_8.plusMinutes(30), "r-101", "co2-high", "opened"),
                line(MONDAY_8.plusMinutes(35), "r-101", "co2-high", "resolved"));
    }

    @Test
    void twentyNineMinutesAbove2000OpensNothing() {
        List<String> out = Trace.create()
                .co2("r-101", MONDAY_8, 30, m -> m < 29 ? 2150 : 1500)
                .replay(school);
        assertThat(out).noneMatch(l -> l.contains(",co2-high,"));
    }

    @Test
    void aNoisyTraceAround2000OpensAtMostOneAlertPerRule() {
        Random random = new Random(12);
        List<String> out = Trace.create()
                .co2("r-101", MONDAY_8, 6 * 60, m -> 2000 + random.nextGaussian() * 60)
                .replay(school);
        assertThat(out.stream().filter(l -> l.endsWith(",co2-high,opened"))).hasSizeLessThanOrEqualTo(1);
        assertThat(out.stream().filter(l -> l.endsWith(",red-in-lesson,opened")).count())
                .as("at most one a lesson (six lessons)").isLessThanOrEqualTo(6);
    }

    @Test
    void aSensorSilentForADayIsOneAlertNotOnePerHour() {
        List<String> out = Trace.create()
                .co2("r-101", MONDAY_8, 120, 5, m -> 800)
                .co2("r-101", MONDAY_8.plusDays(1).plusMinutes(120), 60, 5, m -> 800)
                .replay(school);
        assertThat(out).containsExactly(
                line(MONDAY_8.plusMinutes(115 + GREY_AND_SETTLE), "r-101", "sensor-silent", "opened"),
                line(MONDAY_8.plusDays(1).plusMinutes(120), "r-101", "sensor-silent", "resolved"));
    }

    @Test
    void aWholeSiteSilentIsOneSiteAlert() {
        Trace t = Trace.create();
        for (String r : List.of("r-101", "r-102", "r-103")) t.co2(r, MONDAY_8, 60, 5, m -> 700);
        t.co2("r-102", MONDAY_8.plusHours(5), 10, 5, m -> 700);
        List<String> out = t.replay(school);
        assertThat(out).containsExactly(
                line(MONDAY_8.plusMinutes(55 + GREY_AND_SETTLE), "site:s", "sensor-silent", "opened"),
                line(MONDAY_8.plusHours(5), "site:s", "sensor-silent", "resolved"),
                // the site is back, two of its sensors are not: now they are named one by one
                line(MONDAY_8.plusHours(5), "r-101", "sensor-silent", "opened"),
                line(MONDAY_8.plusHours(5), "r-103", "sensor-silent", "opened"));
    }

    @Test
    void anUnacknowledgedAlertIsEscalatedTwoSchoolDaysLater() {
        // r-101's sensor silent from Monday 8:55 on; r-102 keeps reporting, so the site is not silent as a whole
        Trace t = Trace.create().co2("r-101", MONDAY_8, 60, 5, m -> 700);
        t.co2("r-102", MONDAY_8, 3 * 24 * 60, 15, m -> 600);
        List<String> out = t.replay(school);
        assertThat(out).containsExactly(
                line(MONDAY_8.plusMinutes(55 + GREY_AND_SETTLE), "r-101", "sensor-silent", "opened"),
                line(MONDAY_8.plusDays(2).plusMinutes(55 + GREY_AND_SETTLE), "r-101", "sensor-silent", "escalated"));
    }

    @Test
    void aSilentSensorIsRemindedOnceADayUntilSomeoneTakesItOn() {
        List<AlertEvent> events = new java.util.ArrayList<>();
        AlertEngine engine = new AlertEngine(AlertConfig.standard(), school, List.of(), 0, events::add);
        java.time.Instant t0 = Trace.at(MONDAY_8);
        for (int m = 0; m < 60; m += 5) {
            engine.onReading(org.frischluft.model.RoomId.of("r-101"),
                    org.frischluft.model.Reading.of(org.frischluft.model.DeviceId.of("d-r-101"), t0.plusSeconds(60L * m), 700.0, 21.0, 40.0));
            engine.onReading(org.frischluft.model.RoomId.of("r-102"),
                    org.frischluft.model.Reading.of(org.frischluft.model.DeviceId.of("d-r-102"), t0.plusSeconds(60L * m), 700.0, 21.0, 40.0));
        }
        java.time.Instant t = t0.plusSeconds(3600);
        for (int minute = 0; minute < 3 * 24 * 60; minute++) {
            engine.tick(t.plusSeconds(60L * minute));
            if (minute % 5 == 0) engine.onReading(org.frischluft.model.RoomId.of("r-102"), org.frischluft.model.Reading.of(
                    org.frischluft.model.DeviceId.of("d-r-102"), t.plusSeconds(60L * minute), 650.0, 21.0, 40.0));
            if (minute == 36 * 60) {
                long id = engine.unresolved().get(0).id();
                assertThat(engine.acknowledge(id, "Hausmeister", "Sensor wird getauscht", t.plusSeconds(60L * minute))).isTrue();
            }
        }
        assertThat(events.stream().map(e -> e.alert().subject() + " " + e.kind().id()).toList()).containsExactly(
                "r-101 opened", "r-101 reminded", "r-101 acknowledged");
    }
}
