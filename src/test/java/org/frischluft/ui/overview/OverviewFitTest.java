package org.frischluft.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The overview's root font follows the window and the school's shape, so a caretaker sees every room at once. */
class OverviewFitTest {
    @ParameterizedTest
    @CsvSource({"1366, 768", "1600, 900", "1920, 1080", "1280, 800"})
    void demoSchoolOfNineRoomsOnThreeFloorsFitsOneRowPerFloorOnCommonScreens(int width, int height) {
        OverviewFit fit = OverviewFit.choose(width, height, 9, 3, false);
        assertThat(fit.fits()).isTrue();
        assertThat(fit.rowsPerFloor()).isEqualTo(1);
        assertThat(fit.fontPx()).isBetween(OverviewFit.MIN_FONT_PX, OverviewFit.MAX_FONT_PX);
        // nine tiles with their gaps and the side padding stay inside the window
        double rowPx = fit.fontPx() * (OverviewFit.FLOORS_PAD_X + 9 * OverviewFit.TILE_WIDTH + 8 * OverviewFit.TILE_GAP);
        assertThat(rowPx).isLessThanOrEqualTo(width);
    }

    @Test
    void fortyRoomsOnFourFloorsStillFitALaptop() {
        OverviewFit fit = OverviewFit.choose(1366, 768, 10, 4, false);
        assertThat(fit.fits()).isTrue();
        assertThat(fit.rowsPerFloor()).isEqualTo(1);
        assertThat(fit.fontPx()).isGreaterThanOrEqualTo(OverviewFit.MIN_FONT_PX);
    }

    @Test
    void aHundredAndTwentyRoomsScrollAtAReadableSize() {
        OverviewFit fit = OverviewFit.choose(1920, 1080, 30, 4, false);
        assertThat(fit.fits()).isFalse();
        assertThat(fit.rowsPerFloor()).isZero();
        assertThat(fit.fontPx()).isEqualTo(18);
        assertThat(OverviewFit.choose(1366, 768, 30, 4, false).fontPx()).isEqualTo(12.8, within(0.1));
        assertThat(OverviewFit.choose(800, 600, 30, 4, false).fontPx()).isEqualTo(12);
    }

    @Test
    void aLongSingleFloorTakesSeveralRowsRatherThanTinyTiles() {
        OverviewFit fit = OverviewFit.choose(1920, 1080, 24, 1, false);
        assertThat(fit.fits()).isTrue();
        assertThat(fit.rowsPerFloor()).isGreaterThan(1);
        // 24 tiles in one row would need a 6 px font; in rows of 6 they get 18 px
        assertThat(fit.fontPx()).isGreaterThan(15);
    }

    @Test
    void aSmallSchoolDoesNotGetGiantTiles() {
        assertThat(OverviewFit.choose(1920, 1080, 4, 1, false).fontPx()).isEqualTo(OverviewFit.MAX_FONT_PX);
    }

    @Test
    void theGreyStatusLineNeverMakesTheSchoolLargerAndKeepsItOnScreen() {
        for (int floors = 1; floors <= 6; floors++) {
            OverviewFit calm = OverviewFit.choose(1366, 768, 9, floors, false);
            OverviewFit trouble = OverviewFit.choose(1366, 768, 9, floors, true);
            assertThat(trouble.fontPx()).as(floors + " floors").isLessThanOrEqualTo(calm.fontPx());
        }
    }

    @Test
    void aWindowTooSmallForTheWholeSchoolFallsBackToScrolling() {
        OverviewFit fit = OverviewFit.choose(1024, 600, 9, 3, false);
        assertThat(fit.fits()).isFalse();
        assertThat(fit.fontPx()).isEqualTo(12);
    }
}
