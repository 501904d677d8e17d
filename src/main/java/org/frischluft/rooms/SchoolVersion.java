package org.frischluft.rooms;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One version of the school model in a {@link SchoolCatalog}: numbered from 1, when it took effect and where
 * it came from ("demo", "school.json", "admin").
 *
 * @param warnings what the file said that did not keep it from being used
 */
public record SchoolVersion(long number, SchoolModel model, Instant since, String source, List<Problem> warnings) {
    public SchoolVersion {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(since, "since");
        source = source == null ? "" : source;
        warnings = List.copyOf(warnings);
    }
}
