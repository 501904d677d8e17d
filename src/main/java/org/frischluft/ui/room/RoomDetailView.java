package org.frischluft.ui.room;

import eu.hansolo.tilesfx.Tile;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.SegmentedButton;
import org.frischluft.model.Light;
import org.frischluft.rooms.Profile;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomOpener;
import org.frischluft.ui.common.RoomViewModel;
import org.frischluft.ui.common.Theme;

/**
 * The caretaker's room detail, laid over the overview's floors (the header with counts and connection stays
 * visible): the room's name and its light, value and age now; a ControlsFX {@link SegmentedButton} for today,
 * 7 days or 30 days; one bold line saying how long the room was above the threshold and in how many hours
 * (days, weeks) the mean was; the CO2 chart with the yellow and red bands in a TilesFX tile; and a table of
 * mean, peak and minutes above per hour (school day or week), each row with its state as icon and colour.
 *
 * <p>It works only while open: opening loads, a timeline reloads once a minute, closing stops it and the view
 * model forgets everything. Esc, the close button or a click beside the panel closes it, and the focus goes
 * back to the tile that opened it.
 */
public final class RoomDetailView extends StackPane implements RoomOpener {
    /** How often an open detail asks again (new readings arrive about every minute or two). */
    static final Duration REFRESH = Duration.minutes(1);

    private final RoomDetailViewModel vm;
    private final javafx.beans.value.ChangeListener<Light> lightListener = (o, a, l) -> showLight(l);
    private RoomViewModel shown;
    private final Messages m;
    private final Label name = label("room-detail-name", "room-detail-name");
    private final Label state = label("room-detail-state", "room-detail-state");
    private final Region stateIcon = new Region();
    private final Label co2 = label("room-detail-co2", "room-detail-co2");
    private final Label age = label("room-detail-age", "room-detail-age");
    private final Label summary = label("room-detail-summary", "room-detail-summary");
    private final Label summaryDetail = label("room-detail-summary-detail", "room-detail-summary-detail");
    private final Label message = label("room-detail-message", "room-detail-message");
    private final Label statsTitle = label("room-detail-stats-title", "room-detail-stats-title");
    private final GridPane stats = new GridPane();
    private final SegmentedButton ranges = new SegmentedButton();
    private final ThresholdChart chart;
    private final Tile tile;
    private final Timeline refresh;
    private Node returnFocus;

    public RoomDetailView(RoomDetailViewModel vm) {
        this.vm = vm;
        this.m = vm.messages();
        this.chart = new ThresholdChart(m);
        this.tile = RoomTiles.historyTile(chart, vm.chartTitleProperty(), Bindings.createStringBinding(
                () -> legend(vm.profileProperty().get()), vm.profileProperty()));
        this.refresh = new Timeline(new KeyFrame(REFRESH, e -> vm.reload()));
        refresh.setCycleCount(Animation.INDEFINITE);
        createParts();
        layoutParts();
        bind();
    }

    private void createParts() {
        setId("room-detail");
        getStyleClass().add("room-detail-overlay");
        stateIcon.getStyleClass().add("state-icon");
        state.setGraphic(stateIcon);
        for (Range r : Range.values()) {
            ToggleButton b = new ToggleButton(m.get("room.range." + r.id()));
            b.setId("range-" + r.id());
            b.setUserData(r);
            ranges.getButtons().add(b);
        }
        ranges.setId("room-detail-range");
        ranges.getStyleClass().add("room-detail-range");
        ranges.getButtons().get(0).setSelected(true);
        stats.setId("room-detail-stats");
        stats.getStyleClass().add("room-detail-stats");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summaryDetail.setWrapText(true);
        summaryDetail.setMinHeight(Region.USE_PREF_SIZE);
        name.setMinWidth(Region.USE_PREF_SIZE);
        co2.setMinWidth(Region.USE_PREF_SIZE);
        state.setMinWidth(Region.USE_PREF_SIZE);
    }

    private void layoutParts() {
        Button close = new Button(m.get("room.close"));
        close.setId("room-detail-close");
        close.getStyleClass().add("room-detail-close");
        close.setOnAction(e -> close());
        close.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox now = new HBox(state, co2, age);
        now.getStyleClass().add("room-detail-now");
        now.setAlignment(Pos.BASELINE_LEFT);
        HBox top = new HBox(name, now, gap, ranges, close);
        top.getStyleClass().add("room-detail-top");
        top.setAlignment(Pos.CENTER_LEFT);

        VBox statsBox = new VBox(statsTitle, stats);
        statsBox.getStyleClass().add("room-detail-stats-box");
        statsBox.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(tile, Priority.ALWAYS);
        HBox body = new HBox(tile, statsBox);
        body.getStyleClass().add("room-detail-body");
        VBox.setVgrow(body, Priority.ALWAYS);

        VBox box = new VBox(top, summary, summaryDetail, message, body);
        box.getStyleClass().add("room-detail-dialog");
        box.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        getChildren().add(box);
    }

    private void bind() {
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        summaryDetail.visibleProperty().bind(summaryDetail.textProperty().isNotEmpty());
        summaryDetail.managedProperty().bind(summaryDetail.visibleProperty());
        message.textProperty().bind(vm.messageProperty());
        summary.textProperty().bind(vm.summaryProperty());
        summaryDetail.textProperty().bind(vm.summaryDetailProperty());
        statsTitle.textProperty().bind(vm.statsTitleProperty());
        vm.summaryLightProperty().addListener((o, a, l) -> Theme.showLight(summary, l));
        Theme.showLight(summary, vm.summaryLightProperty().get());
        vm.rowsProperty().addListener((o, a, rows) -> showRows(rows));
        vm.dataProperty().addListener((o, a, d) -> showChart());
        vm.roomProperty().addListener((o, a, r) -> showRoom(r));
        // a segmented button lets the user unselect every toggle: keep one selected, and follow it
        ranges.getToggleGroup().selectedToggleProperty().addListener((o, old, t) -> {
            if (t == null) {
                old.setSelected(true);
            } else {
                vm.setRange((Range) t.getUserData());
            }
        });
        vm.rangeProperty().addListener((o, a, r) -> {
            selectRange(r);
            showChart();
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                close();
            }
        });
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) close();
        });
        chart.widthProperty().addListener((o, a, w) -> {
            if (w.doubleValue() >= 100) vm.setMaxPoints((int) Math.round(w.doubleValue())); // not before layout
        });
        setVisible(false);
    }

    private void selectRange(Range r) {
        for (ToggleButton b : ranges.getButtons()) {
            if (b.getUserData() == r && !b.isSelected()) b.setSelected(true);
        }
    }

    /** Opens the detail of {@code room}; the focus returns to {@code from} (may be null) on close. */
    @Override
    public Node node() {
        return this;
    }

    @Override
    public void open(RoomViewModel room, Node from) {
        returnFocus = from;
        setVisible(true);
        toFront();
        vm.open(room);
        refresh.playFromStart();
        requestFocus();
    }

    /** Closes the detail; no query runs until it opens again. */
    public void close() {
        refresh.stop();
        vm.close();
        setVisible(false);
        if (returnFocus != null) returnFocus.requestFocus();
        returnFocus = null;
    }

    public RoomDetailViewModel viewModel() {
        return vm;
    }

    private void showRoom(RoomViewModel r) {
        if (shown != null) shown.lightProperty().removeListener(lightListener); // one listener, however often reopened
        shown = r;
        name.textProperty().unbind();
        state.textProperty().unbind();
        co2.textProperty().unbind();
        age.textProperty().unbind();
        if (r == null) {
            name.setText("");
            state.setText("");
            co2.setText("");
            age.setText("");
            return;
        }
        name.textProperty().bind(r.roomNameProperty());
        state.textProperty().bind(r.headlineProperty());
        co2.textProperty().bind(r.co2TextProperty());
        age.textProperty().bind(r.ageTextProperty());
        showLight(r.getLight());
        r.lightProperty().addListener(lightListener);
    }

    private void showLight(Light l) {
        Theme.showLight(state, l);
        Theme.showLight(stateIcon, l);
        Theme.showLight(co2, l);
    }

    private void showChart() {
        RoomHistoryData d = vm.getData();
        HistoryPlan plan = d != null ? d.request().plan() : vm.plan();
        chart.show(plan, d, vm.profileProperty().get());
    }

    private void showRows(List<RoomDetailViewModel.Row> rows) {
        stats.getChildren().clear();
        if (rows.isEmpty()) return;
        String threshold = m.integer(vm.profileProperty().get().yellowFrom());
        stats.addRow(0, head(m.get("room.stats.period")), head(m.get("room.stats.mean")), head(m.get("room.stats.max")),
                head(m.get("room.stats.above", threshold)));
        int i = 1;
        for (RoomDetailViewModel.Row r : rows) {
            Region icon = new Region();
            icon.getStyleClass().add("state-icon");
            Label period = cell(r.period(), "stats-period");
            period.setGraphic(icon);
            Label mean = cell(r.mean(), "stats-mean");
            Label max = cell(r.max(), "stats-max");
            Label above = cell(r.above(), "stats-above");
            for (Node n : List.of(icon, period, mean)) Theme.showLight(n, r.light());
            stats.addRow(i++, period, mean, max, above);
        }
        if (stats.getColumnConstraints().isEmpty()) {
            for (int c = 0; c < 4; c++) {
                ColumnConstraints cc = new ColumnConstraints();
                cc.setHalignment(c == 0 ? javafx.geometry.HPos.LEFT : javafx.geometry.HPos.RIGHT);
                stats.getColumnConstraints().add(cc);
            }
        }
    }

    private static Label head(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("stats-head");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label cell(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().addAll("stats-cell", styleClass);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private String legend(Profile p) {
        return m.get("room.chart.legend", m.integer(p.yellowFrom()), m.integer(p.redFrom()));
    }

    private static Label label(String id, String styleClass) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(styleClass);
        return l;
    }

    /** True while the minute refresh runs (only while open). */
    boolean refreshing() {
        return refresh.getStatus() == Animation.Status.RUNNING;
    }

    /** The chart inside the tile (tests). */
    ThresholdChart chart() {
        return chart;
    }
}
