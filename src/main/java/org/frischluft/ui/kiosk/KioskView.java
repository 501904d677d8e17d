package org.frischluft.ui.kiosk;

import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.Brightness;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.frischluft.model.Light;
import org.frischluft.ui.common.RoomViewModel;
import org.frischluft.ui.common.Theme;
import org.frischluft.ui.common.TrendLabel;

/**
 * The kiosk screen of one room, readable from the back of a classroom: a position-coded traffic light
 * (red top, yellow middle, green bottom; blue lights the bottom lamp in blue; grey leaves all dark with a
 * question mark), an icon in the lit lamp, the words (and beside them the direction of a colour change the
 * light still holds back, "↑ steigt"), the CO2 value, its age, the coach line, room name,
 * clock, temperature and humidity, a status line when the broker or the history store is in trouble, and a
 * "Demo" badge beside the clock when the room is simulated.
 * A thin view: everything shown comes from the {@link KioskViewModel}; only the root font follows the
 * window size (20 px at 1920×1080), all other sizes are em in {@code theme.css}.
 */
public class KioskView extends StackPane {
    /** Root font at the design size 1920×1080. */
    static final double BASE_FONT_PX = 20;
    static final double DESIGN_WIDTH = 1920;
    static final double DESIGN_HEIGHT = 1080;
    private static final PseudoClass LIT = PseudoClass.getPseudoClass("lit");

    private final KioskViewModel vm;

    private Label roomName;
    private Label clock;
    private StackPane lampRed;
    private StackPane lampYellow;
    private StackPane lampGreen;
    private VBox lamp;
    private Label headline;
    private Label trend;
    private Label co2;
    private Label age;
    private Label coach;
    private Label climate;
    private Label signs;
    private Label status;
    private Region dimmer;
    private BorderPane content;

    public KioskView(KioskViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
    }

    public KioskViewModel viewModel() {
        return vm;
    }

    private void createParts() {
        getStyleClass().add("kiosk");
        setId("kiosk");
        roomName = label("room-name", "room-name");
        clock = label("clock", "clock");
        lampRed = lampLight("lamp-red");
        lampYellow = lampLight("lamp-yellow");
        lampGreen = lampLight("lamp-green");
        lamp = new VBox(lampRed, lampYellow, lampGreen);
        lamp.setId("lamp");
        lamp.getStyleClass().add("lamp");
        lamp.setMaxHeight(Region.USE_PREF_SIZE);
        headline = label("headline", "headline");
        trend = TrendLabel.of(vm.room(), "kiosk-trend");
        trend.setId("trend");
        co2 = label("co2", "co2");
        age = label("age", "age");
        coach = label("coach", "coach");
        climate = label("climate", "climate");
        signs = label("signs", "signs");
        status = label("status", "status-line");
        dimmer = new Region();
        dimmer.setId("dimmer");
        dimmer.getStyleClass().add("dimmer");
        dimmer.setMouseTransparent(true);
    }

    private static Label label(String id, String styleClass) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(styleClass);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static StackPane lampLight(String id) {
        Region icon = new Region();
        icon.getStyleClass().add("state-icon");
        StackPane light = new StackPane(icon);
        light.setId(id);
        light.getStyleClass().add("lamp-light");
        return light;
    }

    private void layoutParts() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(roomName, spacer, clock);
        if (!vm.demoText().isEmpty()) {
            Label demo = label("demo-badge", "demo-badge");
            demo.setText(vm.demoText());
            header.getChildren().add(2, demo);
        }
        header.getStyleClass().add("kiosk-header");

        coach.setMinWidth(0);
        coach.setMaxWidth(Double.MAX_VALUE);
        HBox secondary = new HBox(climate, signs);
        secondary.getStyleClass().add("kiosk-secondary");
        // the direction of a pending change right beside the words, "Gute Luft ↑ steigt"; where the words are
        // long and the screen narrow ("Fenster schließen" at 1280×800) it goes under them rather than off screen
        FlowPane state = new FlowPane(headline, trend);
        state.getStyleClass().add("kiosk-state");
        state.setRowValignment(VPos.BASELINE);
        state.setMinWidth(0);
        VBox info = new VBox(state, co2, age, coach, secondary);
        info.getStyleClass().add("kiosk-info");
        HBox.setHgrow(info, Priority.ALWAYS);
        info.setMinWidth(0);

        HBox body = new HBox(lamp, info);
        body.getStyleClass().add("kiosk-body");
        body.setAlignment(Pos.CENTER_LEFT);

        content = new BorderPane(body, header, null, status, null);
        status.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(content, dimmer);
    }

    private void bind() {
        RoomViewModel room = vm.room();
        roomName.textProperty().bind(room.roomNameProperty());
        clock.textProperty().bind(vm.clockTextProperty());
        headline.textProperty().bind(room.headlineProperty());
        co2.textProperty().bind(room.co2TextProperty());
        age.textProperty().bind(room.ageTextProperty());
        coach.textProperty().bind(room.coachLineProperty());
        climate.textProperty().bind(room.climateTextProperty());
        signs.textProperty().bind(room.signsTextProperty());
        for (Label l : List.of(coach, climate, signs)) {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }

        status.textProperty().bind(Bindings.createStringBinding(() -> join(vm.status().getConnectionText(), vm.status().getStoreText()),
                vm.status().connectionTextProperty(), vm.status().storeTextProperty()));
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        room.lightProperty().addListener((obs, old, light) -> showLight(light));
        showLight(room.getLight());
        vm.brightnessProperty().addListener((obs, old, b) -> showBrightness(b));
        showBrightness(vm.getBrightness());

        widthProperty().addListener((obs, o, n) -> rescale());
        heightProperty().addListener((obs, o, n) -> rescale());
        rescale();
    }

    private static String join(String a, String b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return a + "\n" + b;
    }

    private void showLight(Light light) {
        Map<StackPane, Boolean> lit = Map.of(
                lampRed, light == Light.RED,
                lampYellow, light == Light.YELLOW || light == Light.GREY,
                lampGreen, light == Light.GREEN || light == Light.BLUE);
        lit.forEach((lampLight, on) -> {
            lampLight.pseudoClassStateChanged(LIT, on);
            Theme.showLight(lampLight, light);
            Theme.showLight(lampLight.getChildren().get(0), light);
        });
        for (Label l : List.of(headline, co2, age)) {
            Theme.showLight(l, light);
        }
    }

    private void showBrightness(Brightness b) {
        for (Brightness each : Brightness.values()) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass(each.id()), each == b);
        }
    }

    /** Only the root font follows the window; everything else is em. */
    private void rescale() {
        double w = getWidth() > 0 ? getWidth() : DESIGN_WIDTH;
        double h = getHeight() > 0 ? getHeight() : DESIGN_HEIGHT;
        double px = Math.max(8, BASE_FONT_PX * Math.min(w / DESIGN_WIDTH, h / DESIGN_HEIGHT));
        setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;", px));
    }
}
