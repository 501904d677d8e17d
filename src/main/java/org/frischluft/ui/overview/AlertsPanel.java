package org.frischluft.ui.overview;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.frischluft.ui.common.AlertsViewModel;
import org.frischluft.ui.common.Messages;

/**
 * The caretaker's alert list beside the rooms: unresolved alerts, those nobody has taken on first and the most
 * severe first, each with room, what is wrong, value and since when, and its state; "Übernehmen …" opens two fields
 * (who, what is being done) in place. Below, the sensors that need a visit (silent, battery, calibration). A card is
 * made once per alert and updated in place, so typing a comment survives the once-a-second refresh.
 */
final class AlertsPanel extends VBox {
    private static final PseudoClass SEVERE = PseudoClass.getPseudoClass("severe");
    private static final PseudoClass NOTICE = PseudoClass.getPseudoClass("notice");
    private static final PseudoClass MAINTENANCE = PseudoClass.getPseudoClass("maintenance");
    private static final PseudoClass TAKEN = PseudoClass.getPseudoClass("taken");

    private final AlertsViewModel vm;
    private final Messages m;
    private final VBox list = new VBox();
    private final VBox health = new VBox();
    private final Label none;
    private final Label healthNone;
    private final Map<Long, Card> cards = new HashMap<>();

    AlertsPanel(AlertsViewModel vm, Messages messages) {
        this.vm = vm;
        this.m = messages;
        setId("alerts-panel");
        getStyleClass().add("alerts-panel");
        Label title = new Label();
        title.setId("alerts-title");
        title.getStyleClass().add("alerts-title");
        title.textProperty().bind(vm.headerTextProperty());
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        none = wrapping(m.get("alerts.none"), "alerts-none");
        none.setId("alerts-none");
        list.getStyleClass().add("alerts-list");
        Label healthTitle = new Label(m.get("alerts.health"));
        healthTitle.getStyleClass().add("alerts-title");
        healthNone = wrapping(m.get("alerts.health.none"), "alerts-none");
        health.setId("sensor-health");
        health.getStyleClass().add("alerts-list");
        VBox content = new VBox(title, none, list, healthTitle, healthNone, health);
        content.getStyleClass().add("alerts-content");
        content.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("alerts-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);
        vm.rowsProperty().addListener((o, a, rows) -> show(rows));
        vm.healthProperty().addListener((o, a, rows) -> showHealth(rows));
        show(vm.rows());
        showHealth(vm.health());
    }

    private static Label wrapping(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private void show(List<AlertsViewModel.Row> rows) {
        none.setVisible(rows.isEmpty());
        none.setManaged(rows.isEmpty());
        Map<Long, Card> keep = new HashMap<>();
        List<Card> order = new java.util.ArrayList<>();
        for (AlertsViewModel.Row r : rows) {
            Card c = cards.get(r.id());
            if (c == null) c = new Card(r.id());
            c.update(r);
            keep.put(r.id(), c);
            order.add(c);
        }
        // the words change every second (ages); the cards are moved only when the list itself changed, so a field
        // being typed in keeps its focus
        if (!list.getChildren().equals(order)) list.getChildren().setAll(order);
        cards.clear();
        cards.putAll(keep);
    }

    private void showHealth(List<AlertsViewModel.Health> rows) {
        healthNone.setVisible(rows.isEmpty());
        healthNone.setManaged(rows.isEmpty());
        health.getChildren().clear();
        for (AlertsViewModel.Health h : rows) {
            Label room = new Label(h.roomName());
            room.getStyleClass().add("health-room");
            room.setMinWidth(Region.USE_PREF_SIZE);
            Label text = new Label(h.text());
            text.getStyleClass().add("health-text");
            text.setWrapText(true);
            HBox row = new HBox(room, text);
            row.setId("health-" + h.kind() + "-" + h.room().value());
            row.getStyleClass().addAll("health-row", "health-" + h.kind());
            row.setAlignment(Pos.BASELINE_LEFT);
            health.getChildren().add(row);
        }
    }

    /** One alert: its words, and the fields to take it on. */
    private final class Card extends VBox {
        private final Label room = new Label();
        private final Label title = new Label();
        private final Label detail = new Label();
        private final Label state = new Label();
        private final Button take = new Button(m.get("alerts.acknowledge"));
        private final TextField by = new TextField();
        private final TextField comment = new TextField();
        private final VBox form;

        Card(long id) {
            setId("alert-" + id);
            getStyleClass().add("alert-card");
            room.getStyleClass().add("alert-room");
            title.getStyleClass().add("alert-rule");
            detail.getStyleClass().add("alert-detail");
            state.getStyleClass().add("alert-state");
            for (Label l : List.of(room, title, detail, state)) {
                l.setWrapText(true);
                l.setMinHeight(Region.USE_PREF_SIZE);
            }
            take.setId("ack-" + id);
            take.getStyleClass().add("alert-take");
            by.setId("ack-by-" + id);
            by.setPromptText(m.get("alerts.acknowledge.by"));
            comment.setId("ack-comment-" + id);
            comment.setPromptText(m.get("alerts.acknowledge.comment"));
            Button ok = new Button(m.get("alerts.acknowledge.ok"));
            ok.setId("ack-ok-" + id);
            ok.getStyleClass().add("alert-take");
            ok.setDefaultButton(false);
            Button cancel = new Button(m.get("alerts.acknowledge.cancel"));
            cancel.getStyleClass().add("alert-cancel");
            form = new VBox(by, comment, new HBox(ok, cancel));
            form.getStyleClass().add("alert-form");
            form.setVisible(false);
            form.setManaged(false);
            take.setOnAction(e -> {
                open(true);
                by.requestFocus();
            });
            cancel.setOnAction(e -> open(false));
            ok.setOnAction(e -> {
                vm.acknowledge(id, by.getText(), comment.getText());
                open(false);
                take.setDisable(true); // until the list shows it taken on (about a second)
            });
            comment.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER) ok.fire();
            });
            getChildren().addAll(room, title, detail, state, take, form);
        }

        private void open(boolean show) {
            form.setVisible(show);
            form.setManaged(show);
            take.setVisible(!show);
            take.setManaged(!show);
        }

        void update(AlertsViewModel.Row r) {
            room.setText(r.room());
            title.setText(r.title());
            detail.setText(r.detail());
            state.setText(r.stateText());
            int sev = r.item().severity();
            pseudoClassStateChanged(SEVERE, sev >= 3);
            pseudoClassStateChanged(NOTICE, sev == 2);
            pseudoClassStateChanged(MAINTENANCE, sev <= 1);
            pseudoClassStateChanged(TAKEN, r.acknowledged());
            if (r.acknowledged()) {
                open(false);
                take.setVisible(false);
                take.setManaged(false);
            }
        }
    }
}
