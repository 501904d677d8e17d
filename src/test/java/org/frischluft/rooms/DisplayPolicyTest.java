package org.frischluft.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;
import org.frischluft.model.Light;
import org.frischluft.ui.UiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayPolicyTest {
    /** Local time in Berlin from a fixed clock, e.g. "2025-11-25T10:42" (a Tuesday). */
    private static ZonedDateTime at(String local) {
        Clock clock = Clock.fixed(java.time.LocalDateTime.parse(local).atZone(UiFixtures.BERLIN).toInstant(), UiFixtures.BERLIN);
        return ZonedDateTime.now(clock);
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
        // schedule: Mon-Fri 07:00-17:00 by default, blank outside; red stays lit (people are in the room)
        "schedule,                 GREEN,  2025-11-25T10:42, FULL",
        "schedule,                 GREEN,  2025-11-25T06:59, BLANK",
        "schedule,                 GREEN,  2025-11-25T07:00, FULL",
        "schedule,                 GREEN,  2025-11-25T17:00, BLANK",
        "schedule,                 YELLOW, 2025-11-29T11:00, BLANK",
        "schedule,                 RED,    2025-11-29T11:00, FULL",
        "schedule,                 GREY,   2025-11-30T23:00, BLANK",
        "schedule 07:30-16:00 dim, GREEN,  2025-11-25T07:15, DIM",
        "schedule 07:30-16:00 dim, GREEN,  2025-11-25T15:59, FULL",
        "schedule 7:30-16:00 dim,  GREEN,  2025-11-25T16:00, DIM"})
    void brightnessFollowsPolicyLightAndTime(String policy, Light light, String local, Brightness expected) {
        assertThat(DisplayPolicy.parse(policy).brightness(light, at(local))).isEqualTo(expected);
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
    void customSchoolDaysAreHonoured() {
        DisplayPolicy saturdaySchool = DisplayPolicy.schedule(Set.of(DayOfWeek.SATURDAY), LocalTime.of(8, 0), LocalTime.of(12, 0), Brightness.DIM);
        assertThat(saturdaySchool.brightness(Light.GREEN, at("2025-11-29T09:00"))).isEqualTo(Brightness.FULL);
        assertThat(saturdaySchool.brightness(Light.GREEN, at("2025-11-25T09:00"))).isEqualTo(Brightness.DIM);
    }
}
