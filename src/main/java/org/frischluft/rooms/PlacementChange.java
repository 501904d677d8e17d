package org.frischluft.rooms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;

/**
 * What the store must record when the school model changes from one version to the next, so each reading stays
 * with the room its sensor was in when it measured.
 *
 * @param room  the room (null for {@link Kind#UNASSIGN})
 * @param since from when; null for {@link Kind#PLACE} (no date given: the store decides, see there)
 */
public record PlacementChange(Kind kind, DeviceId device, RoomId room, java.time.Instant since) {
    public enum Kind {
        /** The device is in {@code room} from {@code since} on. */
        ASSIGN,
        /** The device is in {@code room}, no date given: from its first reading if it was never placed, else from now. */
        PLACE,
        /** The device is in no room any more (taken down), from now. */
        UNASSIGN
    }

    public PlacementChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(device, "device");
    }

    /** The changes from {@code before} (null: nothing recorded yet) to {@code after}, in file order. */
    public static List<PlacementChange> between(SchoolModel before, SchoolModel after) {
        record Key(DeviceId device, RoomId room, java.time.Instant since) {
        }
        Set<Key> old = new HashSet<>();
        if (before != null) before.placements().forEach(p -> old.add(new Key(p.device(), p.room(), p.since())));
        List<PlacementChange> out = new ArrayList<>();
        for (Placement p : after.placements()) {
            if (old.contains(new Key(p.device(), p.room(), p.since()))) continue;
            out.add(p.since() == null ? new PlacementChange(Kind.PLACE, p.device(), p.room(), null)
                    : new PlacementChange(Kind.ASSIGN, p.device(), p.room(), p.since()));
        }
        if (before != null) {
            Set<DeviceId> still = after.currentPlacements().keySet();
            for (DeviceId d : before.currentPlacements().keySet()) {
                if (!still.contains(d)) out.add(new PlacementChange(Kind.UNASSIGN, d, null, null));
            }
        }
        return out;
    }
}
