package org.frischluft.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.frischluft.assess.LightMinutes;
import org.frischluft.model.Metric;
import org.frischluft.model.RoomId;
import org.frischluft.store.HistoryQueries;
import org.frischluft.store.Subject;
import org.frischluft.ui.admin.DayHistory;

/** The admin's profile preview reads a room's last 24 hours of CO2 from the store, on the {@code query-*} threads. */
public final class StoreDayHistory implements DayHistory {
    /** One point a minute at most: the readings themselves at the usual 1- to 5-minute uplinks. */
    static final int MAX_POINTS = 1440;
    private final HistoryQueries queries;
    private final Executor executor;
    private final Clock clock;

    public StoreDayHistory(HistoryQueries queries, Executor executor, Clock clock) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CompletableFuture<List<LightMinutes.Sample>> lastDay(RoomId room) {
        Objects.requireNonNull(room, "room");
        try {
            return CompletableFuture.supplyAsync(() -> {
                Instant to = clock.instant();
                return queries.series(Subject.room(room), Metric.CO2, to.minus(Duration.ofDays(1)), to, MAX_POINTS).stream()
                        .map(p -> new LightMinutes.Sample(p.time(), p.value())).toList();
            }, executor);
        } catch (RuntimeException e) { // rejected: the app is closing
            return CompletableFuture.failedFuture(e);
        }
    }
}
