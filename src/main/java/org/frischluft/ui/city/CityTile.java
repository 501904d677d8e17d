package org.frischluft.ui.city;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.frischluft.model.Light;
import org.frischluft.ui.common.RoomViewModel;
import org.frischluft.ui.common.Theme;

/**
 * One reusable room tile of a site's drill-down: a cell keeps its tiles and shows another room in them as it
 * scrolls ({@link #show}), so a site of any size costs the tiles on screen. Name, state icon and words, CO2,
 * age; the state also as a pseudo-class (red tiles filled). Style classes {@code room-tile city-tile}.
 */
final class CityTile extends VBox {
    private static final java.util.regex.Pattern SEPARATOR = java.util.regex.Pattern.compile("\\s+[—–·:|-]\\s+");
    private final Label name = label("tile-name");
    private final Label subtitle = label("tile-subtitle");
    private final ChangeListener<String> onName = (o, a, n) -> name(n);
    private final Label state = label("tile-state");
    private final Region icon = new Region();
    private final Label co2 = label("tile-co2");
    private final Label age = label("tile-age");
    private final ChangeListener<Light> onLight = (o, a, l) -> light(l);
    private RoomViewModel shown;

    CityTile() {
        icon.getStyleClass().add("state-icon");
        state.setGraphic(icon);
        Label unit = label("tile-unit");
        HBox co2Row = new HBox(co2, unit);
        co2Row.getStyleClass().add("tile-co2-row");
        co2Row.setAlignment(Pos.BASELINE_LEFT);
        co2.setMinWidth(Region.USE_PREF_SIZE);
        unit.setMinWidth(Region.USE_PREF_SIZE);
        unit.setText("ppm");
        subtitle.setMinWidth(0);
        getChildren().addAll(name, subtitle, state, co2Row, age);
        getStyleClass().addAll("room-tile", "city-tile", "openable");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.BUTTON);
    }

    /** Shows {@code room} (null: nothing, hidden). */
    void show(RoomViewModel room) {
        if (shown == room) return;
        if (shown != null) {
            shown.lightProperty().removeListener(onLight);
            shown.roomNameProperty().removeListener(onName);
        }
        shown = room;
        state.textProperty().unbind();
        co2.textProperty().unbind();
        age.textProperty().unbind();
        setVisible(room != null);
        if (room == null) {
            setId(null);
            return;
        }
        setId("city-tile-" + room.id().value());
        room.roomNameProperty().addListener(onName);
        name(room.roomNameProperty().get());
        state.textProperty().bind(room.shortHeadlineProperty());
        co2.textProperty().bind(room.co2ValueProperty());
        age.textProperty().bind(room.ageTextProperty());
        setAccessibleText(room.roomNameProperty().get());
        room.lightProperty().addListener(onLight);
        light(room.getLight());
    }

    /** "R 110 — Physik": the number in bold, the rest smaller below (as the overview's tiles). */
    private void name(String full) {
        String n = full == null ? "" : full.strip();
        java.util.regex.Matcher m = SEPARATOR.matcher(n);
        boolean split = m.find() && m.start() > 0 && m.end() < n.length();
        name.setText(split ? n.substring(0, m.start()) : n);
        subtitle.setText(split ? n.substring(m.end()) : " ");
    }

    RoomViewModel shown() {
        return shown;
    }

    private void light(Light l) {
        Theme.showLight(this, l);
        Theme.showLight(icon, l);
    }

    private static Label label(String styleClass) {
        Label l = new Label();
        l.getStyleClass().add(styleClass);
        return l;
    }
}
