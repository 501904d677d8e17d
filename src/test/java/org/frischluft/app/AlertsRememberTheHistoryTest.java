package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.alert.Alert;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.frischluft.model.SensorModel;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.TestSchool;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules start from the history (a real H2 file): a sensor that went silent before the restart gets its
 * {@code sensor-silent} alert from the new process, though it never reports to it.
 */
class AlertsRememberTheHistoryTest {
    private static final Instant MONDAY_8 = LocalDateTime.of(2026, 11, 2, 8, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant();

    @TempDir
    Path dir;

    @Test
    void aSensorSilentBeforeTheRestartIsAlertedByTheNextProcess() throws Exception {
        SchoolModel model = TestSchool.site("s", "Schule").room("r-101", "Raum 101", "EG", 0)
                .sensor("a81758fffe05a3c1", SensorModel.ELSYS_ERS_CO2, null).model();
        DeviceId device = DeviceId.of("a81758fffe05a3c1");
        StoreOptions options = StoreOptions.of("jdbc:h2:file:" + dir.resolve("history").toAbsolutePath());
        // the first process: an hour of readings every 5 minutes, then it stops (and so does the sensor)
        try (Store store = Store.open(options, Clock.fixed(MONDAY_8, ZoneOffset.UTC))) {
            store.assign(device, RoomId.of("r-101"), MONDAY_8.minus(Duration.ofDays(1)));
            List<Reading> hour = new ArrayList<>();
            for (int m = 0; m <= 60; m += 5) hour.add(Reading.of(device, MONDAY_8.plusSeconds(60L * m), 800.0, 21.0, 40.0));
            store.writer().submitAll(hour);
            store.writer().flush(Duration.ofSeconds(10));
        }
        // the next process starts 10 minutes later and hears nothing from the sensor for two hours
        Instant restart = MONDAY_8.plusSeconds(70 * 60);
        try (Store store = Store.open(options, Clock.fixed(restart, ZoneOffset.UTC));
             AlertWiring alerts = AlertWiring.start(null, model, store, List.of(), Clock.fixed(restart, ZoneOffset.UTC))) {
            assertThat(alerts.awaitHistory(Duration.ofSeconds(30))).as("history read").isTrue();
            for (int minute = 0; minute <= 120; minute++) alerts.stage().tick(restart.plusSeconds(60L * minute));
            List<Alert> open = alerts.service().board().unresolved();
            assertThat(open).extracting(a -> a.rule().id() + " " + a.room()).containsExactly("sensor-silent r-101");
            assertThat(open.get(0).since()).isEqualTo(MONDAY_8.plusSeconds(3600));
        }
    }
}
