package org.frischluft.ui.overview;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.UnplacedViewModel;

/**
 * "Seen but not placed": the devices that send readings but are in no room of the school file, over the overview
 * like the rejections: device id, when it was last heard, its last CO2 value and the model Frischluft inferred for
 * it, with how — so the admin knows what to put into the school file.
 */
final class UnplacedPanel extends OverlayPanel {
    private final UnplacedViewModel vm;
    private final ObservableList<UnplacedViewModel.Row> items = FXCollections.observableArrayList();

    UnplacedPanel(UnplacedViewModel vm) {
        super("unplaced", vm.messages().get("unplaced.title"), vm.messages().get("unplaced.close"),
                vm.messages().get("unplaced.intro"), vm.shownTextProperty());
        this.vm = vm;
        Messages m = vm.messages();
        TableView<UnplacedViewModel.Row> table = new TableView<>(items);
        table.setId("unplaced-table");
        table.getStyleClass().add("rejections-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(m.get("unplaced.none")));
        table.getColumns().add(column(table, m.get("unplaced.column.device"), UnplacedViewModel.Row::device, 0.22, "excerpt"));
        table.getColumns().add(column(table, m.get("unplaced.column.lastSeen"), UnplacedViewModel.Row::lastSeen, 0.14, "time"));
        table.getColumns().add(column(table, m.get("unplaced.column.co2"), UnplacedViewModel.Row::lastCo2, 0.14, "co2"));
        table.getColumns().add(column(table, m.get("unplaced.column.model"), UnplacedViewModel.Row::model, 0.50, "model"));
        body(table);
        vm.rowsProperty().addListener((o, a, b) -> refresh());
    }

    @Override
    void fill() {
        items.setAll(vm.getRows());
    }

    @Override
    void clear() {
        items.clear();
    }
}
