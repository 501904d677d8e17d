package org.frischluft.ui.room;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.Tile.SkinType;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.frischluft.ui.common.Palette;

/**
 * The one place the room detail's TilesFX tiles are made. TilesFX skins paint from Java colour properties,
 * not CSS, so every colour comes from {@link Palette}. The chart itself is a plain JavaFX line chart inside a
 * {@code CUSTOM} tile: TilesFX's {@code SMOOTHED_CHART} takes category (text) x values and smooths the curve,
 * which would round off the very peaks a caretaker looks for. The tile's own title and text are not used:
 * TilesFX sizes them from the tile's size (about 6 % of its smaller side), which on a wide chart tile gave a
 * 45 px title at 1920×1080 — and only after the first change of the title, 11 px before it. Title and legend
 * are labels in em inside the tile instead, like every other text.
 */
final class RoomTiles {
    private RoomTiles() {
    }

    /** The history tile: {@code title} on top, {@code chart} in the middle, {@code legend} underneath. */
    static Tile historyTile(Node chart, ObservableStringValue title, ObservableStringValue legend) {
        Label titleLabel = new Label();
        titleLabel.setId("room-detail-chart-title");
        titleLabel.getStyleClass().add("history-title");
        titleLabel.textProperty().bind(title);
        Label legendLabel = new Label();
        legendLabel.setId("room-detail-legend");
        legendLabel.getStyleClass().add("history-legend");
        legendLabel.textProperty().bind(legend);
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox content = new VBox(titleLabel, chart, legendLabel);
        content.getStyleClass().add("history-content");
        Tile tile = TileBuilder.create()
                .skinType(SkinType.CUSTOM)
                .graphic(content)
                .backgroundColor(Palette.SURFACE)
                .foregroundColor(Palette.FG)
                .borderColor(Palette.SURFACE)
                .titleColor(Palette.FG)
                .title("")
                .textVisible(false)
                .roundedCorners(true)
                .build();
        tile.setId("room-detail-tile");
        tile.getStyleClass().add("history-tile");
        tile.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        return tile;
    }
}
