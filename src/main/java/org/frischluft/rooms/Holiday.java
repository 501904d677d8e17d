package org.frischluft.rooms;

import java.time.LocalDate;
import java.util.Objects;

/**
 * School holidays ("Weihnachtsferien") from {@code from} to {@code to}, both days included, or a single
 * closed day where both are the same.
 */
public record Holiday(String name, LocalDate from, LocalDate to) {
    public Holiday {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        name = name == null || name.isBlank() ? "" : name.strip();
        if (to.isBefore(from)) throw new IllegalArgumentException("holiday " + name + " ends before it starts");
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
