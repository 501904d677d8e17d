package org.frischluft.ingest;

import java.time.Instant;
import java.util.List;
import org.frischluft.model.Reading;

/** Where decoded readings go (history writer and live state, wired by the app). Called on the ingest worker. */
public interface ReadingSink {
    /** A batch of decoded readings, in arrival order. */
    void accept(List<Reading> readings);

    /** Called about once a second even when nothing arrives, so staleness is noticed on time. */
    default void tick(Instant now) {
    }
}
