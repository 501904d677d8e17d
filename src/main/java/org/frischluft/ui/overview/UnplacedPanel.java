package org.frischluft.ui.overview;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.UnplacedViewModel;

/**
 * "Seen but not placed": the devices that send readings but are in no room of the school file, laid over the
 * overview like the rejections (same look): device id, when it was last heard, its last CO2 value and the model
 * Frischluft inferred for it, with how — so the admin knows what to put into the school file. Follows the view
 * model only while open; Esc, the close button or a click beside it closes it.
 */
final class UnplacedPanel extends StackPane {
    private final UnplacedViewModel vm;
    private final ObservableList<UnplacedViewModel.Row> items = FXCollections.observableArrayList();
    private final TableView<UnplacedViewModel.Row> table = new TableView<>(items);

    UnplacedPanel(UnplacedViewModel vm) {
        this.vm = vm;
        Messages m = vm.messages();
        setId("unplaced-panel");
        getStyleClass().add("rejections-overlay");

        Label title = new Label(m.get("unplaced.title"));
        title.getStyleClass().add("rejections-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button close = new Button(m.get("unplaced.close"));
        close.setId("unplaced-close");
        close.getStyleClass().add("rejections-close");
        close.setOnAction(e -> close());
        HBox top = new HBox(title, gap, close);
        top.setAlignment(Pos.CENTER_LEFT);

        Label intro = new Label(m.get("unplaced.intro"));
        intro.getStyleClass().add("rejections-intro");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        Label shown = new Label();
        shown.setId("unplaced-shown");
        shown.getStyleClass().add("rejections-shown");
        shown.textProperty().bind(vm.shownTextProperty());

        table.setId("unplaced-table");
        table.getStyleClass().add("rejections-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(m.get("unplaced.none")));
        table.getColumns().add(column(m.get("unplaced.column.device"), UnplacedViewModel.Row::device, 0.22, "excerpt"));
        table.getColumns().add(column(m.get("unplaced.column.lastSeen"), UnplacedViewModel.Row::lastSeen, 0.14, "time"));
        table.getColumns().add(column(m.get("unplaced.column.co2"), UnplacedViewModel.Row::lastCo2, 0.14, "co2"));
        table.getColumns().add(column(m.get("unplaced.column.model"), UnplacedViewModel.Row::model, 0.50, "model"));
        VBox.setVgrow(table, Priority.ALWAYS);

        VBox box = new VBox(top, intro, shown, table);
        box.getStyleClass().add("rejections-dialog");
        box.setMaxWidth(Double.MAX_VALUE);
        box.setMaxHeight(Double.MAX_VALUE);
        getChildren().add(box);

        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                close();
            }
        });
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) close();
        });
        vm.rowsProperty().addListener((o, a, b) -> {
            if (isVisible()) items.setAll(vm.getRows());
        });
        setVisible(false);
    }

    private TableColumn<UnplacedViewModel.Row, String> column(String title, Function<UnplacedViewModel.Row, String> value,
                                                              double share, String styleClass) {
        TableColumn<UnplacedViewModel.Row, String> c = new TableColumn<>(title);
        c.getStyleClass().add(styleClass);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.prefWidthProperty().bind(table.widthProperty().multiply(share));
        c.setSortable(false);
        c.setReorderable(false);
        return c;
    }

    /** Shows the panel with the current list and follows it while open. */
    void open() {
        items.setAll(vm.getRows());
        setVisible(true);
        toFront();
        requestFocus();
    }

    void close() {
        setVisible(false);
        items.clear();
    }
}
