package org.frischluft.ingest;

import java.time.Instant;
import java.util.List;
import org.frischluft.model.Reading;
import org.frischluft.rooms.SchoolVersion;

/**
 * What the ingest side hands on (the history writer, the live rooms, alert rules), always on the
 * {@code ingest-worker} thread; see {@link IngestPipeline} for several of them by name.
 */
public interface ReadingSink {
    /** A batch of decoded readings, in arrival order. */
    void accept(List<Reading> readings);

    /** Called about once a second even when nothing arrives, so staleness is noticed on time. */
    default void tick(Instant now) {
    }

    /**
     * Calls {@code done} once every reading this sink was handed before is as safe as this sink makes it: the
     * history writer after their commit, with {@code false} if any could not be kept. Sinks that keep nothing
     * say {@code true} at once. {@code soon} asks not to wait for a fuller batch (nothing else is arriving).
     * May call back on any thread.
     */
    default void whenSafe(boolean soon, java.util.function.Consumer<Boolean> done) {
        done.accept(true);
    }

    /** A new school model took effect; called before the first batch decoded under it. */
    default void school(SchoolVersion version, Instant now) {
    }
}
