package org.frischluft.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A tile shows the room's number in bold and the rest of its name below, so nothing is cut off. */
class TileFactoryTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "R 110 — Physik      | R 110    | Physik",
        "R 211 — EF Kursraum | R 211    | EF Kursraum",
        "Raum 204 · 7b       | Raum 204 | 7b",
        "R 12 - Kunst        | R 12     | Kunst",
        "R 5 – Werkraum – alt| R 5      | Werkraum – alt",
        "Aula / Mensa        | Aula / Mensa | ''",
        "Lehrerzimmer        | Lehrerzimmer | ''",
        "R-101               | R-101    | ''",
        "— Physik            | — Physik | ''"})
    void roomNameSplitsIntoNumberAndRestAtTheFirstSpacedSeparator(String name, String number, String rest) {
        assertThat(TileFactory.nameParts(name)).containsExactly(number, rest);
    }
}
