package org.frischluft.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.frischluft.ingest.ReadingSink;
import org.frischluft.model.Reading;
import org.frischluft.rooms.PlacementChange;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.SchoolVersion;
import org.frischluft.store.Store;
import org.frischluft.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store's sensor placements as the school model says: all of them at start (waiting, so no reading
 * is stored before its sensor is placed), then, as a pipeline stage on the ingest worker, the changes of each
 * new model version (queued behind the readings already submitted, never waited for).
 */
final class PlacementSync implements ReadingSink {
    private static final Logger LOG = LoggerFactory.getLogger(PlacementSync.class);
    private static final long START_TIMEOUT_S = 30;

    private final Store store;
    private SchoolModel applied;

    PlacementSync(Store store) {
        this.store = store;
    }

    /** Writes every placement of {@code model} and waits for them. */
    void startWith(SchoolModel model, Instant now) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (PlacementChange c : PlacementChange.between(null, model)) all.add(queue(c, now));
        // a city's 3,000 sensors take the writer longer than a school's 30 (issue 15: 30 s ran out on a busy machine)
        long timeout = START_TIMEOUT_S + all.size() / 25;
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(timeout, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new StoreException("sensor placements not stored: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new StoreException("sensor placements not stored within " + timeout + " s: " + store.state().detail());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while storing sensor placements");
        }
        applied = model;
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
