package org.frischluft.live;

import org.frischluft.model.RejectionSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.frischluft.model.LinkStatus;
import org.frischluft.model.RoomId;
import org.frischluft.model.RoomSnapshot;

/**
 * The latest snapshot per room and per broker link, plus a dirty set: the one place where the ingest side
 * hands state to the screens. Writers (ingest worker, MQTT callbacks for link state) put immutable
 * records; the FX pump drains what changed since its last tick, latest value wins. No JavaFX here.
 */
public final class LiveState {
    private final Map<RoomId, RoomSnapshot> rooms = new ConcurrentHashMap<>();
    private final Map<RoomId, RoomSnapshot> dirtyRooms = new ConcurrentHashMap<>();
    private final Map<String, LinkStatus> links = new ConcurrentHashMap<>();
    private final Map<String, LinkStatus> dirtyLinks = new ConcurrentHashMap<>();
    private volatile StoreHealth storeHealth = StoreHealth.OK;
    private volatile boolean storeHealthDirty;
    private volatile RejectionSummary rejections = RejectionSummary.NONE;
    private volatile boolean rejectionsDirty;

    public void put(RoomSnapshot snapshot) {
        rooms.put(snapshot.room(), snapshot);
        dirtyRooms.put(snapshot.room(), snapshot);
    }

    public void putLink(LinkStatus status) {
        links.put(status.broker(), status);
        dirtyLinks.put(status.broker(), status);
    }

    public void putStoreHealth(StoreHealth health) {
        storeHealth = health;
        storeHealthDirty = true;
    }

    /** The latest summary of rejected messages (replaces the previous one). */
    public void putRejections(RejectionSummary summary) {
        rejections = java.util.Objects.requireNonNull(summary, "summary");
        rejectionsDirty = true;
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

    /** What changed since the last drain; called by the FX pump once per tick. */
    public Changes drain() {
        List<RoomSnapshot> r = drainMap(dirtyRooms);
        List<LinkStatus> l = drainMap(dirtyLinks);
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
        return new Changes(r, l, h, rej);
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
     * One tick's worth of changes.
     *
     * @param storeHealth null when unchanged
     * @param rejections  null when unchanged
     */
    public record Changes(List<RoomSnapshot> rooms, List<LinkStatus> links, StoreHealth storeHealth,
                          RejectionSummary rejections) {
        public Changes {
            rooms = List.copyOf(rooms);
            links = List.copyOf(links);
        }

        public boolean isEmpty() {
            return rooms.isEmpty() && links.isEmpty() && storeHealth == null && rejections == null;
        }
    }
}
