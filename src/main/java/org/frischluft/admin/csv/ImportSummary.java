package org.frischluft.admin.csv;

import java.util.List;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;

/**
 * What an import changes, for the admin's confirmation and the audit: rooms added, rooms whose fields or place
 * changed, rooms the file lists unchanged; devices placed for the first time, devices whose placements changed
 * (moved, another model, since or broker), devices listed unchanged. An import never removes a room or a sensor.
 */
public record ImportSummary(List<RoomId> roomsAdded, List<RoomId> roomsChanged, int roomsUnchanged,
                            List<DeviceId> sensorsPlaced, List<DeviceId> sensorsChanged, int sensorsUnchanged) {
    public ImportSummary {
        roomsAdded = List.copyOf(roomsAdded);
        roomsChanged = List.copyOf(roomsChanged);
        sensorsPlaced = List.copyOf(sensorsPlaced);
        sensorsChanged = List.copyOf(sensorsChanged);
    }

    /** True when the school file stays as it is. */
    public boolean nothingChanged() {
        return roomsAdded.isEmpty() && roomsChanged.isEmpty() && sensorsPlaced.isEmpty() && sensorsChanged.isEmpty();
    }

    /** {@code 3 rooms added, 2 changed, 40 unchanged; 5 sensors placed, 1 changed, 60 unchanged}. */
    @Override
    public String toString() {
        return roomsAdded.size() + " rooms added, " + roomsChanged.size() + " changed, " + roomsUnchanged + " unchanged; "
                + sensorsPlaced.size() + " sensors placed, " + sensorsChanged.size() + " changed, " + sensorsUnchanged + " unchanged";
    }
}
