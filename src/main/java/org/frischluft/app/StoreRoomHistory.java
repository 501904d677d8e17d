package org.frischluft.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.frischluft.model.Metric;
import org.frischluft.report.Combined;
import org.frischluft.store.HistoryQueries;
import org.frischluft.store.IntervalStats;
import org.frischluft.store.SeriesPoint;
import org.frischluft.store.Subject;
import org.frischluft.ui.room.HistoryPlan;
import org.frischluft.ui.room.RoomHistory;
import org.frischluft.ui.room.RoomHistoryData;
import org.frischluft.ui.room.RoomHistoryRequest;

/**
 * The room detail's history, read from the store on the {@code query-*} threads: the CO2 series thinned to
 * the chart's width ({@link HistoryQueries#series}: raw readings for today, rollups for 7 and 30 days) and, per
 * planned period, the stats of its school-hour spans ({@link HistoryQueries#stats}) merged into one row
 * ({@link Combined}). Wiring only: the arithmetic lives in {@code report}, the plan in {@code ui.room}.
 */
public final class StoreRoomHistory implements RoomHistory {
    private final HistoryQueries queries;
    private final Executor executor;

    /** Runs each load on {@code executor} (the app: its {@code query-*} threads). */
    public StoreRoomHistory(HistoryQueries queries, Executor executor) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public CompletableFuture<RoomHistoryData> load(RoomHistoryRequest request) {
        Objects.requireNonNull(request, "request");
        try {
            return CompletableFuture.supplyAsync(() -> query(request), executor);
        } catch (RuntimeException e) { // rejected: the app is closing
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The query itself, on the calling thread. */
    RoomHistoryData query(RoomHistoryRequest request) {
        Subject room = Subject.room(request.room());
        HistoryPlan plan = request.plan();
        List<SeriesPoint> series = queries.series(room, Metric.CO2, plan.from(), plan.to(), request.maxPoints());
        List<RoomHistoryData.Point> points = new ArrayList<>(series.size());
        for (SeriesPoint p : series) points.add(new RoomHistoryData.Point(p.time(), p.value()));
        List<RoomHistoryData.PeriodStats> periods = new ArrayList<>(plan.periods().size());
        for (HistoryPlan.Period period : plan.periods()) {
            Combined c = Combined.NONE;
            for (HistoryPlan.Span span : period.spans()) {
                for (IntervalStats s : queries.stats(room, Metric.CO2, span.from(), span.to(), span.length(), request.threshold())) {
                    c = c.plus(s);
                }
            }
            periods.add(new RoomHistoryData.PeriodStats(period, c.count(), c.mean(), c.max(), c.minutesAbove()));
        }
        return new RoomHistoryData(request, points, periods);
    }
}
