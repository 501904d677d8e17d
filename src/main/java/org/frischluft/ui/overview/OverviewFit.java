package org.frischluft.ui.overview;

/**
 * Chooses the overview's root font size from the window and the school's shape, so that a caretaker sees
 * the whole school at once: every floor on one row of tiles (or, for a floor too long for one row, on a
 * few equal rows) and all floors above the fold. Everything on the overview is sized in em, so the root
 * font alone decides whether it fits; the geometry below mirrors {@code theme.css} (tile, gaps, titles,
 * header). When even {@link #MIN_FONT_PX} does not fit, the overview falls back to a comfortable size
 * ({@link #fallbackFontPx}) with wrapping rows and vertical scrolling. Pure; no toolkit.
 *
 * @param fontPx       the root font to use
 * @param rowsPerFloor tile rows the longest floor needs at that font (1 for a school that fits on one row
 *                     per floor); 0 when the overview does not fit and scrolls
 */
public record OverviewFit(double fontPx, int rowsPerFloor) {
    /** Smallest root font the overview shrinks to before it scrolls instead. */
    public static final double MIN_FONT_PX = 10;
    /** Largest root font: a small school does not get giant tiles. */
    public static final double MAX_FONT_PX = 20;
    /** Root font of the scrolling fallback at 1920×1080, scaled with the window, never below 12 px. */
    static final double FALLBACK_BASE_PX = 18;
    static final double FALLBACK_MIN_PX = 12;

    // geometry in em of the root font, as in theme.css
    static final double TILE_WIDTH = 12.2;       // .room-tile
    static final double TILE_HEIGHT = 11.8;      // .room-tile
    static final double TILE_GAP = 0.6;          // .floor-rooms hgap and vgap
    static final double FLOORS_PAD_X = 2 * 1.2;  // .floors padding left + right
    static final double FLOORS_PAD_BOTTOM = 1.0; // .floors padding bottom
    static final double FLOOR_SPACING = 0.7;     // .floors spacing
    static final double FLOOR_TITLE = 1.5 * 1.2; // .floor-title: 1.5em font, one line
    /** The header: padding, the title row (1.8em title, clock) and the row of 1.5em count chips. */
    static final double HEADER = 6.4;
    /** The grey status line (1.4em font, padding) when the broker or the store is in trouble. */
    static final double STATUS_LINE = 2.6;
    /** Pixels lost to the scroll pane's insets. */
    static final double SLACK_PX = 6;
    /** Pixels lost per tile, gap and title to snapping sizes to whole pixels. */
    static final double SNAP_PX = 2;

    /** True when the whole school fits without scrolling. */
    public boolean fits() {
        return rowsPerFloor > 0;
    }

    /**
     * The root font for a window of {@code width}×{@code height} px showing {@code floors} floors whose
     * longest has {@code longestFloor} rooms; {@code statusLine} when the grey status line is shown.
     * Prefers one row per floor; a floor gets more rows only when that gives a larger font.
     */
    public static OverviewFit choose(double width, double height, int longestFloor, int floors, boolean statusLine) {
        int rooms = Math.max(1, longestFloor);
        int floorCount = Math.max(1, floors);
        double w = width - SLACK_PX;
        double h = height - SLACK_PX;
        double best = 0;
        int bestRows = 0;
        for (int rows = 1; rows <= rooms; rows++) {
            int columns = (int) Math.ceil(rooms / (double) rows);
            if (rows > 1 && (int) Math.ceil(rooms / (double) columns) < rows) continue; // same layout as fewer rows
            double needW = FLOORS_PAD_X + columns * TILE_WIDTH + (columns - 1) * TILE_GAP;
            double needH = HEADER + (statusLine ? STATUS_LINE : 0) + FLOORS_PAD_BOTTOM
                    + floorCount * (FLOOR_TITLE + rows * TILE_HEIGHT + (rows - 1) * TILE_GAP)
                    + (floorCount - 1) * FLOOR_SPACING;
            double snapW = SNAP_PX * 2 * columns;
            double snapH = SNAP_PX * (floorCount * (2 * rows + 1) + 4);
            double px = Math.min(MAX_FONT_PX, Math.min((w - snapW) / needW, (h - snapH) / needH));
            if (px > best + 1e-9) {
                best = px;
                bestRows = rows;
            }
        }
        if (best >= MIN_FONT_PX) {
            return new OverviewFit(best, bestRows);
        }
        return new OverviewFit(fallbackFontPx(width, height), 0);
    }

    /** The scrolling overview's font: 18 px at 1920×1080, following the window, never below 12 px. */
    static double fallbackFontPx(double width, double height) {
        return Math.max(FALLBACK_MIN_PX, FALLBACK_BASE_PX * Math.min(width / 1920, height / 1080));
    }
}
