package org.frischluft.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether history is being written. The writer reports every change; the live view keeps working whatever
 * this says.
 *
 * @param detail human-readable cause and consequences (e.g. how many readings were dropped); empty when OK
 * @param since  when this state began (from the store's clock)
 */
public record StoreState(Kind kind, String detail, Instant since) {
    public enum Kind {
        /** Batches are committed. */
        OK,
        /** The database refuses writes (read-only file, mount or server); the writer retries. */
        READ_ONLY,
        /** No space left for the database; the writer retries. */
        DISK_FULL,
        /** Any other write failure (connection lost, lock, ...); the writer retries. */
        FAILING
    }

    public StoreState {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(since, "since");
        detail = detail == null ? "" : detail;
    }

    public boolean isOk() {
        return kind == Kind.OK;
    }
}
