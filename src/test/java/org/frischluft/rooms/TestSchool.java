package org.frischluft.rooms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;
import org.frischluft.model.SensorModel;
import org.frischluft.model.SiteId;

/**
 * Builds school models for tests the way people list rooms: one site, one building, rooms with a floor label,
 * sensors after their room.
 * <pre>{@code
 * SchoolModel m = TestSchool.site("s", "Schule").room("r-101", "R 101", "1. OG", 1)
 *         .sensor("a81758fffe05a3c1", SensorModel.ELSYS_ERS_CO2, null).model();
 * }</pre>
 */
public final class TestSchool {
    private final String id;
    private final String name;
    private final Map<String, Integer> floorOrder = new LinkedHashMap<>();
    private final Map<String, List<Room>> floors = new LinkedHashMap<>();
    private final List<Kiosk> kiosks = new ArrayList<>();
    private SchoolCalendar calendar = SchoolCalendar.germanDefault();
    private Profile profile;
    private String lastFloor;

    private TestSchool(String id, String name) {
        this.id = id;
        this.name = name;
    }

    public static TestSchool site(String id, String name) {
        return new TestSchool(id, name);
    }

    /** A model without any site or room (record without a school file). */
    public static SchoolModel empty() {
        return new SchoolModel(null, null, List.of(), List.of(), List.of());
    }

    /** A room without sensors, for tests of one view model. */
    public static Room room(String id, String name) {
        return Room.of(RoomId.of(id), name, 180, 28, List.of());
    }

    public TestSchool room(String roomId, String roomName, String floor, int order) {
        return room(Room.of(RoomId.of(roomId), roomName, 180, 28, List.of()), floor, order);
    }

    public TestSchool room(Room room, String floor, int order) {
        floorOrder.putIfAbsent(floor, order);
        floors.computeIfAbsent(floor, f -> new ArrayList<>()).add(room);
        lastFloor = floor;
        return this;
    }

    /** Adds a sensor to the room added last. */
    public TestSchool sensor(String device, SensorModel model, Instant since) {
        List<Room> rooms = floors.get(lastFloor);
        Room last = rooms.remove(rooms.size() - 1);
        List<Sensor> sensors = new ArrayList<>(last.sensors());
        sensors.add(new Sensor(DeviceId.of(device), model, since, null));
        rooms.add(last.withSensors(sensors));
        return this;
    }

    public TestSchool calendar(SchoolCalendar c) {
        this.calendar = c;
        return this;
    }

    /** The site's profile (its rooms follow it). */
    public TestSchool profile(Profile p) {
        this.profile = p;
        return this;
    }

    public TestSchool kiosk(Kiosk k) {
        kiosks.add(k);
        return this;
    }

    public Site siteOnly() {
        List<Floor> fs = new ArrayList<>();
        floors.forEach((f, rooms) -> fs.add(new Floor(f, floorOrder.get(f), rooms)));
        return new Site(SiteId.of(id), name, calendar, profile, null, ComfortLimits.DEFAULT,
                List.of(new Building("main", name, fs)), kiosks);
    }

    public SchoolModel model() {
        return SchoolModel.singleSite(siteOnly());
    }
}
