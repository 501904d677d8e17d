package org.frischluft.sim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;
import org.frischluft.model.SensorModel;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.Building;
import org.frischluft.rooms.ComfortLimits;
import org.frischluft.rooms.Floor;
import org.frischluft.rooms.Holiday;
import org.frischluft.rooms.Kiosk;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Sensor;
import org.frischluft.rooms.Site;

/**
 * The demo school every newcomer sees first: "Gesamtschule am Lindenpark" in Schleswig-Holstein, 27 rooms on
 * three floors of one building, one CO2 sensor per room (mostly Elsys ERS CO2, three Milesight AM319), the
 * German bell schedule and the Christmas holidays. The same model is committed as
 * {@code kiosk-config/demo-school.json}; a test keeps the two equal.
 */
public final class DemoSchool {
    public static final SiteId SITE = SiteId.of("gs-lindenpark");
    /** Model ids of the demo's sensors, as the simulator names them in its uplinks. */
    public static final String ELSYS_ERS_CO2 = SensorModel.ELSYS_ERS_CO2.id();
    public static final String MILESIGHT_AM319 = SensorModel.MILESIGHT_AM319.id();

    private static final String ELSYS_OUI = "a81758fffe";
    private static final String MILESIGHT_PREFIX = "24e124";

    private DemoSchool() {
    }

    /** The demo school's calendar: Europe/Berlin, SH public holidays, Mon–Fri, the default bell schedule. */
    public static SchoolCalendar calendar() {
        return SchoolCalendar.germanDefault().withState("SH").withHolidays(List.of(
                new Holiday("Weihnachtsferien", LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 6))));
    }

    /** The demo school's model; a new equal instance on every call. */
    public static SchoolModel model() {
        Builder b = new Builder();
        b.room("r-001", "R 001 — 5a", 182, 27, null);
        b.room("r-002", "R 002 — 5b", 176, 28, null);
        b.room("r-003", "R 003 — 5c", 188, 26, null);
        b.room("r-004", "R 004 — 6a", 194, 29, null);
        b.room("r-005", "R 005 — 6b", 171, 27, null);
        b.room("r-006", "R 006 — 6c", 203, 28, null);
        b.room("r-010", "R 010 — Musik", 268, 30, null);
        b.room("r-012", "R 012 — Kunst", 245, 26, "24e124126b41a2c7");
        b.room("r-aula", "Aula / Mensa", 1_450, 180, null);
        b.floor("EG", 0);

        b.room("r-101", "R 101 — 7a", 198, 28, null);
        b.room("r-102", "R 102 — 7b", 186, 29, null);
        b.room("r-103", "R 103 — 7c", 205, 27, null);
        b.room("r-104", "R 104 — 8a", 214, 30, null);
        b.room("r-105", "R 105 — 8b", 152, 28, null);
        b.room("r-106", "R 106 — 8c", 190, 26, null);
        b.room("r-110", "R 110 — Physik", 262, 28, "24e124126b41a39e");
        b.room("r-111", "R 111 — Chemie", 248, 26, null);
        b.room("r-112", "R 112 — Informatik", 221, 24, null);
        b.floor("1. OG", 1);

        b.room("r-201", "R 201 — 9a", 207, 27, null);
        b.room("r-202", "R 202 — 9b", 183, 29, null);
        b.room("r-203", "R 203 — 9c", 196, 26, null);
        b.room("r-204", "R 204 — 10a", 229, 28, null);
        b.room("r-205", "R 205 — 10b", 174, 25, null);
        b.room("r-206", "R 206 — 10c", 236, 27, null);
        b.room("r-210", "R 210 — Biologie", 255, 28, "24e124126b41a4f0");
        b.room("r-211", "R 211 — EF Kursraum", 158, 22, null);
        b.room("r-212", "R 212 — Q1 Kursraum", 161, 20, null);
        b.floor("2. OG", 2);

        Site site = new Site(SITE, "Gesamtschule am Lindenpark", calendar(), null, null, ComfortLimits.DEFAULT,
                List.of(new Building("haupthaus", "Hauptgebäude", b.floors)),
                List.of(new Kiosk("k-r101", RoomId.of("r-101"), null, null)));
        return SchoolModel.singleSite(site);
    }

    private static final class Builder {
        private final List<Floor> floors = new ArrayList<>();
        private List<Room> rooms = new ArrayList<>();
        private int elsys;

        /** Adds a room with one sensor: the given Milesight DevEUI, else the next Elsys ERS CO2. */
        void room(String id, String name, double volume, int seats, String milesightEui) {
            Sensor sensor;
            if (milesightEui != null) {
                if (!milesightEui.startsWith(MILESIGHT_PREFIX)) throw new IllegalArgumentException(milesightEui);
                sensor = Sensor.of(DeviceId.of(milesightEui), SensorModel.MILESIGHT_AM319);
            } else {
                // Elsys serials of one delivery batch: close together, not consecutive
                String eui = ELSYS_OUI + String.format("%06x", 0x05a3c1 + 0x2f * elsys++ + (elsys % 3) * 7);
                sensor = Sensor.of(DeviceId.of(eui), SensorModel.ELSYS_ERS_CO2);
            }
            rooms.add(Room.of(RoomId.of(id), name, volume, seats, List.of(sensor)));
        }

        void floor(String name, int order) {
            floors.add(new Floor(name, order, rooms));
            rooms = new ArrayList<>();
        }
    }
}
