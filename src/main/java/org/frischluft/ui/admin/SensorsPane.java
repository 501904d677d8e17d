package org.frischluft.ui.admin;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.admin.SchoolEdits;
import org.frischluft.model.DeviceId;
import org.frischluft.rooms.Placement;
import org.frischluft.rooms.SchoolModel;

/**
 * Sensors: every placed sensor (DevEUI or device id, room, model, since when, source broker); the chosen one moves to
 * another room from now on — its history before stays with the old room, as the store's placement rules keep it.
 */
public final class SensorsPane extends VBox implements AdminTab {
    /** One sensor row. */
    record Row(String device, String room, String model, String since, String broker) {
    }

    private final SchoolEditor editor;
    private final AdminTexts texts;
    private final Executor fx;
    private final Clock clock;
    private final TableView<Row> table = new TableView<>();
    private final List<TableColumn<Row, String>> columns = new ArrayList<>();
    private final Label intro = new Label();
    private final Label moveLabel = new Label();
    private final ComboBox<RoomChoice> room = new ComboBox<>();
    private final Button move = new Button();
    private final Label status = new Label();
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();

    public SensorsPane(SchoolEditor editor, AdminTexts texts, Clock clock, Executor fx) {
        this.editor = Objects.requireNonNull(editor, "editor");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fx = Objects.requireNonNull(fx, "fx");
        setId("sensors-pane");
        getStyleClass().add("admin-pane");
        table.setId("sensors-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        columns.add(Tables.column(table, "sensors-device", Row::device, 0.2));
        columns.add(Tables.column(table, "sensors-room", Row::room, 0.36));
        columns.add(Tables.column(table, "sensors-model", Row::model, 0.18));
        columns.add(Tables.column(table, "sensors-since", Row::since, 0.14));
        columns.add(Tables.column(table, "sensors-broker", Row::broker, 0.12));
        room.setId("sensors-room-choice");
        move.setId("sensors-move");
        status.setId("sensors-status");
        status.getStyleClass().add("admin-status");
        intro.setWrapText(true);
        intro.getStyleClass().add("admin-hint");
        HBox actions = new HBox(8, moveLabel, room, move, status);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().setAll(intro, table, actions);
        move.disableProperty().bind(busy.or(table.getSelectionModel().selectedItemProperty().isNull())
                .or(room.valueProperty().isNull()));
        move.setOnAction(e -> move());
        editor.subscribe(v -> fx.execute(() -> fill(v.model())));
        fill(editor.current().model());
    }

    private void fill(SchoolModel m) {
        String selected = table.getSelectionModel().getSelectedItem() == null ? null : table.getSelectionModel().getSelectedItem().device();
        Map<DeviceId, Placement> now = m.currentPlacements();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
        List<Row> rows = new ArrayList<>();
        java.util.Set<DeviceId> seen = new java.util.HashSet<>();
        for (Placement p : m.placements()) {
            if (!seen.add(p.device())) continue;
            Placement c = now.get(p.device());
            rows.add(new Row(p.device().value(), RoomChoice.of(m).stream().filter(r -> r.id().equals(c.room())).findFirst()
                    .map(RoomChoice::label).orElse(c.room().value()),
                    c.sensor().model() == null ? texts.text("admin.sensors.model.network") : c.sensor().model().id(),
                    c.since() == null ? texts.text("admin.sensors.since.always") : f.format(c.since()),
                    c.sensor().broker() == null ? texts.text("admin.sensors.broker.any") : c.sensor().broker()));
        }
        table.getItems().setAll(rows);
        room.getItems().setAll(RoomChoice.of(m));
        if (selected != null) rows.stream().filter(r -> r.device().equals(selected)).findFirst()
                .ifPresent(r -> table.getSelectionModel().select(r));
    }

    private void move() {
        Row r = table.getSelectionModel().getSelectedItem();
        RoomChoice to = room.getValue();
        if (r == null || to == null) return;
        busy.set(true);
        editor.submit("sensor " + r.device() + " moved to " + to.id().value(),
                m -> SchoolEdits.place(m, DeviceId.of(r.device()), to.id(), null, clock.instant()))
                .whenComplete((o, e) -> fx.execute(() -> {
                    busy.set(false);
                    status.setText(e != null ? texts.text("admin.save.failed", e.getMessage())
                            : !o.errors().isEmpty() ? texts.text("admin.save.refused") + " " + o.errors().get(0).message(texts.locale())
                            : o.saved() ? texts.text("admin.save.done", o.stored()) : texts.text("admin.save.unchanged"));
                }));
    }

    @Override
    public String name() {
        return "sensors";
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void relabel() {
        String[] keys = {"device", "room", "model", "since", "broker"};
        for (int i = 0; i < keys.length; i++) columns.get(i).setText(texts.text("admin.sensors.column." + keys[i]));
        intro.setText(texts.text("admin.sensors.intro"));
        moveLabel.setText(texts.text("admin.sensors.moveTo"));
        move.setText(texts.text("admin.sensors.move"));
        room.setPromptText(texts.text("admin.choose.room"));
        table.setPlaceholder(new Label(texts.text("admin.sensors.none")));
        fill(editor.current().model());
    }
}
