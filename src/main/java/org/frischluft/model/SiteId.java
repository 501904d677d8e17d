package org.frischluft.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A school site's stable identifier, e.g. {@code gs-lindenpark}: lower-case letters, digits, {@code -} and
 * {@code _}, because it also names MQTT topics ({@code frischluft/<site>/...}) and file names.
 */
public record SiteId(String value) implements Comparable<SiteId> {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public SiteId {
        Objects.requireNonNull(value, "value");
        value = value.strip();
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("site id must be 1-64 lower-case letters, digits, '-' or '_', got '" + value + "'");
        }
    }

    public static SiteId of(String value) {
        return new SiteId(value);
    }

    /** True if {@code value} would make a valid id. */
    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value.strip()).matches();
    }

    @Override
    public int compareTo(SiteId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
