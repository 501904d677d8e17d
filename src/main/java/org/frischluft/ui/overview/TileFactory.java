package org.frischluft.ui.overview;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.frischluft.model.Light;
import org.frischluft.ui.common.RoomViewModel;
import org.frischluft.ui.common.Theme;

/**
 * The one place the overview's tiles are made. They are plain regions styled by {@code theme.css}
 * rather than TilesFX tiles: a tile here must show name, state icon and word, CO2, age and battery or
 * secondary signs at once, with the state carried by pseudo-classes. A TilesFX 17.1.21 NUMBER tile
 * rendered at 155×160 px (eight per row on a 1366×768 laptop) drew the room name at about 8 px, under
 * the value, and the age at about 7 px, had no place for an icon, and paints from Java colour
 * properties, bypassing the theme. Should a TilesFX tile be added later, its colours come from
 * {@link org.frischluft.ui.common.Palette}.
 */
public final class TileFactory {
    private static final PseudoClass ZERO = PseudoClass.getPseudoClass("zero");

    private TileFactory() {
    }

    /** A room's tile, bound to its view model; id {@code tile-<room id>}, style class {@code room-tile}. */
    public static Region roomTile(RoomViewModel room) {
        Label name = label("tile-name");
        name.textProperty().bind(room.roomNameProperty());

        Region icon = new Region();
        icon.getStyleClass().add("state-icon");
        Label state = label("tile-state");
        state.setGraphic(icon);
        state.textProperty().bind(room.shortHeadlineProperty());

        Label co2 = label("tile-co2");
        co2.textProperty().bind(room.co2ValueProperty());
        co2.setMinWidth(Region.USE_PREF_SIZE);
        Label unit = label("tile-unit");
        unit.setText(room.messages().get("co2.unit"));
        unit.setMinWidth(Region.USE_PREF_SIZE);
        HBox co2Row = new HBox(co2, unit);
        co2Row.getStyleClass().add("tile-co2-row");
        co2Row.setAlignment(Pos.BASELINE_LEFT);

        Label age = label("tile-age");
        age.textProperty().bind(room.ageTextProperty());
        age.setMinHeight(Region.USE_PREF_SIZE); // "letzter Wert vor 26 min" wraps rather than being cut
        Label signs = label("tile-signs");
        signs.textProperty().bind(Bindings.createStringBinding(() -> joinSigns(room),
                room.climateTextProperty(), room.signsTextProperty()));
        signs.setMinHeight(Region.USE_PREF_SIZE);
        Label battery = label("tile-battery");
        battery.textProperty().bind(room.batteryTextProperty());
        battery.visibleProperty().bind(room.lowBatteryProperty());
        battery.managedProperty().bind(battery.visibleProperty());

        VBox tile = new VBox(name, state, co2Row, age, signs, battery);
        tile.setId("tile-" + room.id().value());
        tile.getStyleClass().add("room-tile");
        room.lightProperty().addListener((obs, old, light) -> {
            Theme.showLight(tile, light);
            Theme.showLight(icon, light);
        });
        Theme.showLight(tile, room.getLight());
        Theme.showLight(icon, room.getLight());
        return tile;
    }

    private static String joinSigns(RoomViewModel room) {
        String signs = room.getSignsText();
        String climate = room.getClimateText();
        if (signs.isEmpty()) return climate;
        if (climate.isEmpty()) return signs;
        return climate + room.messages().get("overview.separator") + signs;
    }

    /** A count chip for the header: icon and "3 rot", id {@code count-<light>}, greyed when zero. */
    public static Label countChip(OverviewViewModel vm, Light light) {
        Region icon = new Region();
        icon.getStyleClass().add("state-icon");
        Theme.showLight(icon, light);
        Label chip = label("count-chip");
        chip.setId("count-" + light.id());
        chip.setGraphic(icon);
        Theme.showLight(chip, light);
        chip.textProperty().bind(Bindings.createStringBinding(() -> vm.countText(light, vm.count(light)), vm.countProperty(light)));
        chip.pseudoClassStateChanged(ZERO, vm.count(light) == 0);
        vm.countProperty(light).addListener((obs, o, n) -> chip.pseudoClassStateChanged(ZERO, n.intValue() == 0));
        if (light == Light.BLUE) {
            chip.visibleProperty().bind(vm.countProperty(light).greaterThan(0));
            chip.managedProperty().bind(chip.visibleProperty());
        }
        return chip;
    }

    private static Label label(String styleClass) {
        Label l = new Label();
        l.getStyleClass().add(styleClass);
        return l;
    }
}
