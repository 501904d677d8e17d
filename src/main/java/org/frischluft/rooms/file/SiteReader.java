package org.frischluft.rooms.file;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.Building;
import org.frischluft.rooms.ComfortLimits;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.Floor;
import org.frischluft.rooms.Kiosk;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.Sensor;
import org.frischluft.rooms.Site;

/** Reads the {@code sites} of a school file, down to each room's sensors and the sites' kiosks. */
final class SiteReader {
    static final Set<String> SITE = Set.of("id", "name", "profile", "display", "comfort", "calendar", "buildings", "kiosks");
    static final Set<String> BUILDING = Set.of("id", "name", "floors");
    static final Set<String> FLOOR = Set.of("name", "order", "rooms");
    static final Set<String> ROOM = Set.of("id", "name", "volumeM3", "seats", "profile", "display", "sensors");
    static final Set<String> SENSOR = Set.of("device", "model", "since", "broker");
    static final Set<String> KIOSK = Set.of("id", "room", "display", "language");

    private final List<Profile> profiles;
    private final ComfortLimits comfort;
    private final Path dir;
    private final Ids ids;

    SiteReader(List<Profile> profiles, ComfortLimits comfort, Path dir, Ids ids) {
        this.profiles = profiles;
        this.comfort = comfort;
        this.dir = dir;
        this.ids = ids;
    }

    List<Site> read(Node root) {
        List<Site> out = new ArrayList<>();
        List<Node> sites = root.list("sites", true);
        if (sites.isEmpty() && root.get("sites").json.isArray()) root.problems.error(root.at("sites"), "sites.none");
        for (Node s : sites) site(s).ifPresent(out::add);
        return out;
    }

    private Optional<Site> site(Node s) {
        if (!s.object("site")) return Optional.empty();
        s.only(SITE);
        Optional<SiteId> id = s.text("id", true).flatMap(i -> {
            if (!SiteId.isValid(i)) {
                s.problems.error(s.at("id"), "site-id.invalid", i);
                return Optional.empty();
            }
            return ids.claim("site", i, s.at("id")) ? Optional.of(SiteId.of(i)) : Optional.empty();
        });
        String name = s.text("name", false).orElse(null);
        Profile profile = Values.profile(s, "profile", profiles).orElse(null);
        DisplayPolicy display = Values.display(s, "display").orElse(null);
        ComfortLimits limits = s.has("comfort") ? ComfortReader.read(s.get("comfort"), comfort) : comfort;
        SchoolCalendar calendar = CalendarReader.read(s.get("calendar"), dir);
        List<Building> buildings = new ArrayList<>();
        List<Node> bs = s.list("buildings", true);
        if (bs.isEmpty() && s.get("buildings").json.isArray()) s.problems.error(s.at("buildings"), "buildings.none");
        Ids local = new Ids(s.problems);
        for (Node b : bs) building(b, calendar.zone(), local).ifPresent(buildings::add);
        List<Kiosk> kiosks = new ArrayList<>();
        List<RoomId> roomIds = buildings.stream().flatMap(b -> b.floors().stream()).flatMap(f -> f.rooms().stream())
                .map(Room::id).toList();
        for (Node k : s.list("kiosks", false)) kiosk(k, roomIds).ifPresent(kiosks::add);
        if (id.isEmpty()) return Optional.empty();
        return Optional.of(new Site(id.get(), name, calendar, profile, display, limits, buildings, kiosks));
    }

    private Optional<Building> building(Node b, ZoneId zone, Ids local) {
        if (!b.object("building")) return Optional.empty();
        b.only(BUILDING);
        Optional<String> id = b.text("id", true).filter(i -> local.claim("building", i, b.at("id")));
        String name = b.text("name", false).orElse(null);
        List<Floor> floors = new ArrayList<>();
        List<Node> fs = b.list("floors", true);
        for (int i = 0; i < fs.size(); i++) floor(fs.get(i), i, zone).ifPresent(floors::add);
        return id.map(i -> new Building(i, name, floors));
    }

    private Optional<Floor> floor(Node f, int index, ZoneId zone) {
        if (!f.object("floor")) return Optional.empty();
        f.only(FLOOR);
        Optional<String> name = f.text("name", true);
        int order = f.integer("order", -20, 200, false).orElse(index);
        List<Room> rooms = new ArrayList<>();
        for (Node r : f.list("rooms", true)) room(r, zone).ifPresent(rooms::add);
        return name.map(n -> new Floor(n, order, rooms));
    }

    Optional<Room> room(Node r, ZoneId zone) {
        if (!r.object("room")) return Optional.empty();
        r.only(ROOM);
        Optional<RoomId> id = Values.roomId(r, "id", true).filter(i -> ids.claim("room", i.value(), r.at("id")));
        String name = r.text("name", false).orElse(null);
        double volume = r.number("volumeM3", 0, 100_000, false).orElse(0);
        int seats = r.integer("seats", 0, 10_000, false).orElse(0);
        Profile profile = Values.profile(r, "profile", profiles).orElse(null);
        DisplayPolicy display = Values.display(r, "display").orElse(null);
        List<Sensor> sensors = new ArrayList<>();
        for (Node s : r.list("sensors", false)) sensor(s, zone).ifPresent(sensors::add);
        return id.map(i -> new Room(i, name, volume, seats, profile, display, sensors));
    }

    Optional<Sensor> sensor(Node s, ZoneId zone) {
        if (!s.object("sensor")) return Optional.empty();
        s.only(SENSOR);
        Optional<DeviceId> device = Values.device(s, "device");
        var model = Values.model(s, "model").orElse(null);
        var since = Values.since(s, "since", zone).orElse(null);
        String broker = s.text("broker", false).orElse(null);
        if (device.isEmpty() || s.has("since") && since == null) return Optional.empty(); // a bad date: said once
        if (!ids.claimPlacement(device.get(), since, s.path)) return Optional.empty();
        return Optional.of(new Sensor(device.get(), model, since, broker));
    }

    private Optional<Kiosk> kiosk(Node k, List<RoomId> rooms) {
        if (!k.object("kiosk")) return Optional.empty();
        k.only(KIOSK);
        Optional<String> id = k.text("id", true).filter(i -> {
            if (!SiteId.isValid(i.toLowerCase(Locale.ROOT)) || !i.equals(i.toLowerCase(Locale.ROOT))) {
                k.problems.error(k.at("id"), "kiosk-id.invalid", i);
                return false;
            }
            return ids.claim("kiosk", i, k.at("id"));
        });
        RoomId room = Values.roomId(k, "room", false).filter(r -> {
            if (rooms.contains(r)) return true;
            k.problems.error(k.at("room"), "kiosk.room-unknown", r);
            return false;
        }).orElse(null);
        DisplayPolicy display = Values.display(k, "display").orElse(null);
        Locale language = Values.language(k, "language").orElse(null);
        return id.map(i -> new Kiosk(i, room, display, language));
    }
}
