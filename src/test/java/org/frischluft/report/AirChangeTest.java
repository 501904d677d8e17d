package org.frischluft.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCalendar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** λ estimates on simulated rooms with known air change: a school week of the German default bell schedule. */
class AirChangeTest {
    static final SchoolCalendar CAL = SchoolCalendar.germanDefault();
    static final LocalDate MON = LocalDate.of(2026, 11, 2);
    static final LocalDate FRI = MON.plusDays(4);

    static Room room(double volume, int seats) {
        return Room.of(RoomId.of("r-sim"), "Sim", volume, seats, List.of());
    }

    @ParameterizedTest(name = "closed {0}/h, aired {1}/h, reading every {2} min")
    @CsvSource({
        "0.15, 3,  1", "0.3, 6,  1", "0.6, 10, 1", "1.0, 4, 1",
        "0.15, 3,  5", "0.3, 6,  5", "0.6, 10, 5",
    })
    void estimatesTheKnownAirChangeOfASimulatedRoom(double closed, double aired, int interval) {
        double worstClosed = 0, worstAired = 0;
        for (long seed = 1; seed <= 5; seed++) {
            SimulatedWeek sim = new SimulatedWeek(180, 28, closed, aired, interval, seed);
            AirChange.Estimate e = AirChange.estimate(CAL, room(180, 28), sim.co2(CAL, MON, FRI), MON, FRI, 420);
            assertThat(e.closedEvents()).isGreaterThanOrEqualTo(4);
            assertThat(e.airedEvents()).isGreaterThanOrEqualTo(10);
            worstClosed = Math.max(worstClosed, Math.abs(e.closedPerH() / closed - 1));
            worstAired = Math.max(worstAired, Math.abs(e.airedPerH() / aired - 1));
            assertThat(e.closedLow()).isLessThanOrEqualTo(e.closedPerH());
            assertThat(e.closedHigh()).isGreaterThanOrEqualTo(e.closedPerH());
        }
        System.out.printf("air change: closed %.2f/h aired %.1f/h every %d min: worst error closed %.1f %%, aired %.1f %%%n",
                closed, aired, interval, 100 * worstClosed, 100 * worstAired);
        assertThat(worstClosed).isLessThan(0.10);
        assertThat(worstAired).isLessThan(0.15);
    }

    /** Where the world differs from the fit's assumptions: outdoor air at 460 ppm (the fit takes 420), pupils in breaks. */
    @ParameterizedTest(name = "outdoor {0} ppm, {1} pupils stay in breaks, reading every {2} min")
    @CsvSource({"460, 0, 5", "420, 6, 5", "460, 6, 1"})
    void staysWithinFifteenPercentWhereTheRoomBreaksTheAssumptions(double outdoor, int inBreaks, int interval) {
        double worstClosed = 0, worstAired = 0;
        for (long seed = 1; seed <= 5; seed++) {
            SimulatedWeek sim = new SimulatedWeek(180, 28, 0.3, 6, interval, seed, outdoor, inBreaks);
            AirChange.Estimate e = AirChange.estimate(CAL, room(180, 28), sim.co2(CAL, MON, FRI), MON, FRI, 420);
            worstClosed = Math.max(worstClosed, Math.abs(e.closedPerH() / 0.3 - 1));
            worstAired = Math.max(worstAired, Math.abs(e.airedPerH() / 6 - 1));
        }
        System.out.printf("air change (assumptions broken): outdoor %.0f, %d in breaks, every %d min: worst error closed %.1f %%, aired %.1f %%%n",
                outdoor, inBreaks, interval, 100 * worstClosed, 100 * worstAired);
        assertThat(worstClosed).isLessThan(0.15);
        assertThat(worstAired).isLessThan(0.15);
    }

    @Test
    void aRoomWhoseWindowsCannotAirItEnoughRanksFirst() {
        Room small = Room.of(RoomId.of("r-small"), "Klein", 120, 30, List.of());
        Room big = Room.of(RoomId.of("r-big"), "Groß", 250, 20, List.of());
        AirChange.Estimate tight = AirChange.estimate(CAL, small,
                new SimulatedWeek(120, 30, 0.15, 2, 1, 7).co2(CAL, MON, FRI), MON, FRI, 420);
        AirChange.Estimate airy = AirChange.estimate(CAL, big,
                new SimulatedWeek(250, 20, 0.8, 10, 1, 8).co2(CAL, MON, FRI), MON, FRI, 420);
        List<AirChange.Estimate> ranked = AirChange.ranked(List.of(airy, tight));
        assertThat(ranked).extracting(AirChange.Estimate::room).containsExactly(RoomId.of("r-small"), RoomId.of("r-big"));
        assertThat(tight.enough()).isFalse();
        assertThat(tight.predictedMeanPpm()).isGreaterThan(1500);
        assertThat(airy.enough()).isTrue();
    }

    @Test
    void aRoomWithoutDecaysHasNoEstimateAndRanksLast() throws Exception {
        AirChange.Estimate none = AirChange.estimate(CAL, room(180, 28), Series.raw().at("2026-11-02T07:00:00Z", 800).build(),
                MON, FRI, 420);
        assertThat(none.known()).isFalse();
        assertThat(none.events()).isZero();
        StringBuilder out = new StringBuilder();
        AirChange.csvRow(none, out);
        assertThat(out.toString()).isEqualTo("r-sim,,,,,0\n");
    }

    @Test
    void theModelOfThePredictedMeanMatchesTheSteadyStateWithoutAiring() {
        // windows never open: aired = closed, and a closed room tends to C_out + G/(λV): 28·0.018/(180·0.5)·1e6 = 5600 ppm
        double mean = AirChange.predictedLessonMean(CAL, room(180, 28), 0.5, 0.5, 420);
        assertThat(mean).isBetween(1500.0, 6020.0);
        double aired = AirChange.predictedLessonMean(CAL, room(180, 28), 0.5, 8, 420);
        assertThat(aired).isLessThan(mean);
    }
}
