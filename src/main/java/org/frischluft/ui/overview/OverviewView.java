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
    private Button unplaced;
    private UnplacedPanel unplacedPanel;
    private final RoomOpener roomDetail;
    private final org.frischluft.ui.common.Overlay reports;
    private final java.util.Map<RoomViewModel, javafx.scene.Node> tiles = new java.util.IdentityHashMap<>();
    private AlertsPanel alertsPanel;
    private Button alertsToggle;
    private Label noMatch;
    private Boolean alertsOpen; // decided by the first window width, then by the caretaker
    private boolean desktopNotifications;

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
            chip.setOnMouseClicked(e -> vm.toggleLight(l)); // show only this state; a second click shows all
            vm.lightFilterProperty().addListener((o, a, b) -> chip.pseudoClassStateChanged(SELECTED, b == l));
            countsRow.getChildren().add(chip);
        }
        javafx.scene.control.ToggleButton problems = new javafx.scene.control.ToggleButton(vm.messages().get("filter.problems"));
        problems.setId("filter-problems");
        problems.getStyleClass().add("filter-toggle");
        problems.setMinWidth(Region.USE_PREF_SIZE);
        problems.selectedProperty().bindBidirectional(vm.onlyProblemsProperty());
        javafx.scene.control.ToggleButton severity = new javafx.scene.control.ToggleButton(vm.messages().get("filter.severity"));
        severity.setId("filter-severity");
        severity.getStyleClass().add("filter-toggle");
        severity.setMinWidth(Region.USE_PREF_SIZE);
        severity.selectedProperty().bindBidirectional(vm.bySeverityProperty());
        javafx.scene.control.TextField search = new javafx.scene.control.TextField();
        search.setId("room-search");
        search.getStyleClass().add("room-search");
        search.setPromptText(vm.messages().get("filter.search"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setMinWidth(Region.USE_PREF_SIZE);
        countsRow.getChildren().addAll(problems, severity, search);
        noMatch = new Label(vm.messages().get("filter.none"));
        noMatch.setId("filter-none");
        noMatch.getStyleClass().add("filter-none");
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
        unplaced = new Button();
        unplaced.setId("unplaced-count");
        unplaced.getStyleClass().add("rejections-link");
        unplaced.setMinWidth(Region.USE_PREF_SIZE);
        unplacedPanel = new UnplacedPanel(vm.status().unplaced());

        if (vm.alerts() != null) {
            alertsPanel = new AlertsPanel(vm.alerts(), vm.messages());
            alertsToggle = new Button();
            alertsToggle.setId("alerts-toggle");
            alertsToggle.getStyleClass().add("alerts-toggle");
            alertsToggle.setMinWidth(Region.USE_PREF_SIZE);
            alertsToggle.textProperty().bind(vm.alerts().headerTextProperty());
            alertsToggle.setOnAction(e -> showAlerts(!Boolean.TRUE.equals(alertsOpen)));
        }
        floors = new VBox();
        floors.getStyleClass().add("floors");
        showFloors(vm.shown());
    }

    private static final javafx.css.PseudoClass SELECTED = javafx.css.PseudoClass.getPseudoClass("selected");

    /** Shows or hides the alert list beside the rooms (the rooms make room for it). */
    void showAlerts(boolean open) {
        if (alertsPanel == null) return;
        alertsOpen = open;
        setRight(open ? alertsPanel : null);
        rescale();
    }

    /** Also shows each newly opened alert as a desktop notification (ControlsFX) in the screen's corner. */
    public void notifyOnDesktop(boolean on) {
        desktopNotifications = on;
    }

    private void notifyDesktop(java.util.List<org.frischluft.ui.common.AlertsViewModel.Row> fresh) {
        if (!desktopNotifications || getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) return;
        for (org.frischluft.ui.common.AlertsViewModel.Row r : fresh) {
            try {
                org.controlsfx.control.Notifications.create()
                        .owner(getScene().getWindow())
                        .title(vm.messages().get("notify.title", r.room()))
                        .text(r.title() + "\n" + r.detail())
                        .position(javafx.geometry.Pos.TOP_RIGHT)
                        .hideAfter(javafx.util.Duration.seconds(30))
                        .showWarning();
            } catch (RuntimeException e) { // a notification is a courtesy: the list beside the rooms has it anyway
                org.slf4j.LoggerFactory.getLogger(OverviewView.class).warn("desktop notification failed: {}", e.toString());
            }
        }
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
        if (groups.isEmpty() && vm.filtering()) floors.getChildren().add(noMatch);
        // tiles of rooms filtered out are kept: they come back with the filter
        java.util.Set<RoomViewModel> school = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        vm.floors().forEach(f -> school.addAll(f.rooms()));
        for (java.util.Map.Entry<RoomViewModel, javafx.scene.Node> e : tiles.entrySet()) {
            if (school.contains(e.getKey())) kept.putIfAbsent(e.getKey(), e.getValue());
        }
        tiles.clear();
        tiles.putAll(kept);
    }

    private void layoutParts() {
        Region titleGap = new Region();
        HBox.setHgrow(titleGap, Priority.ALWAYS);
        titleRow.getChildren().addAll(titleGap, unplaced); // for the admin, beside the reports: the counts row is full
        if (reports != null) {
            Button open = new Button(reports.title());
            open.setId("open-reports");
            open.getStyleClass().addAll("rejections-link", "open-reports");
            open.setMinWidth(Region.USE_PREF_SIZE);
            open.setOnAction(e -> reports.open(open));
            titleRow.getChildren().add(open);
        }
        if (alertsToggle != null) titleRow.getChildren().add(alertsToggle);
        titleRow.getChildren().add(clock);
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
        StackPane center = new StackPane(scroll, rejectionsPanel, unplacedPanel);
        if (roomDetail != null) center.getChildren().add(roomDetail.node());
        if (reports != null) center.getChildren().add(reports.node());
        setCenter(center);
    }

    /**
     * Adds a button to the header, before the clock (the admin area: issue 10), with {@code shortcut} (e.g.
     * {@code Shortcut+Shift+A}) once the overview is in a scene; null for none.
     */
    public Button addHeaderButton(String id, String text, String shortcut, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("rejections-link");
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        titleRow.getChildren().add(Math.max(0, titleRow.getChildren().indexOf(clock)), b);
        if (shortcut != null) {
            javafx.scene.input.KeyCombination keys = javafx.scene.input.KeyCombination.valueOf(shortcut);
            sceneProperty().addListener((o, a, scene) -> {
                if (scene != null) scene.getAccelerators().put(keys, action);
            });
            if (getScene() != null) getScene().getAccelerators().put(keys, action);
        }
        return b;
    }

    private void bind() {
        AppStatusViewModel s = vm.status();
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> java.util.stream.Stream.of(s.getConnectionText(), s.getWaitingText(), s.getStoreText(), s.getSchoolText())
                        .filter(t -> !t.isEmpty()).collect(java.util.stream.Collectors.joining(" · ")),
                s.connectionTextProperty(), s.waitingTextProperty(), s.storeTextProperty(), s.schoolTextProperty()));
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        connected.visibleProperty().bind(s.connectionTextProperty().isEmpty().and(s.storeTextProperty().isEmpty())
                .and(s.waitingTextProperty().isEmpty()));
        connected.managedProperty().bind(connected.visibleProperty());
        RejectionsViewModel r = vm.status().rejections();
        rejections.textProperty().bind(r.headerTextProperty());
        rejections.visibleProperty().bind(r.anyProperty());
        rejections.managedProperty().bind(rejections.visibleProperty());
        rejections.setOnAction(e -> rejectionsPanel.open());
        org.frischluft.ui.common.UnplacedViewModel u = vm.status().unplaced();
        unplaced.textProperty().bind(u.headerTextProperty());
        unplaced.visibleProperty().bind(u.anyProperty());
        unplaced.managedProperty().bind(unplaced.visibleProperty());
        unplaced.setOnAction(e -> unplacedPanel.open());
        clock.textProperty().bind(s.clockTextProperty());
        widthProperty().addListener((o, a, b) -> rescale());
        heightProperty().addListener((o, a, b) -> rescale());
        status.visibleProperty().addListener((o, a, b) -> rescale());
        vm.shownProperty().addListener((o, a, groups) -> {
            showFloors(groups);
            rescale();
        });
        if (vm.alerts() != null) {
            vm.alerts().freshProperty().addListener((o, a, fresh) -> notifyDesktop(fresh));
            vm.alerts().unacknowledgedProperty().addListener((o, a, n) -> org.frischluft.ui.common.Theme.showLight(alertsToggle,
                    n.intValue() > 0 ? Light.RED : null));
            org.frischluft.ui.common.Theme.showLight(alertsToggle, vm.alerts().unacknowledgedProperty().get() > 0 ? Light.RED : null);
        }
        rescale();
    }

    /** From this window width on, the alert list is open beside the rooms at start. */
    static final double WIDE_PX = 1600;

    /** Only the root font follows the window and the school's shape; everything else is em. */
    private void rescale() {
        double w = getWidth() > 0 ? getWidth() : 1920;
        double h = getHeight() > 0 ? getHeight() : 1080;
        if (alertsPanel != null && alertsOpen == null && getWidth() > 0) {
            showAlerts(getWidth() >= WIDE_PX); // beside the rooms on a desktop screen; one click away on a laptop
            return;
        }
        if (alertsPanel != null && Boolean.TRUE.equals(alertsOpen)) {
            double panel = Math.max(300, Math.min(440, w * 0.24));
            alertsPanel.setMinWidth(panel);
            alertsPanel.setPrefWidth(panel);
            alertsPanel.setMaxWidth(panel);
            w -= panel;
        }
        fit = OverviewFit.choose(w, h, vm.longestFloor(), vm.shown().size(), status.isVisible());
        setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", fit.fontPx()));
    }

    /** The alert list's view model (tests tick it). */
    org.frischluft.ui.common.AlertsViewModel alertsViewModelForTest() {
        return vm.alerts();
    }

    /** The root font and rows chosen for the current window. */
    OverviewFit fit() {
        return fit;
    }
}
