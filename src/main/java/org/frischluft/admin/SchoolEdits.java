package org.frischluft.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;
import org.frischluft.model.SensorModel;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.Building;
import org.frischluft.rooms.Floor;
import org.frischluft.rooms.Placement;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Sensor;
import org.frischluft.rooms.Site;

/**
 * The admin's edits as functions of a school model, for {@link SchoolEditor#save}: each returns a new model and
 * leaves the old one as it is. Pure.
 */
public final class SchoolEdits {
    private SchoolEdits() {
    }

    /** {@code m} with each site replaced by {@code f}'s result (null removes it). */
    public static SchoolModel mapSites(SchoolModel m, Function<Site, Site> f) {
        List<Site> sites = new ArrayList<>();
        for (Site s : m.sites()) {
            Site n = f.apply(s);
            if (n != null) sites.add(n);
        }
        return new SchoolModel(m.operator(), m.defaultProfile(), m.profiles(), m.mappings(), m.defaultModels(), sites);
    }

    /** {@code m} with each room replaced by {@code f}'s result (null removes it). */
    public static SchoolModel mapRooms(SchoolModel m, Function<Room, Room> f) {
        return mapSites(m, s -> withBuildings(s, s.buildings().stream().map(b -> new Building(b.id(), b.name(),
                b.floors().stream().map(fl -> new Floor(fl.name(), fl.order(), fl.rooms().stream().map(f)
                        .filter(Objects::nonNull).toList())).toList())).toList()));
    }

    public static Site withBuildings(Site s, List<Building> buildings) {
        return new Site(s.id(), s.name(), s.calendar(), s.profile(), s.display(), s.comfort(), buildings, s.kiosks());
    }

    /** {@code m} with room {@code id} changed by {@code change}. */
    public static SchoolModel updateRoom(SchoolModel m, RoomId id, UnaryOperator<Room> change) {
        return mapRooms(m, r -> r.id().equals(id) ? change.apply(r) : r);
    }

    /** {@code m} without room {@code id} (its sensors leave with it: they are in no room afterwards). */
    public static SchoolModel removeRoom(SchoolModel m, RoomId id) {
        return mapRooms(m, r -> r.id().equals(id) ? null : r);
    }

    /** {@code m} with {@code room} added to floor {@code floor} of building {@code building} of site {@code site}. */
    public static SchoolModel addRoom(SchoolModel m, SiteId site, String building, String floor, Room room) {
        return mapSites(m, s -> !s.id().equals(site) ? s : withBuildings(s, s.buildings().stream()
                .map(b -> !b.id().equals(building) ? b : new Building(b.id(), b.name(), b.floors().stream()
                        .map(f -> {
                            if (!f.name().equals(floor)) return f;
                            List<Room> rooms = new ArrayList<>(f.rooms());
                            rooms.add(room);
                            return new Floor(f.name(), f.order(), rooms);
                        }).toList())).toList()));
    }

    /** {@code m} with site {@code id} named {@code name}. */
    public static SchoolModel renameSite(SchoolModel m, SiteId id, String name) {
        return mapSites(m, s -> !s.id().equals(id) ? s
                : new Site(s.id(), name, s.calendar(), s.profile(), s.display(), s.comfort(), s.buildings(), s.kiosks()));
    }

    /** {@code m} with building {@code building} of site {@code site} named {@code name}. */
    public static SchoolModel renameBuilding(SchoolModel m, SiteId site, String building, String name) {
        return mapSites(m, s -> !s.id().equals(site) ? s : withBuildings(s, s.buildings().stream()
                .map(b -> b.id().equals(building) ? new Building(b.id(), name, b.floors()) : b).toList()));
    }

    /** {@code m} with floor {@code floor} of a building renamed. */
    public static SchoolModel renameFloor(SchoolModel m, SiteId site, String building, String floor, String name) {
        return mapSites(m, s -> !s.id().equals(site) ? s : withBuildings(s, s.buildings().stream()
                .map(b -> !b.id().equals(building) ? b : new Building(b.id(), b.name(), b.floors().stream()
                        .map(f -> f.name().equals(floor) ? new Floor(name, f.order(), f.rooms()) : f).toList())).toList()));
    }

    /**
     * {@code m} with {@code device} placed in {@code room}. A device in no room so far is placed without a date, so
     * the store gives the new room its whole history (its readings so far were taken there, before the admin placed
     * it); a device in another room moves {@code now}: its old placement stays (the history before stays with the old
     * room), the new one holds from {@code now}. Its model and broker stay unless {@code model} is given.
     */
    public static SchoolModel place(SchoolModel m, DeviceId device, RoomId room, SensorModel model, Instant now) {
        Objects.requireNonNull(room, "room");
        Placement current = m.currentPlacements().get(device);
        if (current != null && current.room().equals(room)) return m;
        Sensor sensor;
        if (current == null) {
            sensor = new Sensor(device, model, null, null);
        } else {
            Sensor s = current.sensor();
            sensor = new Sensor(device, model != null ? model : s.model(), Objects.requireNonNull(now, "now"), s.broker());
        }
        return updateRoom(m, room, r -> {
            List<Sensor> sensors = new ArrayList<>(r.sensors());
            sensors.add(sensor);
            return r.withSensors(sensors);
        });
    }
}
