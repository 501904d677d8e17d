package org.frischluft.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.frischluft.assess.AssessorOptions;
import org.frischluft.assess.RoomAssessor;
import org.frischluft.model.Assessment;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.frischluft.model.RoomSnapshot;
import org.frischluft.rooms.ComfortLimits;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.SchoolModel;

/**
 * Per room of the school model: the latest value of each metric and the room's assessor; publishes a new
 * {@link RoomSnapshot} to {@link LiveState} whenever something a screen shows changes. Follows the school
 * model ({@link #onSchool}): a new room appears, a removed one disappears, a room whose profile changed is
 * assessed afresh under the new profile from its recent readings. Owned by the ingest worker thread (readings,
 * the once-a-second tick and model changes all arrive there); not thread-safe.
 */
public final class LiveRooms {
    /** Readings kept per room to re-assess it under a changed profile (the assessor looks back 40 minutes). */
    static final Duration RECENT = Duration.ofMinutes(45);
    static final int RECENT_MAX = 256;

    private final LiveState live;
    private final Map<RoomId, Room> rooms = new LinkedHashMap<>();
    private SchoolModel school;

    public LiveRooms(LiveState live, SchoolModel school, Instant now) {
        this.live = Objects.requireNonNull(live, "live");
        this.school = Objects.requireNonNull(school, "school");
        for (org.frischluft.rooms.Room r : school.rooms()) {
            Room room = new Room(r.id(), school.profileOf(r.id()), school.comfortOf(r.id()));
            rooms.put(r.id(), room);
            room.publish(now);
        }
    }

    /**
     * The school model changed: add, drop and re-assess rooms (a changed profile or comfort limits); devices are
     * routed by the new placements.
     */
    public void onSchool(SchoolModel next, Instant now) {
        this.school = Objects.requireNonNull(next, "next");
        Map<RoomId, Room> kept = new HashMap<>(rooms);
        rooms.clear();
        for (org.frischluft.rooms.Room r : next.rooms()) {
            Profile profile = next.profileOf(r.id());
            ComfortLimits comfort = next.comfortOf(r.id());
            Room room = kept.remove(r.id());
            if (room == null) {
                room = new Room(r.id(), profile, comfort);
            } else if (!room.profile.equals(profile) || !room.comfort.equals(comfort)) {
                room = room.reassessed(profile, comfort);
            }
            rooms.put(r.id(), room);
            room.publish(now);
        }
        for (RoomId gone : kept.keySet()) live.remove(gone);
    }

    /** Readings from the ingest worker; devices in no room are ignored here (the store still keeps them). */
    public void onReadings(List<Reading> readings, Instant now) {
        for (Reading reading : readings) {
            Optional<RoomId> id = school.roomOf(reading.device());
            if (id.isEmpty()) continue;
            Room room = rooms.get(id.get());
            if (room == null) continue;
            room.add(reading);
        }
        for (Room r : rooms.values()) {
            if (r.changed) r.publish(now);
        }
    }

    /** Re-assess every room (staleness, hold timers); publishes only what changed. */
    public void tick(Instant now) {
        for (Room r : rooms.values()) {
            r.publish(now);
        }
    }

    /** The profile a room is assessed with (for screens that name it). */
    public Profile profile(RoomId room) {
        return school.profileOf(room);
    }

    private final class Room {
        final RoomId id;
        final Profile profile;
        final ComfortLimits comfort;
        final RoomAssessor assessor;
        final ArrayDeque<Reading> recent = new ArrayDeque<>();
        DeviceId device;
        Double co2;
        Double temperature;
        Double humidity;
        Double battery;
        Instant lastReading;
        Instant lastValuesAt = Instant.MIN;
        boolean changed;
        RoomSnapshot published;

        Room(RoomId id, Profile profile, ComfortLimits comfort) {
            this.id = id;
            this.profile = profile;
            this.comfort = comfort;
            this.assessor = new RoomAssessor(profile, comfort, AssessorOptions.defaults());
        }

        /** This room under other rules: the latest values kept, the light worked out again from the recent readings. */
        Room reassessed(Profile nextProfile, ComfortLimits nextComfort) {
            Room r = new Room(id, nextProfile, nextComfort);
            for (Reading reading : recent) r.add(reading);
            r.published = published;
            return r;
        }

        void add(Reading r) {
            assessor.add(r);
            recent.addLast(r);
            Instant cut = r.time().minus(RECENT);
            while (recent.size() > RECENT_MAX || recent.peekFirst().time().isBefore(cut)) recent.pollFirst();
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
}
