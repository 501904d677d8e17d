package org.frischluft.ui.overview;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RejectionsViewModel;

/**
 * The admin's list of rejected messages over the overview's rooms: counts by reason on top, then a table of the
 * kept messages newest first — time, sender topic, reason and the start of the body — so "which sensor sends what
 * garbage" is seen at once.
 */
final class RejectionsPanel extends OverlayPanel {
    private final RejectionsViewModel vm;
    private final ObservableList<RejectionsViewModel.Row> items = FXCollections.observableArrayList();
    private final FlowPane counts = new FlowPane();
    private final TableView<RejectionsViewModel.Row> table = new TableView<>(items);

    RejectionsPanel(RejectionsViewModel vm) {
        super("rejections", vm.messages().get("rejections.title"), vm.messages().get("rejections.close"),
                vm.messages().get("rejections.intro"), vm.shownTextProperty());
        this.vm = vm;
        Messages m = vm.messages();
        Label byReason = new Label(m.get("rejections.byReason"));
        byReason.getStyleClass().add("rejections-subtitle");
        counts.setId("rejections-counts");
        counts.getStyleClass().add("rejections-counts");

        table.setId("rejections-table");
        table.getStyleClass().add("rejections-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(m.get("rejections.none")));
        table.getColumns().add(column(table, m.get("rejections.column.time"), RejectionsViewModel.Row::time, 0.08, "time"));
        // a long topic keeps its end, where the device id sits (leading ellipsis in the theme)
        table.getColumns().add(column(table, m.get("rejections.column.topic"), RejectionsViewModel.Row::topic, 0.29, "topic"));
        table.getColumns().add(column(table, m.get("rejections.column.reason"), RejectionsViewModel.Row::reason, 0.35, "reason"));
        table.getColumns().add(column(table, m.get("rejections.column.excerpt"), RejectionsViewModel.Row::excerpt, 0.28, "excerpt"));
        body(byReason, counts, table);
        vm.rowsProperty().addListener((o, a, b) -> refresh());
    }

    @Override
    void fill() {
        items.setAll(vm.getRows());
        counts.getChildren().clear();
        for (RejectionsViewModel.Count c : vm.getCounts()) {
            Label chip = new Label(c.text());
            chip.getStyleClass().add("reason-chip");
            counts.getChildren().add(chip);
        }
    }

    @Override
    void clear() {
        items.clear();
        counts.getChildren().clear();
    }
}
