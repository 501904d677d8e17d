package org.frischluft.ui.room;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A room history the test answers by hand: every load is kept with its future, which completes only when the
 * test says so (a slow database), with data made from a formula of time.
 */
final class FakeHistory implements RoomHistory {
    record Load(RoomHistoryRequest request, CompletableFuture<RoomHistoryData> future, String thread) {
    }

    final List<Load> loads = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<RoomHistoryData> load(RoomHistoryRequest request) {
        CompletableFuture<RoomHistoryData> f = new CompletableFuture<>();
        loads.add(new Load(request, f, Thread.currentThread().getName()));
        return f;
    }

    Load last() {
        return loads.get(loads.size() - 1);
    }

    /** Completes the latest load with {@link #morning}; returns its data. */
    RoomHistoryData answerLast() {
        RoomHistoryData d = morning(last().request());
        last().future().complete(d);
        return d;
    }

    /**
     * A morning in a room: 700 ppm, rising to 1 500 in the hour from 08:00 (50 minutes above 1 000), 2 300
     * peak at 10:15; a point every 2 minutes up to the plan's last span; per period: as computed here.
     */
    static RoomHistoryData morning(RoomHistoryRequest r) {
        HistoryPlan plan = r.plan();
        List<RoomHistoryData.Point> points = new ArrayList<>();
        Instant end = plan.periods().isEmpty() ? plan.from() : plan.periods().get(plan.periods().size() - 1).spans()
                .get(plan.periods().get(plan.periods().size() - 1).spans().size() - 1).to();
        for (Instant t = plan.from(); t.isBefore(end); t = t.plus(Duration.ofMinutes(2))) {
            points.add(new RoomHistoryData.Point(t, ppm(plan, t)));
        }
        List<RoomHistoryData.PeriodStats> stats = new ArrayList<>();
        int i = 0;
        for (HistoryPlan.Period p : plan.periods()) {
            switch (i++) {
                case 1 -> stats.add(new RoomHistoryData.PeriodStats(p, 30, 1260, 1500, 50));
                case 3 -> stats.add(new RoomHistoryData.PeriodStats(p, 30, 980, 2300, 22));
                case 4 -> stats.add(new RoomHistoryData.PeriodStats(p, 0, Double.NaN, Double.NaN, 0));
                default -> stats.add(new RoomHistoryData.PeriodStats(p, 30, 700, 760, 0));
            }
        }
        return new RoomHistoryData(r, points, stats);
    }

    private static double ppm(HistoryPlan plan, Instant t) {
        long min = Duration.between(plan.from(), t).toMinutes();
        if (min >= 60 && min < 120) return 1500;
        if (min >= 190 && min < 200) return 2300;
        return 700;
    }
}
