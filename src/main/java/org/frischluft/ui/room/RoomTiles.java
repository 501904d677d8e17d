package org.frischluft.ui.room;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.Tile.SkinType;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.text.TextAlignment;
import org.frischluft.ui.common.Palette;

/**
 * The one place the room detail's TilesFX tiles are made. TilesFX skins paint from Java colour properties,
 * not CSS, so every colour comes from {@link Palette}. The chart itself is a plain JavaFX line chart inside a
 * {@code CUSTOM} tile: TilesFX's {@code SMOOTHED_CHART} takes category (text) x values and smooths the curve,
 * which would round off the very peaks a caretaker looks for; the tile gives the chart its frame, title and
 * legend line in the TilesFX look.
 */
final class RoomTiles {
    private RoomTiles() {
    }

    /** The history tile: {@code title} on top, {@code chart} in the middle, {@code legend} underneath. */
    static Tile historyTile(Node chart, ObservableStringValue title, ObservableStringValue legend) {
        Tile tile = TileBuilder.create()
                .skinType(SkinType.CUSTOM)
                .graphic(chart)
                .backgroundColor(Palette.SURFACE)
                .foregroundColor(Palette.FG)
                .titleColor(Palette.FG)
                .textColor(Palette.MUTED)
                .borderColor(Palette.SURFACE)
                .textVisible(true)
                .textAlignment(TextAlignment.LEFT)
                .roundedCorners(true)
                .build();
        tile.setId("room-detail-tile");
        tile.getStyleClass().add("history-tile");
        tile.titleProperty().bind(title);
        tile.textProperty().bind(legend);
        tile.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        return tile;
    }
}
