package org.frischluft.ui.common;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * The direction of a pending colour change beside a light's words, as an arrow and a word ("↑ steigt"),
 * for the overview's tiles and the kiosk alike. The arrow's shape and every size and colour come from
 * {@code theme.css} (style classes {@code trend} and {@code trend-icon}, pseudo-classes {@code :rising} and
 * {@code :falling}).
 */
public final class TrendLabel {
    private TrendLabel() {
    }

    /**
     * A label bound to {@code room}'s pending direction, with style classes {@code trend} and
     * {@code styleClass}; hidden and not managed while nothing is pending, never shortened.
     */
    public static Label of(RoomViewModel room, String styleClass) {
        Region arrow = new Region();
        arrow.getStyleClass().add("trend-icon");
        Label trend = new Label();
        trend.getStyleClass().addAll("trend", styleClass);
        trend.setGraphic(arrow);
        trend.setMinWidth(Region.USE_PREF_SIZE);
        trend.textProperty().bind(room.trendTextProperty());
        trend.visibleProperty().bind(room.trendProperty().isNotNull());
        trend.managedProperty().bind(trend.visibleProperty());
        room.trendProperty().addListener((obs, o, n) -> {
            Theme.showTrend(trend, n);
            Theme.showTrend(arrow, n);
        });
        Theme.showTrend(trend, room.getTrend());
        Theme.showTrend(arrow, room.getTrend());
        return trend;
    }
}
