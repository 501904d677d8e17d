package org.frischluft.ui.room;

import java.util.concurrent.CompletableFuture;

/**
 * The room detail's query service. Implementations run the query on their own {@code query-*} threads and
 * never on the caller's; the future fails (never throws) when the history cannot be read. The room detail
 * calls it from the FX thread and moves the result back with one {@code Platform.runLater}.
 */
@FunctionalInterface
public interface RoomHistory {
    CompletableFuture<RoomHistoryData> load(RoomHistoryRequest request);
}
