package org.frischluft.ui.overview;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.frischluft.model.Light;
import org.frischluft.ui.common.RoomViewModel;
import org.frischluft.ui.common.Theme;
import org.frischluft.ui.common.TrendLabel;

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

    /** Where a room name splits into its number and the rest: "R 110 — Physik", "Raum 204 · 7b". */
    private static final Pattern NAME_SEPARATOR = Pattern.compile("\\s+[—–·:|-]\\s+");

    /**
     * A room's tile, bound to its view model; id {@code tile-<room id>}, style class {@code room-tile}.
     * Top to bottom: the room's number in bold and the rest of its name smaller below ("R 110" over
     * "Physik"), state icon and words, CO2, the direction of a pending change ("↑ steigt", in place of the
     * climate line while it shows), age, one compact climate line or, in its place, a low battery.
     */
    public static Region roomTile(RoomViewModel room) {
        Label name = label("tile-name");
        name.setWrapText(true);
        Label subtitle = label("tile-subtitle");
        subtitle.setMinWidth(0);
        room.roomNameProperty().addListener((obs, o, n) -> showName(n, name, subtitle));
        showName(room.roomNameProperty().get(), name, subtitle);
        VBox nameBox = new VBox(name, subtitle);
        nameBox.getStyleClass().add("tile-name-box");

        Region icon = new Region();
        icon.getStyleClass().add("state-icon");
        Label state = label("tile-state");
        state.setGraphic(icon);
        state.textProperty().bind(room.shortHeadlineProperty());
        // the direction of a change the light still holds back, right under the value it explains ("1 046 ppm"
        // over "↑ steigt" on a green tile); a tile has no width for it beside the words, and no height for
        // another line, so it takes the climate line's place while the change is pending
        Label trend = TrendLabel.of(room, "tile-trend");

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
        // temperature and humidity on one calm line; a grey room's climate is as old as its CO2, so it goes
        Label climate = label("tile-climate");
        climate.textProperty().bind(room.tileClimateTextProperty());
        // a low battery is the caretaker's task and takes the climate line's place: a tile has height for one of them
        climate.visibleProperty().bind(climate.textProperty().isNotEmpty().and(room.lightProperty().isNotEqualTo(Light.GREY))
                .and(room.trendProperty().isNull()).and(room.lowBatteryProperty().not()));
        climate.managedProperty().bind(climate.visibleProperty());
        Label battery = label("tile-battery");
        battery.textProperty().bind(room.batteryTextProperty());
        battery.setMinHeight(Region.USE_PREF_SIZE); // never squeezed to nothing by the fixed tile height
        battery.visibleProperty().bind(room.lowBatteryProperty());
        battery.managedProperty().bind(battery.visibleProperty());

        VBox tile = new VBox(nameBox, state, co2Row, trend, age, climate, battery);
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

    /**
     * A room's tile as {@link #roomTile(RoomViewModel)} that also opens something for the room: a click or
     * tap, or Enter or Space while it has the keyboard focus (tiles take part in Tab order), calls
     * {@code onOpen} with the tile, which then has the focus. Style class {@code openable}.
     */
    public static Region roomTile(RoomViewModel room, Consumer<Region> onOpen) {
        Region tile = roomTile(room);
        tile.getStyleClass().add("openable");
        tile.setFocusTraversable(true);
        tile.setAccessibleRole(AccessibleRole.BUTTON);
        tile.setAccessibleText(room.roomNameProperty().get());
        tile.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                tile.requestFocus();
                onOpen.accept(tile);
            }
        });
        tile.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                e.consume();
                onOpen.accept(tile);
            }
        });
        return tile;
    }

    private static void showName(String full, Label name, Label subtitle) {
        String[] parts = nameParts(full);
        name.setText(parts[0]);
        subtitle.setText(parts[1]);
        subtitle.setVisible(!parts[1].isEmpty());
        subtitle.setManaged(subtitle.isVisible());
    }

    /**
     * A room name as number and rest, split at the first spaced dash, dot or colon: "R 110 — Physik" gives
     * {"R 110", "Physik"}; a name without one ("Aula / Mensa") stays whole, with an empty rest.
     */
    static String[] nameParts(String name) {
        String n = name == null ? "" : name.strip();
        Matcher m = NAME_SEPARATOR.matcher(n);
        if (m.find() && m.start() > 0 && m.end() < n.length()) {
            return new String[] {n.substring(0, m.start()), n.substring(m.end())};
        }
        return new String[] {n, ""};
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
