package org.frischluft.rooms.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.frischluft.model.RoomId;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.Building;
import org.frischluft.rooms.ComfortLimits;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.Floor;
import org.frischluft.rooms.Operator;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.Profiles;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Sensor;
import org.frischluft.rooms.Site;

/**
 * The flat school file of Frischluft 0.1: {@code {"id", "name", "profile", "rooms": [{"id", "name", "floor",
 * "floorOrder", "volumeM3", "seats", "profile", "display"}], "sensors": [{"device", "room", "model", "since"}],
 * "mappings"}}, optionally with a {@code calendar} and {@code profiles}. It becomes one site with one building whose
 * floors are the rooms' floor labels.
 */
final class LegacyReader {
    static final Set<String> ROOT = Set.of("id", "name", "profile", "profiles", "rooms", "sensors", "mappings", "calendar");
    static final Set<String> ROOM = Set.of("id", "name", "floor", "floorOrder", "volumeM3", "seats", "profile", "display");

    private LegacyReader() {
    }

    static SchoolModel read(Node root, Path dir) {
        root.only(ROOT);
        String rawId = root.text("id", true).orElse("school");
        SiteId siteId = SiteId.of(siteId(rawId));
        String name = root.text("name", false).orElse(null);
        List<Profile> profiles = ProfileReader.read(root);
        Profile defaultProfile = Values.profile(root, "profile", profiles).orElse(Profiles.UBA);
        SchoolCalendar calendar = CalendarReader.read(root.get("calendar"), dir);
        SiteReader sites = new SiteReader(profiles, ComfortLimits.DEFAULT, dir, new Ids(root.problems));
        record Placed(Room room, String floor, int order) {
        }
        Ids ids = new Ids(root.problems);
        Map<RoomId, Placed> rooms = new LinkedHashMap<>();
        for (Node r : root.list("rooms", true)) {
            if (!r.object("room")) continue;
            r.only(ROOM);
            Optional<RoomId> id = Values.roomId(r, "id", true).filter(i -> ids.claim("room", i.value(), r.at("id")));
            String roomName = r.text("name", false).orElse(null);
            String floor = r.text("floor", false).orElse("?");
            int order = r.integer("floorOrder", -20, 200, false).orElse(0);
            double volume = r.number("volumeM3", 0, 100_000, false).orElse(0);
            int seats = r.integer("seats", 0, 10_000, false).orElse(0);
            Profile profile = Values.profile(r, "profile", profiles).orElse(null);
            DisplayPolicy display = Values.display(r, "display").orElse(null);
            id.ifPresent(i -> rooms.put(i, new Placed(new Room(i, roomName, volume, seats, profile, display, List.of()),
                    floor, order)));
        }
        Map<RoomId, List<Sensor>> sensors = new LinkedHashMap<>();
        for (Node s : root.list("sensors", false)) {
            if (!s.object("sensor")) continue;
            Optional<RoomId> room = Values.roomId(s, "room", true).filter(r -> {
                if (!rooms.containsKey(r)) s.problems.error(s.at("room"), "sensor.room-unknown", r);
                return rooms.containsKey(r);
            });
            // the rest of the sensor is read like a nested one
            Node nested = new Node(((com.fasterxml.jackson.databind.node.ObjectNode) s.json).deepCopy().without("room"),
                    s.path, s.problems);
            Optional<Sensor> sensor = sites.sensor(nested, calendar.zone());
            if (room.isPresent() && sensor.isPresent()) sensors.computeIfAbsent(room.get(), k -> new ArrayList<>()).add(sensor.get());
        }
        Map<String, List<Room>> floors = new LinkedHashMap<>();
        Map<String, Integer> orders = new LinkedHashMap<>();
        for (Placed p : rooms.values()) {
            Room r = p.room().withSensors(sensors.getOrDefault(p.room().id(), List.of()));
            floors.computeIfAbsent(p.floor(), f -> new ArrayList<>()).add(r);
            orders.putIfAbsent(p.floor(), p.order());
        }
        List<Floor> floorList = new ArrayList<>();
        floors.forEach((f, rs) -> floorList.add(new Floor(f, orders.get(f), rs)));
        Site site = new Site(siteId, name, calendar, null, null, ComfortLimits.DEFAULT,
                List.of(new Building("main", name, floorList)), List.of());
        return SchoolReader.build(root.problems, Operator.NONE, defaultProfile, profiles, MappingReader.read(root),
                List.of(site));
    }

    /** A valid site id from the old free-form school id ("GS Lindenpark" → "gs-lindenpark"). */
    static String siteId(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        if (s.isEmpty()) s = "school";
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
