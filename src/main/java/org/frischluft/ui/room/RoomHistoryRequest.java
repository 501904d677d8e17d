package org.frischluft.ui.room;

import java.util.Objects;
import org.frischluft.model.RoomId;

/**
 * One load of the room detail: the room's CO2 over {@code plan}, at most {@code maxPoints} chart points (the
 * chart's width in pixels), and per period the minutes above {@code threshold} ppm.
 */
public record RoomHistoryRequest(RoomId room, HistoryPlan plan, int maxPoints, double threshold) {
    public RoomHistoryRequest {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(plan, "plan");
        if (maxPoints < 2) throw new IllegalArgumentException("maxPoints < 2");
    }
}
