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
import org.frischluft.ui.common.RoomOpener;
import org.frischluft.ui.common.RoomViewModel;

/**
 * The caretaker's overview: the school's name (with a violet "Demo — simulierte Schule" badge when the
 * rooms are simulated), counts per state, the clock and the connection status at the top (a full-width
 * grey bar when the broker or the history store is in trouble), a muted "12 abgelehnt" once any message
 * was rejected (a click lists them over the rooms, for the admin), then one titled row of room tiles per
 * floor. Red tiles are filled red so they stand out at a glance; every tile also shows its state as an
 * icon and a word. Like the kiosk, only the root font follows the window: {@link OverviewFit} picks it
 * from the window and the school's shape so the whole school is seen at once; a school too large for
 * that wraps and scrolls. With a room detail, a click, tap or Enter on a tile shows that room's CO2
 * history over the floors.
 */
public class OverviewView extends BorderPane {
    private final OverviewViewModel vm;
    private OverviewFit fit;
    private HBox titleRow;
    private HBox countsRow;
    private VBox floors;
    private Label status;
    private Label connected;
    private Label clock;
    private Button rejections;
    private RejectionsPanel rejectionsPanel;
    private final RoomOpener roomDetail;
    private final org.frischluft.ui.common.Overlay reports;
    private final java.util.Map<RoomViewModel, javafx.scene.Node> tiles = new java.util.IdentityHashMap<>();

    public OverviewView(OverviewViewModel vm) {
        this(vm, null);
    }

    /**
     * The overview whose room tiles open {@code roomDetail} (over the floors) on a click, a tap or Enter;
     * null for tiles that open nothing.
     */
    public OverviewView(OverviewViewModel vm, RoomOpener roomDetail) {
        this(vm, roomDetail, null);
    }

    /** As above, with a header button that opens {@code reports} (null: no button). */
    public OverviewView(OverviewViewModel vm, RoomOpener roomDetail, org.frischluft.ui.common.Overlay reports) {
        this.vm = vm;
        this.roomDetail = roomDetail;
        this.reports = reports;
        createParts();
        layoutParts();
        bind();
    }

    private void createParts() {
        setId("overview");
        getStyleClass().add("overview");
        Label title = new Label();
        title.textProperty().bind(vm.schoolNameProperty());
        title.setId("overview-title");
        title.getStyleClass().add("overview-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        titleRow = new HBox(title);
        titleRow.getStyleClass().add("overview-header-row");
        if (vm.demo()) {
            Label demo = new Label(vm.demoText());
            demo.setId("demo-badge");
            demo.getStyleClass().add("demo-badge");
            demo.setMinWidth(Region.USE_PREF_SIZE);
            titleRow.getChildren().add(demo);
        }
        countsRow = new HBox();
        countsRow.getStyleClass().add("overview-header-row");
        for (Light l : OverviewViewModel.COUNT_ORDER) {
            Label chip = TileFactory.countChip(vm, l);
            chip.setMinWidth(Region.USE_PREF_SIZE);
            countsRow.getChildren().add(chip);
        }
        status = new Label();
        status.setId("connection-status");
        status.getStyleClass().add("status-line");
        status.setMinWidth(0);
        connected = new Label(vm.messages().get("status.ok"));
        connected.setId("connection-ok");
        connected.getStyleClass().add("status-ok");
        connected.setMinWidth(Region.USE_PREF_SIZE);
        clock = new Label();
        clock.setId("overview-clock");
        clock.getStyleClass().add("overview-clock");
        clock.setMinWidth(Region.USE_PREF_SIZE);

        rejections = new Button();
        rejections.setId("rejections-count");
        rejections.getStyleClass().add("rejections-link");
        rejections.setMinWidth(Region.USE_PREF_SIZE);
        rejectionsPanel = new RejectionsPanel(vm.status().rejections());

        floors = new VBox();
        floors.getStyleClass().add("floors");
        showFloors(vm.floors());
    }

    /**
     * One titled row of tiles per group; regrouped when the school model changed. A room's tile is made once
     * and kept while the room is (tiles listen to their view model, so a new tile per change would pile up).
     */
    private void showFloors(java.util.List<OverviewViewModel.Floor> groups) {
        floors.getChildren().clear();
        java.util.Map<RoomViewModel, javafx.scene.Node> kept = new java.util.IdentityHashMap<>();
        for (OverviewViewModel.Floor f : groups) {
            Label name = new Label(f.name());
            name.getStyleClass().add("floor-title");
            FlowPane rooms = new FlowPane();
            rooms.getStyleClass().add("floor-rooms");
            rooms.setId("floor-" + f.name().replaceAll("[^\\p{L}\\p{N}]+", "-"));
            for (RoomViewModel r : f.rooms()) {
                javafx.scene.Node tile = tiles.get(r);
                if (tile == null) {
                    tile = roomDetail == null ? TileFactory.roomTile(r) : TileFactory.roomTile(r, t -> roomDetail.open(r, t));
                }
                kept.put(r, tile);
                rooms.getChildren().add(tile);
            }
            VBox floor = new VBox(name, rooms);
            floor.getStyleClass().add("floor");
            floors.getChildren().add(floor);
        }
        tiles.clear();
        tiles.putAll(kept);
    }

    private void layoutParts() {
        Region titleGap = new Region();
        HBox.setHgrow(titleGap, Priority.ALWAYS);
        titleRow.getChildren().addAll(titleGap, clock);
        if (reports != null) {
            Button open = new Button(reports.title());
            open.setId("open-reports");
            open.getStyleClass().addAll("rejections-link", "open-reports");
            open.setMinWidth(Region.USE_PREF_SIZE);
            open.setOnAction(e -> reports.open(open));
            titleRow.getChildren().add(titleRow.getChildren().size() - 1, open);
        }
        Region countsGap = new Region();
        HBox.setHgrow(countsGap, Priority.ALWAYS);
        countsRow.getChildren().addAll(countsGap, rejections, connected);
        VBox header = new VBox(titleRow, countsRow);
        header.getStyleClass().add("overview-header");
        ScrollPane scroll = new ScrollPane(floors);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        status.setMaxWidth(Double.MAX_VALUE);
        setTop(new VBox(header, status));
        StackPane center = new StackPane(scroll, rejectionsPanel);
        if (roomDetail != null) center.getChildren().add(roomDetail.node());
        if (reports != null) center.getChildren().add(reports.node());
        setCenter(center);
    }

    private void bind() {
        AppStatusViewModel s = vm.status();
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> java.util.stream.Stream.of(s.getConnectionText(), s.getStoreText(), s.getSchoolText())
                        .filter(t -> !t.isEmpty()).collect(java.util.stream.Collectors.joining(" · ")),
                s.connectionTextProperty(), s.storeTextProperty(), s.schoolTextProperty()));
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        connected.visibleProperty().bind(s.connectionTextProperty().isEmpty().and(s.storeTextProperty().isEmpty()));
        connected.managedProperty().bind(connected.visibleProperty());
        RejectionsViewModel r = vm.status().rejections();
        rejections.textProperty().bind(r.headerTextProperty());
        rejections.visibleProperty().bind(r.anyProperty());
        rejections.managedProperty().bind(rejections.visibleProperty());
        rejections.setOnAction(e -> rejectionsPanel.open());
        clock.textProperty().bind(s.clockTextProperty());
        widthProperty().addListener((o, a, b) -> rescale());
        heightProperty().addListener((o, a, b) -> rescale());
        status.visibleProperty().addListener((o, a, b) -> rescale());
        vm.floorsProperty().addListener((o, a, groups) -> {
            showFloors(groups);
            rescale();
        });
        rescale();
    }

    /** Only the root font follows the window and the school's shape; everything else is em. */
    private void rescale() {
        double w = getWidth() > 0 ? getWidth() : 1920;
        double h = getHeight() > 0 ? getHeight() : 1080;
        fit = OverviewFit.choose(w, h, vm.longestFloor(), vm.floors().size(), status.isVisible());
        setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", fit.fontPx()));
    }

    /** The root font and rows chosen for the current window. */
    OverviewFit fit() {
        return fit;
    }
}
