package org.frischluft.ui.overview;

import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.frischluft.model.Light;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.RejectionsViewModel;

/**
 * The caretaker's overview: counts per state and the connection status at the top (a full-width grey
 * bar when the broker or the history store is in trouble), a muted "12 abgelehnt" once any message was
 * rejected (a click lists them over the rooms, for the admin), then one titled row
 * of room tiles per floor. Red tiles are filled red so they stand out at a glance; every tile also shows
 * its state as an icon and a word. Like the kiosk, only the root font follows the window (18 px at
 * 1920×1080, never below 12 px); when a school has more rooms than fit, the floors scroll.
 */
public class OverviewView extends BorderPane {
    static final double BASE_FONT_PX = 18;
    static final double MIN_FONT_PX = 12;

    private final OverviewViewModel vm;
    private HBox header;
    private VBox floors;
    private Label status;
    private Label connected;
    private Button rejections;
    private RejectionsPanel rejectionsPanel;

    public OverviewView(OverviewViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
    }

    private void createParts() {
        setId("overview");
        getStyleClass().add("overview");
        Label title = new Label(vm.schoolName());
        title.setId("overview-title");
        title.getStyleClass().add("overview-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        header = new HBox(title);
        header.getStyleClass().add("overview-header");
        for (Light l : OverviewViewModel.COUNT_ORDER) {
            Label chip = TileFactory.countChip(vm, l);
            chip.setMinWidth(Region.USE_PREF_SIZE);
            header.getChildren().add(chip);
        }
        status = new Label();
        status.setId("connection-status");
        status.getStyleClass().add("status-line");
        status.setMinWidth(0);
        connected = new Label(vm.messages().get("status.ok"));
        connected.setId("connection-ok");
        connected.getStyleClass().add("status-ok");
        connected.setMinWidth(Region.USE_PREF_SIZE);

        rejections = new Button();
        rejections.setId("rejections-count");
        rejections.getStyleClass().add("rejections-link");
        rejections.setMinWidth(Region.USE_PREF_SIZE);
        rejectionsPanel = new RejectionsPanel(vm.status().rejections());

        floors = new VBox();
        floors.getStyleClass().add("floors");
        for (OverviewViewModel.Floor f : vm.floors()) {
            Label name = new Label(f.name());
            name.getStyleClass().add("floor-title");
            FlowPane rooms = new FlowPane();
            rooms.getStyleClass().add("floor-rooms");
            rooms.setId("floor-" + f.name().replaceAll("[^\\p{L}\\p{N}]+", "-"));
            f.rooms().forEach(r -> rooms.getChildren().add(TileFactory.roomTile(r)));
            VBox floor = new VBox(name, rooms);
            floor.getStyleClass().add("floor");
            floors.getChildren().add(floor);
        }
    }

    private void layoutParts() {
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        header.getChildren().addAll(gap, rejections, connected);
        ScrollPane scroll = new ScrollPane(floors);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        status.setMaxWidth(Double.MAX_VALUE);
        setTop(new VBox(header, status));
        setCenter(new StackPane(scroll, rejectionsPanel));
    }

    private void bind() {
        AppStatusViewModel s = vm.status();
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> s.getConnectionText().isEmpty() ? s.getStoreText()
                        : s.getStoreText().isEmpty() ? s.getConnectionText() : s.getConnectionText() + " · " + s.getStoreText(),
                s.connectionTextProperty(), s.storeTextProperty()));
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        connected.visibleProperty().bind(status.visibleProperty().not());
        connected.managedProperty().bind(connected.visibleProperty());
        RejectionsViewModel r = vm.status().rejections();
        rejections.textProperty().bind(r.headerTextProperty());
        rejections.visibleProperty().bind(r.anyProperty());
        rejections.managedProperty().bind(rejections.visibleProperty());
        rejections.setOnAction(e -> rejectionsPanel.open());
        widthProperty().addListener((o, a, b) -> rescale());
        heightProperty().addListener((o, a, b) -> rescale());
        rescale();
    }

    private void rescale() {
        double w = getWidth() > 0 ? getWidth() : 1920;
        double h = getHeight() > 0 ? getHeight() : 1080;
        double px = Math.max(MIN_FONT_PX, BASE_FONT_PX * Math.min(w / 1920, h / 1080));
        setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", px));
    }
}
