package org.frischluft.ui.admin;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.frischluft.rooms.Room;

/**
 * The admin's fleet tab: every kiosk with its room, online/offline (words, a sign and colour), the configuration
 * version it applied, what it shows now and how old the value is, its app version, uptime and refused
 * configurations; below, pairing: the code from the screen (or a waiting kiosk picked), the room, "assign and send".
 * A thin view over {@link FleetViewModel}.
 */
public final class FleetPane extends VBox implements AdminTab {
    private final FleetViewModel vm;
    private Label title;
    private Label count;
    private TableView<FleetViewModel.Line> table;
    private TableColumn<FleetViewModel.Line, String> cKiosk;
    private TableColumn<FleetViewModel.Line, String> cRoom;
    private TableColumn<FleetViewModel.Line, String> cState;
    private TableColumn<FleetViewModel.Line, String> cVersion;
    private TableColumn<FleetViewModel.Line, String> cShowing;
    private TableColumn<FleetViewModel.Line, String> cApp;
    private TableColumn<FleetViewModel.Line, String> cUptime;
    private TableColumn<FleetViewModel.Line, String> cRefusals;
    private Label pairTitle;
    private Label codeLabel;
    private TextField code;
    private Label pickLabel;
    private ComboBox<String> pick;
    private Label roomLabel;
    private ComboBox<Room> room;
    private Button pair;
    private Button publish;
    private Label result;

    public FleetPane(FleetViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        relabel();
    }

    @Override
    public String name() {
        return "fleet";
    }

    @Override
    public Node node() {
        return this;
    }

    public FleetViewModel viewModel() {
        return vm;
    }

    private void createParts() {
        setId("fleet");
        getStyleClass().add("fleet");
        getStylesheets().add(org.frischluft.ui.common.Theme.STYLESHEET);
        title = label("fleet-title");
        count = label("fleet-count");
        table = new TableView<>(vm.lines());
        table.setId("fleet-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        cKiosk = column(FleetViewModel.Line::kiosk, 0.9);
        cRoom = column(FleetViewModel.Line::room, 1.3);
        cState = column(FleetViewModel.Line::stateText, 1.5);
        cState.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("fleet-online", "fleet-offline", "fleet-waiting");
                if (empty || item == null || getTableRow() == null || getTableRow().getItem() == null) {
                    setText(null);
                    return;
                }
                setText(item);
                getStyleClass().add("fleet-" + getTableRow().getItem().state());
            }
        });
        cVersion = column(FleetViewModel.Line::version, 1.4);
        cShowing = column(FleetViewModel.Line::showing, 1.6);
        cApp = column(FleetViewModel.Line::app, 0.8);
        cUptime = column(FleetViewModel.Line::uptime, 0.9);
        cRefusals = column(FleetViewModel.Line::refusals, 2.1);
        cRefusals.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("fleet-refused");
                setText(empty ? null : item);
                if (!empty && getTableRow() != null && getTableRow().getItem() != null && getTableRow().getItem().refusalCount() > 0) {
                    getStyleClass().add("fleet-refused");
                }
            }
        });
        table.getColumns().setAll(List.of(cKiosk, cRoom, cState, cVersion, cShowing, cApp, cUptime, cRefusals));
        pairTitle = label("fleet-pair-title");
        codeLabel = label("fleet-code-label");
        code = new TextField();
        code.setId("fleet-code");
        code.setPrefColumnCount(8);
        pickLabel = label("fleet-pick-label");
        pick = new ComboBox<>(vm.waiting());
        pick.setId("fleet-pick");
        roomLabel = label("fleet-room-label");
        room = new ComboBox<>();
        room.setId("fleet-room");
        room.setVisibleRowCount(12);
        Function<Room, String> roomText = r -> r == null ? "" : r.name() + "  (" + r.id().value() + ")";
        room.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Room r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty ? null : roomText.apply(r));
            }
        });
        room.setButtonCell(room.getCellFactory().call(null));
        pair = new Button();
        pair.setId("fleet-pair");
        pair.setDefaultButton(true);
        publish = new Button();
        publish.setId("fleet-publish");
        result = label("fleet-result");
    }

    private <T> TableColumn<FleetViewModel.Line, String> column(Function<FleetViewModel.Line, String> value, double weight) {
        TableColumn<FleetViewModel.Line, String> c = new TableColumn<>();
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(weight * 100);
        c.setSortable(true);
        return c;
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(id);
        l.setWrapText(true);
        return l;
    }

    private void layoutParts() {
        HBox head = new HBox(title, count);
        head.getStyleClass().add("fleet-head");
        head.setAlignment(Pos.BASELINE_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox form = new HBox(field(codeLabel, code), field(pickLabel, pick), field(roomLabel, room), pair, publish);
        form.getStyleClass().add("fleet-form");
        form.setAlignment(Pos.BOTTOM_LEFT);
        VBox pairing = new VBox(pairTitle, form, result);
        pairing.getStyleClass().add("fleet-pairing");
        getChildren().setAll(head, table, pairing);
    }

    private static VBox field(Label l, Node n) {
        VBox b = new VBox(l, n);
        b.getStyleClass().add("fleet-field");
        return b;
    }

    private void bind() {
        count.textProperty().bind(vm.countTextProperty());
        result.textProperty().bind(vm.resultProperty());
        vm.resultOkProperty().addListener((obs, o, ok) -> result.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("failed"), !ok));
        pick.valueProperty().addListener((obs, o, n) -> {
            if (n != null) code.clear();
        });
        pair.setOnAction(e -> vm.pair(code.getText(), pick.getValue(), room.getValue() == null ? null : room.getValue().id()));
        publish.setOnAction(e -> vm.publishAll());
    }

    /** Every text again from the bundle now in effect (the shell calls this after a language switch). */
    @Override
    public void relabel() {
        var m = vm.messages();
        title.setText(m.get("fleet.title", vm.site().value()));
        cKiosk.setText(m.get("fleet.col.kiosk"));
        cRoom.setText(m.get("fleet.col.room"));
        cState.setText(m.get("fleet.col.state"));
        cVersion.setText(m.get("fleet.col.version"));
        cShowing.setText(m.get("fleet.col.showing"));
        cApp.setText(m.get("fleet.col.app"));
        cUptime.setText(m.get("fleet.col.uptime"));
        cRefusals.setText(m.get("fleet.col.refusals"));
        pairTitle.setText(m.get("fleet.pair.title"));
        codeLabel.setText(m.get("fleet.pair.code"));
        code.setPromptText(m.get("fleet.pair.code.prompt"));
        pickLabel.setText(m.get("fleet.pair.pick"));
        roomLabel.setText(m.get("fleet.pair.room"));
        pair.setText(m.get("fleet.pair.button"));
        publish.setText(m.get("fleet.publish.button"));
        room.getItems().setAll(vm.rooms());
        vm.relabel();
    }
}
