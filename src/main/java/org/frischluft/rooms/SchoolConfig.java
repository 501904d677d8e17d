package org.frischluft.rooms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;

/**
 * The school configuration: rooms, the sensors in them, the default threshold profile. Immutable; an admin
 * edit produces a new instance that ingest and assess pick up on their next message.
 *
 * @param profile default threshold profile id for every room without its own
 */
public record SchoolConfig(String id, String name, String profile, List<RoomConfig> rooms, List<SensorConfig> sensors,
                           List<SourceMapping> mappings) {
    public SchoolConfig {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        profile = profile == null || profile.isBlank() ? "uba" : profile;
        rooms = List.copyOf(rooms);
        sensors = List.copyOf(sensors);
        mappings = mappings == null ? List.of() : List.copyOf(mappings);
        validate(rooms, sensors);
    }

    public SchoolConfig(String id, String name, String profile, List<RoomConfig> rooms, List<SensorConfig> sensors) {
        this(id, name, profile, rooms, sensors, List.of());
    }

    private static void validate(List<RoomConfig> rooms, List<SensorConfig> sensors) {
        Set<RoomId> ids = new HashSet<>();
        for (RoomConfig r : rooms) {
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("room " + r.id() + " is listed twice");
            }
        }
        Map<DeviceId, Set<java.time.Instant>> seen = new HashMap<>();
        for (SensorConfig s : sensors) {
            if (!ids.contains(s.room())) {
                throw new IllegalArgumentException("sensor " + s.device() + " is placed in unknown room " + s.room());
            }
            if (!seen.computeIfAbsent(s.device(), d -> new HashSet<>()).add(s.since() == null ? java.time.Instant.MIN : s.since())) {
                throw new IllegalArgumentException("sensor " + s.device() + " is placed twice from the same time");
            }
        }
    }

    public Optional<RoomConfig> room(RoomId id) {
        return rooms.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The room a device is in now: its placement with the latest {@code since}. */
    public Optional<RoomId> roomOf(DeviceId device) {
        return sensors.stream()
                .filter(s -> s.device().equals(device))
                .max(Comparator.comparing(s -> s.since() == null ? java.time.Instant.MIN : s.since()))
                .map(SensorConfig::room);
    }

    /** The current placement of each device. */
    public Map<DeviceId, SensorConfig> currentSensors() {
        Map<DeviceId, SensorConfig> out = new LinkedHashMap<>();
        for (SensorConfig s : sensors) {
            out.merge(s.device(), s, (a, b) -> since(a) >= since(b) ? a : b);
        }
        return Map.copyOf(out);
    }

    private static long since(SensorConfig s) {
        return s.since() == null ? Long.MIN_VALUE : s.since().toEpochMilli();
    }

    /** The profile id for a room: its own, else the school default. */
    public String profileOf(RoomId room) {
        return room(room).map(RoomConfig::profile).filter(p -> p != null && !p.isBlank()).orElse(profile);
    }

    /** Floors in display order, each with its rooms in configuration order. */
    public Map<String, List<RoomConfig>> roomsByFloor() {
        List<RoomConfig> sorted = new ArrayList<>(rooms);
        sorted.sort(Comparator.comparingInt(RoomConfig::floorOrder));
        Map<String, List<RoomConfig>> out = new LinkedHashMap<>();
        for (RoomConfig r : sorted) {
            out.computeIfAbsent(r.floor(), f -> new ArrayList<>()).add(r);
        }
        return out;
    }
}
