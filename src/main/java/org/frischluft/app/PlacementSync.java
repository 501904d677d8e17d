package org.frischluft.app;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.frischluft.ingest.ReadingSink;
import org.frischluft.model.Reading;
import org.frischluft.rooms.PlacementChange;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.SchoolVersion;
import org.frischluft.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store's sensor placements as the school model says: all of them at start (queued ahead of any
 * reading, so none is stored before its sensor is placed), then, as a pipeline stage on the ingest worker, the changes of each
 * new model version (queued behind the readings already submitted, never waited for).
 */
final class PlacementSync implements ReadingSink {
    private static final Logger LOG = LoggerFactory.getLogger(PlacementSync.class);
    private final java.util.concurrent.atomic.AtomicInteger failedAtStart = new java.util.concurrent.atomic.AtomicInteger();

    private final Store store;
    private SchoolModel applied;

    PlacementSync(Store store) {
        this.store = store;
    }

    /**
     * Queues every placement of {@code model} and returns at once. The writer takes its queue in order and writes a
     * batch's placements before its readings, so no reading queued after this call is stored before its sensor is
     * placed; a placement already in the store is no write. Not waiting matters at city scale (issue 15): storing
     * 3,000 placements held up the first screen by seconds. One that fails is logged and counted
     * ({@link #failedAtStart()}); the store's state tells the screens why.
     */
    void startWith(SchoolModel model, Instant now) {
        for (PlacementChange c : PlacementChange.between(null, model)) {
            queue(c, now).whenComplete((ok, e) -> {
                if (e == null) return;
                if (failedAtStart.getAndIncrement() == 0) {
                    LOG.warn("placement of {} not stored at start: {} (further ones counted)", c.device(), e.getMessage());
                }
            });
        }
        applied = model;
    }

    /** Placements queued at start that the store refused (0 while they are still queued). */
    int failedAtStart() {
        return failedAtStart.get();
    }

    @Override
    public void accept(List<Reading> readings) {
    }

    @Override
    public void school(SchoolVersion version, Instant now) {
        List<PlacementChange> changes = PlacementChange.between(applied, version.model());
        applied = version.model();
        for (PlacementChange c : changes) {
            queue(c, now).whenComplete((ok, e) -> {
                if (e != null) LOG.warn("placement of {} not stored: {}", c.device(), e.getMessage());
            });
        }
        if (!changes.isEmpty()) LOG.info("school model version {}: {} sensor placement(s) changed", version.number(), changes.size());
    }

    private CompletableFuture<Void> queue(PlacementChange c, Instant now) {
        return switch (c.kind()) {
            case ASSIGN -> store.placeLater(c.device(), c.room(), c.since(), now);
            case PLACE -> store.placeLater(c.device(), c.room(), null, now);
            case UNASSIGN -> store.placeLater(c.device(), null, null, now);
        };
    }
}
