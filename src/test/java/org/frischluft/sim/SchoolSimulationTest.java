package org.frischluft.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.sim.RoomState.Window;
import org.junit.jupiter.api.Test;

class SchoolSimulationTest {
    private static final SchoolModel SCHOOL = DemoSchool.model();
    private static final Instant MONDAY_0730 = berlin("2026-11-23T07:30");

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(SchoolSimulation.DEFAULT_ZONE).toInstant();
    }

    @Test
    void occupiedClosedRoomRisesTowardsTheMassBalanceSteadyState() {
        double lambda = 0.3;
        RoomAir air = new RoomAir(200, new double[] {lambda, 1.5, 10}, 420, 21, 7);
        double expectedSteady = 420 + 0.018 * 28 / (lambda * 200) * 1e6; // C_out + G·n/(λV)·1e6

        // first 45 minutes against a fine explicit Euler integration of dC/dt = G·n/V·1e6 + λ(C_out − C)
        double euler = 420;
        for (int s = 0; s < 45 * 60; s++) {
            euler += (0.018 * 28 / 200 * 1e6 + lambda * (420 - euler)) / 3600.0;
        }
        for (int i = 0; i < 45 * 6; i++) air.advance(10, 28, Window.CLOSED, false, 4, 21);
        assertThat(air.co2).isCloseTo(euler, within(euler * 0.002)).isBetween(2000.0, 2250.0);

        for (int i = 0; i < 40 * 360; i++) air.advance(10, 28, Window.CLOSED, false, 4, 21);
        assertThat(air.co2).isCloseTo(expectedSteady, within(expectedSteady * 0.001));
        assertThat(SchoolSimulation.steadyStatePpm(28, 200, lambda)).isCloseTo(expectedSteady, within(1e-6));
    }

    @Test
    void airedEmptyRoomDecaysWithTimeConstantOneOverLambda() {
        double lambda = 10;
        RoomAir air = new RoomAir(200, new double[] {0.3, 1.5, lambda}, 2420, 21, 7);
        int ticks = (int) Math.round(3600 / lambda / 10); // 1/λ hours = 6 minutes
        for (int i = 0; i < ticks; i++) air.advance(10, 0, Window.OPEN, false, 4, 21);
        assertThat(air.co2 - 420).isCloseTo(2000 / Math.E, within(2000 / Math.E * 0.01));
        for (int i = 0; i < 2 * ticks; i++) air.advance(10, 0, Window.OPEN, false, 4, 21);
        assertThat(air.co2 - 420).isCloseTo(2000 * Math.exp(-3), within(2000 * Math.exp(-3) * 0.01));
    }

    @Test
    void wideOpenWindowsInWinterCoolTheRoomAndItRecoversAfterClosing() {
        RoomAir air = new RoomAir(200, new double[] {0.3, 1.5, 10}, 1500, 21, 7);
        for (int i = 0; i < 30; i++) air.advance(10, 28, Window.OPEN, false, 2, 21); // 5 minutes
        double aired = air.temperature;
        assertThat(aired).isLessThan(20.0);
        for (int i = 0; i < 90; i++) air.advance(10, 28, Window.CLOSED, false, 2, 21); // 15 minutes
        assertThat(air.temperature).isGreaterThan(aired + 0.5 * (21 - aired));
    }

    @Test
    void peopleRaiseHumidityInAClosedRoom() {
        RoomAir air = new RoomAir(200, new double[] {0.3, 1.5, 10}, 420, 21, 6);
        double before = air.humidityPct();
        for (int i = 0; i < 270; i++) air.advance(10, 28, Window.CLOSED, false, 4, 21);
        assertThat(air.humidityPct()).isGreaterThan(before + 10).isLessThan(70);
    }

    @Test
    void emptySchoolOnASundaySettlesNearOutdoorAir() {
        SchoolSimulation sim = SchoolSimulation.of(SCHOOL, 1, berlin("2026-11-29T12:00"));
        for (RoomState s : sim.states()) {
            assertThat(s.co2Ppm()).as(s.room().value()).isBetween(420.0, 445.0);
            assertThat(s.occupants()).isZero();
            assertThat(s.window()).isEqualTo(Window.CLOSED);
        }
    }

    @Test
    void schoolDayHasRedRoomsGreenRoomsEmptyRoomsAndAiring() {
        SchoolSimulation sim = SchoolSimulation.of(SCHOOL, 1, MONDAY_0730);
        int n = sim.size();
        double[] max = new double[n];
        boolean[] aired = new boolean[n];
        boolean emptyClassroomInALesson = false;
        for (Instant t = MONDAY_0730; t.isBefore(berlin("2026-11-23T13:20")); t = t.plusSeconds(60)) {
            sim.step(t);
            Timetable.Slot slot = sim.timetable().at(LocalDateTime.ofInstant(t, SchoolSimulation.DEFAULT_ZONE));
            for (int i = 0; i < n; i++) {
                RoomState s = sim.state(i);
                max[i] = Math.max(max[i], s.co2Ppm());
                aired[i] |= s.airing();
                if (slot.kind() == Timetable.Kind.LESSON && s.occupants() == 0 && sim.rooms().get(i).seats() < 40) {
                    emptyClassroomInALesson = true;
                }
            }
        }
        long red = java.util.Arrays.stream(max).filter(m -> m > 2000).count();
        long neverYellow = java.util.Arrays.stream(max).filter(m -> m < 1000).count();
        long airedRooms = 0;
        for (boolean a : aired) if (a) airedRooms++;
        assertThat(red).as("rooms above 2000 ppm").isBetween(2L, n / 2L);
        assertThat(airedRooms).as("rooms aired at least once").isGreaterThan(n / 3L);
        assertThat(emptyClassroomInALesson).isTrue();
        assertThat(java.util.Arrays.stream(max).filter(m -> m > 1000 && m < 2000).count()).isPositive();
        assertThat(neverYellow + red).isLessThan(n);
    }

    @Test
    void lightChangesWithinALessonWhenADiligentTeacherAirs() {
        SchoolSimulation sim = SchoolSimulation.of(SCHOOL, 1, MONDAY_0730);
        int n = sim.size();
        boolean[] wasYellow = new boolean[n];
        boolean backToGreenInLesson = false;
        for (Instant t = berlin("2026-11-23T08:00"); t.isBefore(berlin("2026-11-23T11:30")); t = t.plusSeconds(30)) {
            sim.step(t);
            boolean lesson = sim.timetable().at(LocalDateTime.ofInstant(t, SchoolSimulation.DEFAULT_ZONE)).kind()
                    == Timetable.Kind.LESSON;
            for (int i = 0; i < n; i++) {
                RoomState s = sim.state(i);
                if (!lesson) {
                    wasYellow[i] = false;
                } else if (s.co2Ppm() >= 1000) {
                    wasYellow[i] = true;
                } else if (wasYellow[i] && s.airing()) {
                    backToGreenInLesson = true;
                }
            }
        }
        assertThat(backToGreenInLesson).isTrue();
    }

    @Test
    void sameSeedAndStartGiveTheSameSchoolWhateverTheStepPattern() {
        SchoolSimulation fine = SchoolSimulation.of(SCHOOL, 42, MONDAY_0730);
        SchoolSimulation coarse = SchoolSimulation.of(SCHOOL, 42, MONDAY_0730);
        Instant end = berlin("2026-11-23T12:07:13");
        for (Instant t = MONDAY_0730; !t.isAfter(end); t = t.plusSeconds(10)) fine.step(t);
        coarse.step(berlin("2026-11-23T10:00"));
        coarse.step(end);
        assertThat(coarse.time()).isEqualTo(fine.time());
        assertThat(coarse.states()).isEqualTo(fine.states());
        List<SensorReading> a = new ArrayList<>();
        List<SensorReading> b = new ArrayList<>();
        for (int i = 0; i < fine.size(); i++) {
            a.add(fine.measure(i));
            b.add(coarse.measure(i));
        }
        assertThat(b).isEqualTo(a);

        SchoolSimulation other = SchoolSimulation.of(SCHOOL, 43, MONDAY_0730);
        other.step(end);
        assertThat(other.states()).isNotEqualTo(fine.states());
    }

    @Test
    void sensorReadsWholePpmWithinThirtyPpmPlusThreePercent() {
        SchoolSimulation sim = SchoolSimulation.of(SCHOOL, 3, MONDAY_0730);
        double worst = 0;
        for (Instant t = MONDAY_0730; t.isBefore(MONDAY_0730.plus(Duration.ofHours(5))); t = t.plusSeconds(120)) {
            sim.step(t);
            for (int i = 0; i < sim.size(); i++) {
                double truth = sim.state(i).co2Ppm();
                SensorReading r = sim.measure(i);
                double err = Math.abs(r.co2Ppm() - truth);
                assertThat(err).isLessThanOrEqualTo(30 + 0.03 * truth + 0.5);
                worst = Math.max(worst, err / (30 + 0.03 * truth));
                assertThat(r.temperatureC()).isBetween(15.0, 25.0);
                assertThat(r.humidityPct()).isBetween(15.0, 70.0);
                assertThat(r.vddMv()).isBetween(2800, 3700);
            }
        }
        assertThat(worst).as("noise is not zero").isGreaterThan(0.2);
    }

    @Test
    void habitsAreDealtWithAtLeastOneNeglectfulRoom() {
        assertThat(SchoolSimulation.dealHabits(27, 5)).contains(SchoolSimulation.Habit.NEGLECTFUL,
                SchoolSimulation.Habit.DILIGENT, SchoolSimulation.Habit.REACTIVE, SchoolSimulation.Habit.TILTER);
        assertThat(SchoolSimulation.dealHabits(3, 5)).contains(SchoolSimulation.Habit.NEGLECTFUL);
    }
}
