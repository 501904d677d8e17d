package org.frischluft.admin.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One column of a school spreadsheet: its German and English header ({@code config export} writes one of them),
 * whether a line needs it, and every header word accepted on import, already {@linkplain CsvTable#normalise
 * normalised} (the English header first).
 */
record ColumnSpec(String german, String english, boolean required, List<String> aliases) {
    ColumnSpec {
        Objects.requireNonNull(german, "german");
        Objects.requireNonNull(english, "english");
        aliases = List.copyOf(aliases);
    }

    /** A column named {@code english} and {@code german}, accepted also as any of {@code more}. */
    static ColumnSpec of(String german, boolean required, String english, String... more) {
        List<String> all = new ArrayList<>();
        all.add(CsvTable.normalise(english));
        for (String m : more) all.add(CsvTable.normalise(m));
        return new ColumnSpec(german, english, required, all);
    }

    /** {@code volume m3 / Volumen (m³)}: how a problem names the column. */
    String label() {
        return english.equals(german) ? english : english + " / " + german;
    }
}
