package org.frischluft.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.frischluft.model.Light;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayPolicyTest {
    /** A Berlin school: Mon–Fri, school hours 07:00–17:00, Schleswig-Holstein's public holidays. */
    private static final SchoolCalendar CALENDAR = SchoolCalendar.germanDefault().withState("SH");

    /** An instant from Berlin local time, e.g. "2025-11-25T10:42" (a Tuesday). */
    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Berlin")).toInstant();
    }

    @ParameterizedTest(name = "{0} {1} at {2} -> {3}")
    @CsvSource({
        // always: full, whatever the light or time
        "always,                   GREEN,  2025-11-25T10:42, FULL",
        "always,                   GREY,   2025-11-29T03:00, FULL",
        // quiet: dim while the air is fine, full when there is something to do or something is wrong
        "quiet,                    GREEN,  2025-11-25T10:42, DIM",
        "quiet,                    BLUE,   2025-11-25T10:42, DIM",
        "quiet,                    YELLOW, 2025-11-25T10:42, FULL",
        "quiet,                    RED,    2025-11-25T10:42, FULL",
        "quiet,                    GREY,   2025-11-25T10:42, FULL",
        // schedule: the calendar's school time (Mon-Fri 07:00-17:00, no holiday), blank outside; red stays lit
        // (people are in the room)
        "schedule,                 GREEN,  2025-11-25T10:42, FULL",
        "schedule,                 GREEN,  2025-11-25T06:59, BLANK",
        "schedule,                 GREEN,  2025-11-25T07:00, FULL",
        "schedule,                 GREEN,  2025-11-25T17:00, BLANK",
        "schedule,                 YELLOW, 2025-11-29T11:00, BLANK",
        "schedule,                 RED,    2025-11-29T11:00, FULL",
        "schedule,                 GREY,   2025-11-30T23:00, BLANK",
        "schedule,                 GREEN,  2025-10-03T10:00, BLANK",
        "schedule,                 GREEN,  2025-12-25T10:00, BLANK",
        "schedule dim,             GREEN,  2025-12-25T10:00, DIM",
        "schedule 07:30-16:00 dim, GREEN,  2025-11-25T07:15, DIM",
        "schedule 07:30-16:00 dim, GREEN,  2025-11-25T15:59, FULL",
        "schedule 7:30-16:00 dim,  GREEN,  2025-11-25T16:00, DIM"})
    void brightnessFollowsPolicyLightAndTime(String policy, Light light, String local, Brightness expected) {
        assertThat(DisplayPolicy.parse(policy).brightness(light, at(local), CALENDAR)).isEqualTo(expected);
    }

    @Test
    void missingSettingMeansAlwaysOn() {
        assertThat(DisplayPolicy.parse(null).mode()).isEqualTo(DisplayPolicy.Mode.ALWAYS);
        assertThat(DisplayPolicy.parse("  ").mode()).isEqualTo(DisplayPolicy.Mode.ALWAYS);
    }

    @Test
    void unknownOrBrokenSettingsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> DisplayPolicy.parse("sometimes")).hasMessageContaining("unknown display policy 'sometimes'");
        assertThatThrownBy(() -> DisplayPolicy.parse("schedule 17:00-07:00")).hasMessageContaining("start before they end");
        assertThatThrownBy(() -> DisplayPolicy.parse("schedule 25:00-26:00")).hasMessageContaining("bad school hours");
        assertThatThrownBy(() -> DisplayPolicy.parse("schedule loud")).hasMessageContaining("unknown part 'loud'");
    }

    @Test
    void theCalendarsSchoolDaysAreHonoured() {
        SchoolCalendar saturdays = new SchoolCalendar(ZoneId.of("Europe/Berlin"), null, Set.of(DayOfWeek.SATURDAY),
                Lesson.germanDefault(), LocalTime.of(8, 0), LocalTime.of(16, 0), java.util.List.of(), null, java.util.List.of());
        DisplayPolicy policy = DisplayPolicy.schedule(Brightness.DIM);
        assertThat(policy.brightness(Light.GREEN, at("2025-11-29T09:00"), saturdays)).isEqualTo(Brightness.FULL);
        assertThat(policy.brightness(Light.GREEN, at("2025-11-25T09:00"), saturdays)).isEqualTo(Brightness.DIM);
        DisplayPolicy morning = DisplayPolicy.schedule(LocalTime.of(8, 0), LocalTime.of(12, 0), Brightness.DIM);
        assertThat(morning.brightness(Light.GREEN, at("2025-11-29T12:30"), saturdays)).isEqualTo(Brightness.DIM);
    }

    @ParameterizedTest
    @CsvSource({"always", "quiet", "schedule", "schedule dim", "schedule 07:30-16:00", "schedule 07:30-16:00 dim"})
    void theSettingReadsBackToTheSamePolicy(String setting) {
        DisplayPolicy p = DisplayPolicy.parse(setting);
        assertThat(DisplayPolicy.parse(p.setting())).isEqualTo(p);
    }
}
