package org.frischluft.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default a newcomer runs: an in-process MQTT broker, the simulated school publishing to it, and
 * the sped-up school-day clock that simulator, assessment and screens share (so ages and staleness live in one
 * day). The app connects to {@link #brokerUrl()} like to any broker, then calls {@link #startSimulation()}.
 */
public final class Demo implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    /** The demo shows the middle of the second lesson, so red, yellow and green rooms are seen at once. */
    static final LocalTime SHOWN_FROM = LocalTime.of(9, 20);

    private final EmbeddedBroker broker;
    private final SimulatedSchool simulation;
    private final ScaledClock clock;

    private Demo(EmbeddedBroker broker, SimulatedSchool simulation, ScaledClock clock) {
        this.broker = broker;
        this.simulation = simulation;
        this.clock = clock;
    }

    /**
     * Starts the broker and prepares the simulation of {@code school} (at least {@code rooms} rooms).
     *
     * @param speedup  how much faster than real time the school day runs
     * @param interval simulated time between two uplinks of one sensor
     */
    public static Demo start(SchoolModel school, int rooms, double speedup, Duration interval, Clock wall) throws Exception {
        Objects.requireNonNull(school, "school");
        SchoolCalendar calendar = SchoolSimulation.calendarOf(school);
        ScaledClock clock = new ScaledClock(wall.withZone(calendar.zone()),
                morning(LocalDate.now(wall.withZone(calendar.zone())), calendar), speedup);
        EmbeddedBroker broker = EmbeddedBroker.start();
        int count = Math.max(rooms, school.rooms().size());
        // the simulator runs on the sped-up clock itself, so its own speed-up is 1
        SimulatedSchool sim = new SimulatedSchool(school, broker.url(), new SimOptions(count, interval, 1.0, 42L), clock);
        LOG.info("demo: embedded MQTT broker at {}, {} rooms, school day at {}x speed", broker.url(), count, speedup);
        return new Demo(broker, sim, clock);
    }

    /**
     * When the demo's day starts: the latest school day of the calendar up to {@code today} (no weekend, holiday
     * or public holiday) at 09:20, in the middle of the second lesson; the simulator warms up from the morning.
     */
    public static Instant morning(LocalDate today, SchoolCalendar calendar) {
        return calendar.at(calendar.schoolDayOnOrBefore(today), SHOWN_FROM);
    }

    public Clock clock() {
        return clock;
    }

    public String brokerUrl() {
        return broker.url();
    }

    /** Starts publishing (connects to the embedded broker). */
    public void startSimulation() throws java.io.IOException {
        simulation.start();
    }

    /** Stops the simulator, then the broker. */
    @Override
    public void close() {
        simulation.close();
        broker.close();
    }
}
