package org.frischluft.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.model.Reading;
import org.frischluft.store.WriteQueue.Assign;
import org.frischluft.store.WriteQueue.Item;
import org.frischluft.store.WriteQueue.Row;
import org.frischluft.store.WriteQueue.Then;

/**
 * What {@code store-writer} took from the queue and has not committed yet, and its transaction: placements
 * first, then the readings with their rollups, one commit. A batch that failed is kept for the retry.
 */
final class Batch {
    private final Statements statements;
    private final Placements placements;
    private final RawReadings readings;
    private final List<Reading> pending = new ArrayList<>();
    private final List<Assign> assigns = new ArrayList<>();
    private final List<Then> listeners = new ArrayList<>();
    private final List<Item> drained = new ArrayList<>();

    Batch(Statements statements, Placements placements, RawReadings readings) {
        this.statements = statements;
        this.placements = placements;
        this.readings = readings;
    }

    /** @return true if the batch should be committed now (a placement or a wake-up marker came) */
    boolean accept(Item item) {
        if (item instanceof Row row) {
            pending.add(row.reading());
            return false;
        }
        if (item instanceof Assign a) {
            assigns.add(a);
        }
        if (item instanceof Then t) {
            listeners.add(t);
            return t.soon();
        }
        return true;
    }

    /** Adds up to {@code max} items already queued, never waiting for more. */
    void takeQueued(WriteQueue queue, int max) {
        drained.clear();
        queue.drainTo(drained, max); // one lock for all, not one per reading
        for (Item it : drained) accept(it); // a placement or flush marker in there commits with the rows
        drained.clear();
    }

    boolean isEmpty() {
        return pending.isEmpty() && assigns.isEmpty() && listeners.isEmpty();
    }

    int rows() {
        return pending.size();
    }

    /** Writes and commits the batch; the batch stays as it is (for {@link #done()} or a retry). */
    RawReadings.Written write() throws SQLException {
        if (pending.isEmpty() && assigns.isEmpty()) return new RawReadings.Written(0, 0); // only listeners
        Connection c = statements.connection();
        for (Assign a : assigns) {
            placements.write(c, a.device(), a.room(), a.from(), a.fromFirst());
        }
        RawReadings.Written written = readings.write(c, List.copyOf(pending));
        statements.commit(c);
        return written;
    }

    /**
     * After {@link #write()}: the placements are stored, the listeners told ({@code complete}: no reading queued
     * before them was dropped meanwhile); an empty batch follows.
     */
    void done(boolean complete) {
        for (Assign a : assigns) {
            a.done().complete(null);
        }
        for (Then t : listeners) {
            t.tell(complete);
        }
        pending.clear();
        assigns.clear();
        listeners.clear();
    }

    /** The store closes while the database refuses writes: the placements fail, the readings are not written. */
    void giveUp() {
        for (Assign a : assigns) {
            a.failStoreClosed();
        }
        for (Then t : listeners) {
            t.tell(false);
        }
        pending.clear();
        listeners.clear();
    }
}
