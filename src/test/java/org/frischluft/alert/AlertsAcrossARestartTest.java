package org.frischluft.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.SchoolModel;
import org.junit.jupiter.api.Test;

/**
 * A restart must not hide a sensor that went silent before it (a power cut at night, the school server rebooted):
 * the rooms' last readings from the history teach the rules when each was last heard — and nothing else fires on them.
 */
class AlertsAcrossARestartTest {
    private static final RoomId R101 = RoomId.of("r-101");
    private static final RoomId R102 = RoomId.of("r-102");
    private final SchoolModel school = Trace.school("r-101", "r-102");
    private final Instant t0 = Trace.at(Trace.MONDAY_8);

    private static Reading co2(String device, Instant t, double ppm) {
        return Reading.of(DeviceId.of(device), t, ppm, null, null);
    }

    @Test
    void aSensorSilentSinceBeforeTheRestartStillGetsItsAlertAndTheOtherRoomNone() {
        List<AlertEvent> events = new ArrayList<>();
        AlertEngine engine = new AlertEngine(AlertConfig.standard(), school, List.of(), 0, events::add);
        // before the restart: both rooms reported every 5 minutes for an hour, r-101 above 2000 ppm all along
        List<Reading> r101 = new ArrayList<>();
        List<Reading> r102 = new ArrayList<>();
        for (int m = 0; m <= 60; m += 5) {
            r101.add(co2("d-r-101", t0.plusSeconds(60L * m), 2300));
            r102.add(co2("d-r-102", t0.plusSeconds(60L * m), 700));
        }
        r101.forEach(r -> engine.remember(R101, r));
        r102.forEach(r -> engine.remember(R102, r));
        // the app starts again 5 minutes after the last reading; r-102 goes on reporting, r-101 stays silent
        Instant restart = t0.plusSeconds(65 * 60);
        for (int minute = 0; minute <= 120; minute++) {
            Instant t = restart.plusSeconds(60L * minute);
            if (minute % 5 == 0) engine.onReading(R102, co2("d-r-102", t, 700));
            engine.tick(t);
        }

        assertThat(events).as("remembered readings above 2000 ppm open no co2-high: that was alerted before the restart")
                .noneMatch(e -> e.alert().rule() == Rule.CO2_HIGH);
        assertThat(events).extracting(e -> e.kind() + " " + e.alert().rule().id() + " " + e.alert().room())
                .containsExactly("OPENED sensor-silent r-101");
        assertThat(events.get(0).alert().since()).as("silent since its last reading before the restart")
                .isEqualTo(t0.plusSeconds(3600));
    }

    @Test
    void withoutTheHistoryTheSameRestartMissesTheSilentSensor() {
        // the case the remembered readings are for: a room the rules never heard of cannot fall silent
        List<AlertEvent> events = new ArrayList<>();
        AlertEngine engine = new AlertEngine(AlertConfig.standard(), school, List.of(), 0, events::add);
        Instant restart = t0.plusSeconds(65 * 60);
        for (int minute = 0; minute <= 120; minute++) {
            Instant t = restart.plusSeconds(60L * minute);
            if (minute % 5 == 0) engine.onReading(R102, co2("d-r-102", t, 700));
            engine.tick(t);
        }
        assertThat(events).isEmpty();
    }
}
