package org.frischluft.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frischluft.alert.Trace.MONDAY_8;

import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.frischluft.rooms.SchoolModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rule table: each rule with the case that fires and the cases that must not, and when it opens. */
class AlertRulesTest {
    private static final SchoolModel SCHOOL = Trace.school("r-101");
    private static final LocalDateTime SATURDAY_8 = MONDAY_8.plusDays(5);
    private static final LocalDateTime MONDAY_19 = MONDAY_8.plusHours(11);
    private static final LocalDateTime MONDAY_0 = MONDAY_8.minusHours(8);
    private static final LocalDateTime MONDAY_20 = MONDAY_8.plusHours(12);
    private static final LocalDateTime JUNE_MONDAY_20 = LocalDateTime.of(2026, 6, 1, 20, 0);

    static Stream<Arguments> rules() {
        return Stream.of(
                row("co2-high: 35 min above 2000 ppm in a lesson", "co2-high", MONDAY_8.plusMinutes(30),
                        () -> level(MONDAY_8, 35, 2150)),
                row("co2-high: 29 min above 2000 ppm", "co2-high", null, () -> level(MONDAY_8, 29, 2150)),
                row("co2-high: exactly 2000 ppm is not above", "co2-high", null, () -> level(MONDAY_8, 40, 2000)),
                row("co2-high: Saturday is no school time", "co2-high", null, () -> level(SATURDAY_8, 40, 2400)),
                row("co2-high: 19:00 is after school hours", "co2-high", null, () -> level(MONDAY_19, 40, 2400)),
                row("red-in-lesson: red 12 min of lesson 1", "red-in-lesson", MONDAY_8.plusMinutes(10),
                        () -> level(MONDAY_8, 12, 2300)),
                // the light holds red 2 minutes after the air got better: 7 minutes above are 9 minutes red
                row("red-in-lesson: red 9 min", "red-in-lesson", null, () -> level(MONDAY_8, 7, 2300)),
                row("red-in-lesson: yellow all lesson", "red-in-lesson", null, () -> level(MONDAY_8, 45, 1800)),
                row("red-in-lesson: red in the break only", "red-in-lesson", null,
                        () -> level(MONDAY_8.plusMinutes(45 + 5 + 45), 19, 2300)),
                row("battery-low: 15 % in school time", "battery-low", MONDAY_8,
                        () -> Trace.create().row("r-101", MONDAY_8, 700.0, 21.0, 15.0)),
                row("battery-low: 25 %", "battery-low", null,
                        () -> Trace.create().row("r-101", MONDAY_8, 700.0, 21.0, 25.0)),
                row("battery-low: 15 % on Saturday waits for school time", "battery-low", null,
                        () -> Trace.create().row("r-101", SATURDAY_8, 700.0, 21.0, 15.0)),
                row("drift: quiet-time minima at 550 ppm for a week", "drift", MONDAY_0.plusDays(5),
                        () -> nights(550)),
                row("drift: quiet-time minima at 330 ppm for a week", "drift", MONDAY_0.plusDays(5),
                        () -> nights(330)),
                row("drift: quiet-time minima at 420 ppm", "drift", null, () -> nights(420)),
                row("window-open: November night, 21 → 17.5 °C at minute 43 (the second reading more than 3 K down) at 450 ppm", "window-open",
                        MONDAY_20.plusMinutes(43), () -> cooling(MONDAY_20, 450)),
                row("window-open: the same in June (no heating)", "window-open", null, () -> cooling(JUNE_MONDAY_20, 450)),
                row("window-open: one odd reading 4 K down is no open window", "window-open", null, () -> Trace.create()
                        .co2("r-101", MONDAY_20, 30, m -> 450).row("r-101", MONDAY_20.plusMinutes(30), 450.0, 17.0, null)
                        .row("r-101", MONDAY_20.plusMinutes(31), 450.0, 21.0, null)),
                row("window-open: CO2 800 ppm (people in the room)", "window-open", null, () -> cooling(MONDAY_20, 800)),
                row("window-open: in school time (airing in a break)", "window-open", null, () -> cooling(MONDAY_8, 450)));
    }

    private static Arguments row(String name, String rule, LocalDateTime opens, Supplier<Trace> trace) {
        return Arguments.of(name, rule, opens, trace);
    }

    /** CO2 at {@code ppm} for {@code minutes}, then 1500 ppm for 10 minutes. */
    private static Trace level(LocalDateTime from, int minutes, double ppm) {
        return Trace.create().co2("r-101", from, minutes, m -> ppm).co2("r-101", from.plusMinutes(minutes), 10, m -> 1500);
    }

    /** Eight days from Monday 0:00, every 30 min: {@code night} ppm from 0 to 6 h, 800 ppm else. */
    private static Trace nights(double night) {
        return Trace.create().co2("r-101", MONDAY_0, 8 * 24 * 60, 30, m -> (m % (24 * 60)) < 6 * 60 ? night : 800);
    }

    /** 30 min at 21 °C, then 0.25 K a minute colder for 16 minutes, CO2 at {@code co2}. */
    private static Trace cooling(LocalDateTime from, double co2) {
        Trace t = Trace.create();
        for (int m = 0; m < 46; m++) t.row("r-101", from.plusMinutes(m), co2, m < 30 ? 21.0 : 21.0 - 0.25 * (m - 30 + 1), null);
        return t;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleOpensWhenAndOnlyWhenItsConditionHolds(String name, String rule, LocalDateTime opens, Supplier<Trace> trace) {
        List<String> opened = trace.get().replay(SCHOOL).stream().filter(l -> l.endsWith("," + rule + ",opened")).toList();
        if (opens == null) assertThat(opened).isEmpty();
        else assertThat(opened).containsExactly(Trace.line(opens, "r-101", rule, "opened"));
    }
}
