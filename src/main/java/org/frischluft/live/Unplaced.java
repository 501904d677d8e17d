package org.frischluft.live;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;
import org.frischluft.model.UnplacedDevices;
import org.frischluft.rooms.SchoolModel;

/**
 * Devices that send readings but are in no room of the school model ("seen but not placed"), with their latest
 * reading and inferred model. Starts from what the store already knows, learns from every batch, forgets a device
 * the moment the school file places it, and publishes a copy at most once a tick when something changed. Owned by
 * the ingest worker thread; not thread-safe.
 */
public final class Unplaced {
    /** The most devices handed to a screen; the total is still counted. */
    static final int SHOWN = 200;

    private final Map<DeviceId, UnplacedDevices.Device> seen = new HashMap<>();
    private final Consumer<UnplacedDevices> publish;
    private SchoolModel school;
    private boolean changed = true;

    public Unplaced(SchoolModel school, Collection<UnplacedDevices.Device> known, Consumer<UnplacedDevices> publish) {
        this.school = Objects.requireNonNull(school, "school");
        this.publish = Objects.requireNonNull(publish, "publish");
        for (UnplacedDevices.Device d : known) {
            if (school.roomOf(d.device()).isEmpty()) seen.merge(d.device(), d, Unplaced::newer);
        }
    }

    public void onReadings(List<Reading> readings) {
        for (Reading r : readings) {
            if (school.roomOf(r.device()).isPresent()) continue;
            UnplacedDevices.Device before = seen.get(r.device());
            if (before != null && before.lastSeen() != null && r.time().isBefore(before.lastSeen())) continue;
            Double co2 = r.co2() != null ? r.co2() : before == null ? null : before.lastCo2();
            String model = r.model() != null ? r.model() : before == null ? null : before.model();
            String source = r.model() != null ? r.modelSource() : before == null ? null : before.modelSource();
            seen.put(r.device(), new UnplacedDevices.Device(r.device(), r.time(), co2, model, source));
            changed = true;
        }
    }

    /** A new school model: a device it places is no longer unplaced. */
    public void onSchool(SchoolModel next) {
        this.school = Objects.requireNonNull(next, "next");
        if (seen.keySet().removeIf(d -> next.roomOf(d).isPresent())) changed = true;
    }

    /** Publishes the list when it changed since the last tick. */
    public void tick(Instant now) {
        if (!changed) return;
        changed = false;
        List<UnplacedDevices.Device> newest = seen.values().stream().sorted(
                java.util.Comparator.comparing(UnplacedDevices.Device::lastSeen,
                        java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))).limit(SHOWN).toList();
        publish.accept(new UnplacedDevices(seen.size(), newest));
    }

    private static UnplacedDevices.Device newer(UnplacedDevices.Device a, UnplacedDevices.Device b) {
        if (a.lastSeen() == null) return b;
        if (b.lastSeen() == null) return a;
        return b.lastSeen().isAfter(a.lastSeen()) ? b : a;
    }
}
