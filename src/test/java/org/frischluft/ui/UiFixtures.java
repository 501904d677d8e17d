package org.frischluft.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.frischluft.model.Advice;
import org.frischluft.model.Assessment;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Light;
import org.frischluft.model.RoomId;
import org.frischluft.model.RoomSnapshot;
import org.frischluft.model.Sign;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.TestSchool;
import org.frischluft.model.Trend;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModels;

/** Rooms, snapshots and clocks shared by the UI tests and the screenshot renderer. */
public final class UiFixtures {
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Tuesday 25 Nov 2025, 10:42 in Berlin: inside school hours. */
    public static final Instant NOW = Instant.parse("2025-11-25T09:42:00Z");

    private UiFixtures() {
    }

    /** A clock that only moves when a test moves it. */
    public static final class MutableClock extends Clock {
        private Instant now;
        private final ZoneId zone;

        public MutableClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new MutableClock(now, z);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    public static MutableClock clock() {
        return new MutableClock(NOW, BERLIN);
    }

    /** A room of 180 m³ with 28 seats and no sensor. */
    public static Room room(String id, String name) {
        return TestSchool.room(id, name);
    }

    /** A school of 24 rooms on three floors, eight per floor. */
    public static SchoolModel school() {
        TestSchool school = TestSchool.site("demo", "Gesamtschule Am Stadtpark");
        String[] floors = {"Erdgeschoss", "1. Obergeschoss", "2. Obergeschoss"};
        String[][] names = {
            {"Raum 001", "Raum 002", "Raum 003", "Raum 004", "Musik", "Kunst", "Bibliothek", "Lehrerzimmer"},
            {"Raum 101", "Raum 102", "Raum 103", "Raum 104", "Raum 105", "Raum 106", "Chemie", "Physik"},
            {"Raum 201", "Raum 202", "Raum 203", "Raum 204", "Raum 205", "Raum 206", "Biologie", "Informatik"},
        };
        // listed top floor first, to show that the overview orders floors by floorOrder
        for (int f = floors.length - 1; f >= 0; f--) {
            for (int i = 0; i < names[f].length; i++) {
                school.room("r-" + f + "0" + (i + 1), names[f][i], floors[f], f);
            }
        }
        return school.model();
    }

    public static RoomViewModels viewModels(SchoolModel school, Messages messages, Clock clock) {
        return new RoomViewModels(school, messages, clock);
    }

    /** A snapshot with the given light and value, last reading {@code age} before {@code now}. */
    public static RoomSnapshot snapshot(RoomId room, double co2, Light light, Advice advice, Set<Sign> signs,
                                        Instant now, Duration age) {
        return snapshot(room, co2, light, advice, signs, now, age, null);
    }

    /** As above, with a colour change in direction {@code pending} waiting for its hold time (null for none). */
    public static RoomSnapshot snapshot(RoomId room, double co2, Light light, Advice advice, Set<Sign> signs,
                                        Instant now, Duration age, Trend pending) {
        return new RoomSnapshot(room, DeviceId.of("a84041000181c0de"), co2, 21.5, 42.0, 87.0, now.minus(age),
                new Assessment(light, now.minus(age), advice, signs, Duration.ofMinutes(2), pending));
    }

    public static RoomSnapshot snapshot(RoomId room, double co2, Light light, Instant now) {
        return snapshot(room, co2, light, null, Set.of(), now, Duration.ofMinutes(1));
    }

    /** The light the UBA profile gives a value (the tests' stand-in for the assessor). */
    public static Light uba(double co2) {
        return co2 > 2000 ? Light.RED : co2 >= 1000 ? Light.YELLOW : Light.GREEN;
    }

    /**
     * What a school's admin typically finds rejected in a morning: a CO2 sensor whose NDIR cell reports
     * 65535, a DIY light sending broken JSON, a LoRaWAN device without a configured model, an old TTN v2
     * forwarder. {@code total} counts more than are kept, as after a long run.
     */
    public static org.frischluft.model.RejectionSummary rejections(Instant now) {
        List<org.frischluft.model.RejectionSummary.Entry> recent = new ArrayList<>();
        String elsys = "v3/gs-lindenpark@ttn/devices/eui-a81758fffe0312ab/up";
        String netvox = "v3/gs-lindenpark@ttn/devices/eui-00137a1000012345/up";
        String ttnBody = "{\"end_device_ids\":{\"device_id\":\"eui-a81758fffe0312ab\",\"application_ids\":{\"application_id\":\"gs-lindenpark\"},\"dev_eui\":\"A81758FFFE0312AB\"},\"received_at\":\"2025-11-25T09:41:12Z\",\"uplink_message\":{...";
        for (int i = 0; i < 40; i++) {
            Instant t = now.minus(Duration.ofSeconds(20 + 97L * i));
            switch (i % 5) {
                case 0, 2 -> recent.add(new org.frischluft.model.RejectionSummary.Entry(t, elsys, "implausible-co2: 65535 ppm", ttnBody));
                case 1 -> recent.add(new org.frischluft.model.RejectionSummary.Entry(t, "sensors/Ampel_3", "malformed-json: Unexpected end-of-input: expected close marker for Object", "{\"co2\":1123,\"temp\":21.4,\"hum\""));
                case 3 -> recent.add(new org.frischluft.model.RejectionSummary.Entry(t, netvox, "no-decoder: fPort 6, 11 bytes and no model configured for 00137a1000012345", "{\"end_device_ids\":{\"device_id\":\"eui-00137a1000012345\",\"dev_eui\":\"00137A1000012345\"},\"uplink_message\":{\"f_port\":6,\"frm_payload\":\"AQUBAAAB..."));
                default -> recent.add(new org.frischluft.model.RejectionSummary.Entry(t, "ttn/gs-lindenpark/devices/lht-104/up", "unsupported-format: TTN v2 envelope (payload_fields); TTN v2 was shut down, use TTN v3", "{\"app_id\":\"gs-lindenpark\",\"dev_id\":\"lht-104\",\"payload_fields\":{\"co2\":822}}"));
            }
        }
        return new org.frischluft.model.RejectionSummary(1204,
                Map.of("implausible-co2", 842L, "malformed-json", 231L, "no-decoder", 89L, "unsupported-format", 42L), recent);
    }
}
