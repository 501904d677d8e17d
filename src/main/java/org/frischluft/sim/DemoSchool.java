package org.frischluft.sim;

import java.util.ArrayList;
import java.util.List;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.RoomConfig;
import org.frischluft.rooms.SchoolConfig;
import org.frischluft.rooms.SensorConfig;

/**
 * The demo school every newcomer sees first: "Gesamtschule am Lindenpark", 27 rooms on three floors, one CO2
 * sensor per room (mostly Elsys ERS CO2, three Milesight AM319). The same list is committed as
 * {@code kiosk-config/demo-school.json}; a test keeps the two equal.
 */
public final class DemoSchool {
    /** Sensor model ids as used in {@link SensorConfig#model()}. */
    public static final String ELSYS_ERS_CO2 = "elsys-ers-co2";
    public static final String MILESIGHT_AM319 = "milesight-am319";

    private static final String ELSYS_OUI = "a81758fffe";
    private static final String MILESIGHT_PREFIX = "24e124";

    private DemoSchool() {
    }

    /** The demo school's configuration; a new equal instance on every call. */
    public static SchoolConfig config() {
        List<RoomConfig> rooms = new ArrayList<>();
        List<SensorConfig> sensors = new ArrayList<>();
        Builder b = new Builder(rooms, sensors);

        b.room("r-001", "R 001 — 5a", "EG", 0, 182, 27, null);
        b.room("r-002", "R 002 — 5b", "EG", 0, 176, 28, null);
        b.room("r-003", "R 003 — 5c", "EG", 0, 188, 26, null);
        b.room("r-004", "R 004 — 6a", "EG", 0, 194, 29, null);
        b.room("r-005", "R 005 — 6b", "EG", 0, 171, 27, null);
        b.room("r-006", "R 006 — 6c", "EG", 0, 203, 28, null);
        b.room("r-010", "R 010 — Musik", "EG", 0, 268, 30, null);
        b.room("r-012", "R 012 — Kunst", "EG", 0, 245, 26, "24e124126b41a2c7");
        b.room("r-aula", "Aula / Mensa", "EG", 0, 1_450, 180, null);

        b.room("r-101", "R 101 — 7a", "1. OG", 1, 198, 28, null);
        b.room("r-102", "R 102 — 7b", "1. OG", 1, 186, 29, null);
        b.room("r-103", "R 103 — 7c", "1. OG", 1, 205, 27, null);
        b.room("r-104", "R 104 — 8a", "1. OG", 1, 214, 30, null);
        b.room("r-105", "R 105 — 8b", "1. OG", 1, 152, 28, null);
        b.room("r-106", "R 106 — 8c", "1. OG", 1, 190, 26, null);
        b.room("r-110", "R 110 — Physik", "1. OG", 1, 262, 28, "24e124126b41a39e");
        b.room("r-111", "R 111 — Chemie", "1. OG", 1, 248, 26, null);
        b.room("r-112", "R 112 — Informatik", "1. OG", 1, 221, 24, null);

        b.room("r-201", "R 201 — 9a", "2. OG", 2, 207, 27, null);
        b.room("r-202", "R 202 — 9b", "2. OG", 2, 183, 29, null);
        b.room("r-203", "R 203 — 9c", "2. OG", 2, 196, 26, null);
        b.room("r-204", "R 204 — 10a", "2. OG", 2, 229, 28, null);
        b.room("r-205", "R 205 — 10b", "2. OG", 2, 174, 25, null);
        b.room("r-206", "R 206 — 10c", "2. OG", 2, 236, 27, null);
        b.room("r-210", "R 210 — Biologie", "2. OG", 2, 255, 28, "24e124126b41a4f0");
        b.room("r-211", "R 211 — EF Kursraum", "2. OG", 2, 158, 22, null);
        b.room("r-212", "R 212 — Q1 Kursraum", "2. OG", 2, 161, 20, null);

        return new SchoolConfig("gs-lindenpark", "Gesamtschule am Lindenpark", "uba", rooms, sensors);
    }

    private static final class Builder {
        private final List<RoomConfig> rooms;
        private final List<SensorConfig> sensors;
        private int elsys;

        Builder(List<RoomConfig> rooms, List<SensorConfig> sensors) {
            this.rooms = rooms;
            this.sensors = sensors;
        }

        /** Adds a room with one sensor: the given Milesight DevEUI, else the next Elsys ERS CO2. */
        void room(String id, String name, String floor, int floorOrder, double volume, int seats, String milesightEui) {
            RoomId room = RoomId.of(id);
            rooms.add(new RoomConfig(room, name, floor, floorOrder, volume, seats, null, null));
            if (milesightEui != null) {
                if (!milesightEui.startsWith(MILESIGHT_PREFIX)) throw new IllegalArgumentException(milesightEui);
                sensors.add(new SensorConfig(DeviceId.of(milesightEui), room, MILESIGHT_AM319, null));
            } else {
                // Elsys serials of one delivery batch: close together, not consecutive
                String eui = ELSYS_OUI + String.format("%06x", 0x05a3c1 + 0x2f * elsys++ + (elsys % 3) * 7);
                sensors.add(new SensorConfig(DeviceId.of(eui), room, ELSYS_ERS_CO2, null));
            }
        }
    }
}
