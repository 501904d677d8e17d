package org.frischluft.ui.admin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
import org.frischluft.ui.common.UnplacedViewModel;

/**
 * Seen but not placed: every device that sent readings but is in no room, with its last reading, its (inferred) model
 * and when it was last heard — the ingest side's list ({@link UnplacedViewModel}). Placing one is one action: choose a
 * room, "Place in room". It is placed without a date, so the store gives the room the device's history so far (its
 * readings were taken there before the admin placed it); the overview's tile shows it from the next reading.
 */
public final class UnplacedPane extends VBox implements AdminTab {
    private final SchoolEditor editor;
    private final AdminTexts texts;
    private final Executor fx;
    private final Clock clock;
    private final UnplacedViewModel unplaced;
    private final TableView<UnplacedViewModel.Row> table = new TableView<>();
    private final List<TableColumn<UnplacedViewModel.Row, String>> columns = new ArrayList<>();
    private final Label intro = new Label();
    private final Label placeLabel = new Label();
    private final ComboBox<RoomChoice> room = new ComboBox<>();
    private final Button place = new Button();
    private final Label status = new Label();
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();
    /** Placed here, until the ingest side's list no longer has them. */
    private final Set<String> placed = new HashSet<>();

    public UnplacedPane(SchoolEditor editor, AdminTexts texts, UnplacedViewModel unplaced, Clock clock, Executor fx) {
        this.editor = Objects.requireNonNull(editor, "editor");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.unplaced = Objects.requireNonNull(unplaced, "unplaced");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.clock = Objects.requireNonNull(clock, "clock");
        setId("unplaced-pane");
        getStyleClass().add("admin-pane");
        table.setId("admin-unplaced-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        columns.add(Tables.column(table, "unplaced-device", UnplacedViewModel.Row::device, 0.24));
        columns.add(Tables.column(table, "unplaced-co2", UnplacedViewModel.Row::lastCo2, 0.14));
        columns.add(Tables.column(table, "unplaced-model", UnplacedViewModel.Row::model, 0.44));
        columns.add(Tables.column(table, "unplaced-seen", UnplacedViewModel.Row::lastSeen, 0.18));
        room.setId("unplaced-room");
        place.setId("unplaced-place");
        status.setId("unplaced-status");
        status.getStyleClass().add("admin-status");
        status.setWrapText(true);
        intro.setWrapText(true);
        intro.getStyleClass().add("admin-hint");
        HBox actions = new HBox(8, placeLabel, room, place);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().setAll(intro, table, actions, status);
        place.disableProperty().bind(busy.or(table.getSelectionModel().selectedItemProperty().isNull())
                .or(room.valueProperty().isNull()));
        place.setOnAction(e -> place());
        unplaced.rowsProperty().addListener((o, a, b) -> fill());
        editor.subscribe(v -> fx.execute(() -> room.getItems().setAll(RoomChoice.of(v.model()))));
        room.getItems().setAll(RoomChoice.of(editor.current().model()));
        fill();
    }

    private void fill() {
        List<UnplacedViewModel.Row> rows = unplaced.getRows();
        placed.retainAll(rows.stream().map(UnplacedViewModel.Row::device).toList());
        SchoolEditor e = editor;
        table.getItems().setAll(rows.stream().filter(r -> !placed.contains(r.device()))
                .filter(r -> e.current().model().roomOf(DeviceId.of(r.device())).isEmpty()).toList());
    }

    private void place() {
        UnplacedViewModel.Row r = table.getSelectionModel().getSelectedItem();
        RoomChoice to = room.getValue();
        if (r == null || to == null) return;
        busy.set(true);
        status.setText("");
        DeviceId device = DeviceId.of(r.device());
        editor.submit("sensor " + r.device() + " placed in " + to.id().value(),
                m -> SchoolEdits.place(m, device, to.id(), null, clock.instant()))
                .whenComplete((o, e) -> fx.execute(() -> {
                    busy.set(false);
                    if (e != null) {
                        status.setText(texts.text("admin.save.failed", e.getMessage()));
                    } else if (!o.errors().isEmpty()) {
                        status.setText(texts.text("admin.save.refused") + " " + o.errors().get(0).message(texts.locale()));
                    } else if (o.saved()) {
                        placed.add(r.device());
                        status.setText(texts.text("admin.unplaced.done", r.device(), to.label(), o.stored()));
                        fill();
                    }
                }));
    }

    @Override
    public String name() {
        return "unplaced";
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void relabel() {
        String[] keys = {"device", "co2", "model", "lastSeen"};
        for (int i = 0; i < keys.length; i++) columns.get(i).setText(texts.text("admin.unplaced.column." + keys[i]));
        intro.setText(texts.text("admin.unplaced.intro"));
        placeLabel.setText(texts.text("admin.unplaced.placeIn"));
        place.setText(texts.text("admin.unplaced.place"));
        room.setPromptText(texts.text("admin.choose.room"));
        table.setPlaceholder(new Label(texts.text("admin.unplaced.none")));
    }
}
