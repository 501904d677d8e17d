package org.frischluft.ui.admin;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.frischluft.assess.LightMinutes;
import org.frischluft.model.RoomId;

/**
 * The profile preview's query service: a room's CO2 readings of the last 24 hours. Implementations query on their own
 * {@code query-*} threads, never on the caller's (the FX thread); the future fails, never throws, when the store
 * cannot be read. The app's is {@code app.StoreDayHistory}.
 */
@FunctionalInterface
public interface DayHistory {
    CompletableFuture<List<LightMinutes.Sample>> lastDay(RoomId room);

    /** No store (the demo without history): every room has no readings. */
    DayHistory NONE = room -> CompletableFuture.completedFuture(List.of());
}
