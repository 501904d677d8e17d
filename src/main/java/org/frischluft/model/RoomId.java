package org.frischluft.model;

import java.util.Objects;

/** A room's stable identifier in the school configuration, e.g. {@code r-101}. */
public record RoomId(String value) implements Comparable<RoomId> {
    public RoomId {
        Objects.requireNonNull(value, "value");
        value = value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty room id");
        }
    }

    public static RoomId of(String value) {
        return new RoomId(value);
    }

    @Override
    public int compareTo(RoomId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
