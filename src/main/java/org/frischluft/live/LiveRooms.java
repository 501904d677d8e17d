package org.frischluft.live;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.frischluft.rooms.Profile;
import org.frischluft.assess.RoomAssessor;
import org.frischluft.model.Assessment;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.frischluft.model.RoomSnapshot;

/**
 * Per room: the latest value of each metric and the room's assessor; publishes a new {@link RoomSnapshot}
 * to {@link LiveState} whenever something a screen shows changes. Owned by the ingest worker thread
 * (readings and the once-a-second tick); not thread-safe.
 */
public final class LiveRooms {
    private final LiveState live;
    private final Function<DeviceId, Optional<RoomId>> roomOf;
    private final Function<RoomId, Profile> profileOf;
    private final Map<RoomId, Room> rooms = new HashMap<>();

    public LiveRooms(LiveState live, Iterable<RoomId> roomIds, Function<DeviceId, Optional<RoomId>> roomOf,
                     Function<RoomId, Profile> profileOf, Instant now) {
        this.live = live;
        this.roomOf = roomOf;
        this.profileOf = profileOf;
        for (RoomId id : roomIds) {
            Room r = new Room(id, new RoomAssessor(profileOf.apply(id)));
            rooms.put(id, r);
            r.publish(now);
        }
    }

    /** Readings from the ingest worker; unmapped devices are ignored here (the store still keeps them). */
    public void onReadings(List<Reading> readings, Instant now) {
        for (Reading reading : readings) {
            Optional<RoomId> id = roomOf.apply(reading.device());
            if (id.isEmpty()) continue;
            Room room = rooms.get(id.get());
            if (room == null) continue;
            room.add(reading);
        }
        for (Room r : rooms.values()) {
            if (r.changed) r.publish(now);
        }
    }

    /** Re-assess every room (staleness, hysteresis timers); publishes only what changed. */
    public void tick(Instant now) {
        for (Room r : rooms.values()) {
            r.publish(now);
        }
    }

    private final class Room {
        final RoomId id;
        final RoomAssessor assessor;
        DeviceId device;
        Double co2;
        Double temperature;
        Double humidity;
        Double battery;
        Instant lastReading;
        Instant lastValuesAt = Instant.MIN;
        boolean changed;
        RoomSnapshot published;

        Room(RoomId id, RoomAssessor assessor) {
            this.id = id;
            this.assessor = assessor;
        }

        void add(Reading r) {
            assessor.add(r);
            // keep the newest value per metric; an older reading (history record, late delivery) never overwrites
            if (r.time().isBefore(lastValuesAt)) return;
            lastValuesAt = r.time();
            device = r.device();
            if (r.co2() != null) {
                co2 = r.co2();
                lastReading = r.time();
            }
            if (r.temperature() != null) temperature = r.temperature();
            if (r.humidity() != null) humidity = r.humidity();
            Double b = r.values().get(Metric.BATTERY_PCT);
            if (b != null) battery = b;
            changed = true;
        }

        void publish(Instant now) {
            Assessment a = assessor.assess(now);
            RoomSnapshot next = new RoomSnapshot(id, device, co2, temperature, humidity, battery, lastReading, a);
            changed = false;
            if (!Objects.equals(next, published)) {
                published = next;
                live.put(next);
            }
        }
    }

    /** The profile a room is assessed with (for screens that name it). */
    public Profile profile(RoomId room) {
        return profileOf.apply(room);
    }
}
