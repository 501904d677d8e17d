package org.frischluft.assess;

import org.frischluft.rooms.Profile;
import org.frischluft.rooms.Profiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.frischluft.model.Advice;
import org.frischluft.model.Light;
import org.frischluft.model.Reading;
import org.junit.jupiter.api.Test;

/** The rules over the trace files in {@code src/test/resources/traces/} (written by {@link TraceGenerator}). */
class ReplayedTracesTest {

    private static int lightChanges(List<TraceFile.Step> steps) {
        int changes = 0;
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).assessment().light() != steps.get(i - 1).assessment().light()) changes++;
        }
        return changes;
    }

    @Test
    void noisyTraceAround1000PpmDoesNotFlap() {
        assertThat(lightChanges(TraceFile.replay("noisy-1000.csv", Profiles.UBA))).isLessThanOrEqualTo(1);
        assertThat(lightChanges(TraceFile.replay("noisy-1000.csv", Profiles.byId("uba+blue")))).isLessThanOrEqualTo(1);
        // the same trace through a bare threshold flaps: the trace is a real test of the damping
        Profile bare = Profiles.UBA.withDamping(0, Duration.ZERO, Duration.ZERO, 10);
        assertThat(lightChanges(TraceFile.replay("noisy-1000.csv", bare))).isGreaterThan(20);
    }

    @Test
    void noisyTraceAt5MinuteUplinksNeedsASecondAgreeingReadingNotJustSilence() {
        List<Reading> day = TraceFile.read("noisy-1000-5min.csv");
        int next = HoldRuleMeasurement.changes(HoldRuleMeasurement.replay(day, Profiles.UBA, LightMachine.HoldRule.NEXT_READING));
        int silence = HoldRuleMeasurement.changes(HoldRuleMeasurement.replay(day, Profiles.UBA, LightMachine.HoldRule.SILENCE));
        assertThat(next).isLessThanOrEqualTo(1);
        assertThat(silence).isGreaterThanOrEqualTo(8);
        assertThat(lightChanges(TraceFile.replay("noisy-1000-5min.csv", Profiles.UBA))).isEqualTo(next);
        assertThat(HoldRuleMeasurement.changes(HoldRuleMeasurement.replay(day, HoldRuleMeasurement.BARE,
                LightMachine.HoldRule.NEXT_READING))).isGreaterThan(30);
    }

    @Test
    void sensorThatGoesSilentTurnsGreyAtThreeLearntIntervalsNotAfterAFixedQuarterHour() {
        List<Reading> readings = TraceFile.read("silent-sensor.csv");
        RoomAssessor a = new RoomAssessor(Profiles.UBA);
        Instant last = null;
        for (Reading r : readings) {
            if (r.time().isAfter(Instant.parse("2025-01-13T08:30:00Z"))) break;
            a.add(r);
            last = r.time();
        }
        assertThat(a.expectedInterval()).isEqualTo(Duration.ofMinutes(2));
        Instant expectedGrey = last.plus(Duration.ofMinutes(2).multipliedBy(13).dividedBy(4));
        for (Instant t = last; t.isBefore(expectedGrey); t = t.plusSeconds(30)) {
            assertThat(a.assess(t).light()).as("at %s", t).isEqualTo(Light.GREEN);
        }
        assertThat(a.assess(expectedGrey).light()).isEqualTo(Light.GREY);
        assertThat(a.assess(last.plus(Duration.ofMinutes(15))).since()).isEqualTo(expectedGrey);
    }

    @Test
    void airingDecaySaysCloseInThenCloseNow() {
        List<TraceFile.Step> steps = TraceFile.replay("airing-warm.csv", Profiles.UBA);
        List<Advice.Kind> kinds = steps.stream().map(s -> s.assessment().advice()).filter(Objects::nonNull)
                .map(Advice::kind).filter(k -> k == Advice.Kind.CLOSE_IN || k == Advice.Kind.CLOSE_NOW).toList();
        assertThat(kinds).contains(Advice.Kind.CLOSE_IN, Advice.Kind.CLOSE_NOW);
        assertThat(kinds.indexOf(Advice.Kind.CLOSE_IN)).isLessThan(kinds.indexOf(Advice.Kind.CLOSE_NOW));
        assertThat(kinds.lastIndexOf(Advice.Kind.CLOSE_IN)).isLessThan(kinds.indexOf(Advice.Kind.CLOSE_NOW));
        // the windows opened at 08:35; a warm room is aired until CO2 is near its floor, some 9 minutes
        Instant closeNow = firstCloseNow(steps);
        assertThat(Duration.between(Instant.parse("2025-01-13T08:35:00Z"), closeNow)).isBetween(
                Duration.ofMinutes(7), Duration.ofMinutes(13));
    }

    @Test
    void coldAiringSaysCloseEarlierWithinFiveMinutes() {
        Instant opened = Instant.parse("2025-01-13T08:35:00Z");
        Instant warm = firstCloseNow(TraceFile.replay("airing-warm.csv", Profiles.UBA));
        Instant cold = firstCloseNow(TraceFile.replay("airing-cold.csv", Profiles.UBA));
        assertThat(cold).isBefore(warm);
        assertThat(Duration.between(opened, cold)).isLessThanOrEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void risingCo2BeforeTheAiringForecastsYellowThenRed() {
        List<TraceFile.Step> steps = TraceFile.replay("airing-warm.csv", Profiles.UBA);
        assertThat(steps).anyMatch(s -> s.assessment().advice() != null
                && s.assessment().advice().kind() == Advice.Kind.YELLOW_SOON && s.assessment().light() == Light.GREEN);
        assertThat(steps).anyMatch(s -> s.assessment().advice() != null
                && s.assessment().advice().kind() == Advice.Kind.RED_SOON && s.assessment().light() == Light.YELLOW);
    }

    @Test
    void theCoachNeverChangesTheColour() {
        for (String trace : List.of("airing-warm.csv", "airing-cold.csv", "noisy-1000.csv", "silent-sensor.csv")) {
            RoomAssessor with = new RoomAssessor(Profiles.UBA);
            RoomAssessor without = new RoomAssessor(Profiles.UBA, AssessorOptions.defaults().withCoach(false));
            for (Reading r : TraceFile.read(trace)) {
                with.add(r);
                without.add(r);
                assertThat(with.assess(r.time()).light()).isEqualTo(without.assess(r.time()).light());
                assertThat(without.assess(r.time()).advice()).isNull();
            }
        }
    }

    private static Instant firstCloseNow(List<TraceFile.Step> steps) {
        return steps.stream().filter(s -> s.assessment().advice() != null
                && s.assessment().advice().kind() == Advice.Kind.CLOSE_NOW).findFirst().orElseThrow().time();
    }
}
