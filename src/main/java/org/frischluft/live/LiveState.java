package org.frischluft.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.frischluft.model.LinkStatus;
import org.frischluft.model.RejectionSummary;
import org.frischluft.model.RoomId;
import org.frischluft.model.RoomSnapshot;
import org.frischluft.model.UnplacedDevices;

/**
 * The latest snapshot per room and per broker link, the store's health and the rejection summary: the one place
 * where the ingest side hands state to whoever shows or acts on it. Writers (the ingest worker, MQTT callbacks
 * for link state) put immutable records; each consumer (the FX pump, alert rules) {@linkplain #subscribe()
 * subscribes} and drains its own {@link Feed} of what changed since its last drain, latest value wins — so no
 * consumer takes changes away from another. No JavaFX here.
 */
public final class LiveState {
    private final Map<RoomId, RoomSnapshot> rooms = new ConcurrentHashMap<>();
    private final Map<String, LinkStatus> links = new ConcurrentHashMap<>();
    private final List<Feed> feeds = new CopyOnWriteArrayList<>();
    private volatile StoreHealth storeHealth = StoreHealth.OK;
    private volatile RejectionSummary rejections = RejectionSummary.NONE;
    private volatile UnplacedDevices unplaced = UnplacedDevices.NONE;

    /**
     * A new feed of changes. Its first drain holds everything known so far (every room, link, the store's
     * health and the rejections), so a consumer that starts late misses nothing.
     */
    public Feed subscribe() {
        Feed f = new Feed();
        feeds.add(f);
        rooms.values().forEach(s -> f.rooms.put(s.room(), s));
        links.values().forEach(l -> f.links.put(l.broker(), l));
        f.storeHealthDirty = true;
        f.rejectionsDirty = true;
        f.unplacedDirty = true;
        return f;
    }

    public void put(RoomSnapshot snapshot) {
        rooms.put(snapshot.room(), snapshot);
        for (Feed f : feeds) f.rooms.put(snapshot.room(), snapshot);
    }

    /** Forgets a room that is no longer in the school model. */
    public void remove(RoomId room) {
        rooms.remove(room);
        for (Feed f : feeds) f.rooms.remove(room);
    }

    public void putLink(LinkStatus status) {
        links.put(status.broker(), status);
        for (Feed f : feeds) f.links.put(status.broker(), status);
    }

    public void putStoreHealth(StoreHealth health) {
        storeHealth = Objects.requireNonNull(health, "health");
        for (Feed f : feeds) f.storeHealthDirty = true;
    }

    /** The latest summary of rejected messages (replaces the previous one). */
    public void putRejections(RejectionSummary summary) {
        rejections = Objects.requireNonNull(summary, "summary");
        for (Feed f : feeds) f.rejectionsDirty = true;
    }

    /** The latest list of devices seen but not placed in any room (replaces the previous one). */
    public void putUnplaced(UnplacedDevices devices) {
        unplaced = Objects.requireNonNull(devices, "devices");
        for (Feed f : feeds) f.unplacedDirty = true;
    }

    public UnplacedDevices unplaced() {
        return unplaced;
    }

    public Optional<RoomSnapshot> room(RoomId id) {
        return Optional.ofNullable(rooms.get(id));
    }

    public Collection<RoomSnapshot> rooms() {
        return List.copyOf(rooms.values());
    }

    public Collection<LinkStatus> links() {
        return List.copyOf(links.values());
    }

    public StoreHealth storeHealth() {
        return storeHealth;
    }

    public RejectionSummary rejections() {
        return rejections;
    }

    /** One consumer's view of the changes: what was put since its last {@link #drain()}. Thread-safe. */
    public final class Feed {
        private final Map<RoomId, RoomSnapshot> rooms = new ConcurrentHashMap<>();
        private final Map<String, LinkStatus> links = new ConcurrentHashMap<>();
        private volatile boolean storeHealthDirty;
        private volatile boolean rejectionsDirty;
        private volatile boolean unplacedDirty;

        private Feed() {
        }

        /** What changed since the last drain (the FX pump: once per tick). */
        public Changes drain() {
            List<RoomSnapshot> r = drainMap(rooms);
            List<LinkStatus> l = drainMap(links);
            StoreHealth h = null;
            if (storeHealthDirty) {
                storeHealthDirty = false;
                h = storeHealth;
            }
            RejectionSummary rej = null;
            if (rejectionsDirty) {
                rejectionsDirty = false;
                rej = rejections;
            }
            UnplacedDevices u = null;
            if (unplacedDirty) {
                unplacedDirty = false;
                u = unplaced;
            }
            return new Changes(r, l, h, rej, u);
        }

        /** Stops this feed; nothing is kept for it any more. */
        public void close() {
            feeds.remove(this);
        }
    }

    private static <K, V> List<V> drainMap(Map<K, V> dirty) {
        List<V> out = new ArrayList<>();
        for (K key : List.copyOf(dirty.keySet())) {
            V v = dirty.remove(key);
            if (v != null) out.add(v);
        }
        return out;
    }

    /**
     * One drain's worth of changes.
     *
     * @param storeHealth null when unchanged
     * @param rejections  null when unchanged
     * @param unplaced    null when unchanged
     */
    public record Changes(List<RoomSnapshot> rooms, List<LinkStatus> links, StoreHealth storeHealth,
                          RejectionSummary rejections, UnplacedDevices unplaced) {
        public Changes {
            rooms = List.copyOf(rooms);
            links = List.copyOf(links);
        }

        public boolean isEmpty() {
            return rooms.isEmpty() && links.isEmpty() && storeHealth == null && rejections == null && unplaced == null;
        }
    }
}
