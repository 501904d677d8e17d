package org.frischluft.sim;

import java.util.ArrayList;
import java.util.List;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;
import org.frischluft.model.SensorModel;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.Building;
import org.frischluft.rooms.ComfortLimits;
import org.frischluft.rooms.Floor;
import org.frischluft.rooms.Operator;
import org.frischluft.rooms.Profiles;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Sensor;
import org.frischluft.rooms.Site;

/**
 * A simulated city for {@code demo --city N} and {@code simulate --city N} (issue 15): N school sites after the demo
 * school's pattern, each with the demo's main building (27 rooms on three floors) and a "Neubau" of 16 rooms on two
 * floors, so 43 rooms a site and 70 sites about 3,000 rooms. Room ids are prefixed by the site ({@code s07-r-101}),
 * every room has one Elsys ERS CO2 of its own, site names are school types and districts of a Hanseatic city.
 */
public final class DemoCity {
    /** Rooms per generated site. */
    public static final int ROOMS_PER_SITE = 43;
    private static final String[] TYPES = {"Grundschule", "Gemeinschaftsschule", "Gymnasium", "Förderzentrum",
            "Berufsschule", "Grundschule", "Gemeinschaftsschule"};
    private static final String[] DISTRICTS = {"Innenstadt", "St. Jürgen", "Moisling", "Buntekuh", "St. Lorenz Nord",
            "St. Lorenz Süd", "St. Gertrud", "Schlutup", "Kücknitz", "Travemünde", "Karlshof", "Eichholz", "Marli",
            "Brandenbaum", "Hochschulstadtteil", "Genin", "Niederbüssau", "Vorwerk", "Israelsdorf", "Wesloe"};

    private DemoCity() {
    }

    /** {@code sites} generated sites (at least 1) under the operator "Hansestadt (Demo)". */
    public static SchoolModel model(int sites) {
        if (sites < 1) throw new IllegalArgumentException("a city has at least one site");
        List<Site> out = new ArrayList<>(sites);
        Site pattern = DemoSchool.model().sites().get(0);
        int device = 0;
        for (int s = 0; s < sites; s++) {
            String prefix = String.format("s%02d-", s + 1);
            List<Building> buildings = new ArrayList<>();
            List<Floor> main = new ArrayList<>();
            for (Floor f : pattern.buildings().get(0).floors()) {
                List<Room> rooms = new ArrayList<>();
                for (Room r : f.rooms()) rooms.add(room(prefix + r.id().value(), r.name(), r.volumeM3(), r.seats(), device++));
                main.add(new Floor(f.name(), f.order(), rooms));
            }
            buildings.add(new Building("haupthaus", "Hauptgebäude", main));
            List<Floor> annex = new ArrayList<>();
            for (int floor = 0; floor < 2; floor++) {
                List<Room> rooms = new ArrayList<>();
                for (int i = 1; i <= 8; i++) {
                    String number = "N " + floor + "0" + i;
                    rooms.add(room(prefix + "n-" + floor + "0" + i, number + " — " + (floor == 0 ? "Kurs " : "Oberstufe ") + i,
                            160 + 7 * i, 24, device++));
                }
                annex.add(new Floor(floor == 0 ? "EG" : "1. OG", floor, rooms));
            }
            buildings.add(new Building("neubau", "Neubau", annex));
            String name = TYPES[s % TYPES.length] + " " + DISTRICTS[s % DISTRICTS.length]
                    + (s >= DISTRICTS.length ? " " + (s / DISTRICTS.length + 1) : "");
            out.add(new Site(SiteId.of(prefix + "schule"), name, DemoSchool.calendar(), null, null, ComfortLimits.DEFAULT,
                    buildings, List.of()));
        }
        return new SchoolModel(new Operator("hansestadt-demo", "Hansestadt (Demo)"), Profiles.UBA, List.of(), List.of(), out);
    }

    /** How many sites make about {@code rooms} rooms (at least one). */
    public static int sitesFor(int rooms) {
        return Math.max(1, (int) Math.round(rooms / (double) ROOMS_PER_SITE));
    }

    private static Room room(String id, String name, double volume, int seats, int device) {
        DeviceId eui = DeviceId.of(String.format("a81758fffe%06x", 0x100000 + device));
        return Room.of(RoomId.of(id), name, volume, seats, List.of(Sensor.of(eui, SensorModel.ELSYS_ERS_CO2)));
    }
}
