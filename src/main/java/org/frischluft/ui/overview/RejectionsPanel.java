package org.frischluft.ui.overview;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RejectionsViewModel;

/**
 * The admin's list of rejected messages, laid over the overview's rooms (the header with the connection
 * stays visible): counts by reason on top, then a table of the kept messages newest first — time, sender
 * topic, reason and the start of the body — so "which sensor sends what garbage" is seen at once.
 * It follows the view model only while open (a closed panel does no work); Esc, the close button or a
 * click beside the panel closes it.
 */
final class RejectionsPanel extends StackPane {
    private final RejectionsViewModel vm;
    private final ObservableList<RejectionsViewModel.Row> items = FXCollections.observableArrayList();
    private final FlowPane counts = new FlowPane();
    private final TableView<RejectionsViewModel.Row> table = new TableView<>(items);

    RejectionsPanel(RejectionsViewModel vm) {
        this.vm = vm;
        Messages m = vm.messages();
        setId("rejections-panel");
        getStyleClass().add("rejections-overlay");

        Label title = new Label(m.get("rejections.title"));
        title.getStyleClass().add("rejections-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button close = new Button(m.get("rejections.close"));
        close.setId("rejections-close");
        close.getStyleClass().add("rejections-close");
        close.setOnAction(e -> close());
        HBox top = new HBox(title, gap, close);
        top.setAlignment(Pos.CENTER_LEFT);

        Label intro = new Label(m.get("rejections.intro"));
        intro.getStyleClass().add("rejections-intro");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        Label shown = new Label();
        shown.setId("rejections-shown");
        shown.getStyleClass().add("rejections-shown");
        shown.textProperty().bind(vm.shownTextProperty());
        Label byReason = new Label(m.get("rejections.byReason"));
        byReason.getStyleClass().add("rejections-subtitle");
        counts.setId("rejections-counts");
        counts.getStyleClass().add("rejections-counts");

        table.setId("rejections-table");
        table.getStyleClass().add("rejections-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(m.get("rejections.none")));
        table.getColumns().add(column(m.get("rejections.column.time"), RejectionsViewModel.Row::time, 0.08, "time"));
        // a long topic keeps its end, where the device id sits (leading ellipsis in the theme)
        table.getColumns().add(column(m.get("rejections.column.topic"), RejectionsViewModel.Row::topic, 0.29, "topic"));
        table.getColumns().add(column(m.get("rejections.column.reason"), RejectionsViewModel.Row::reason, 0.35, "reason"));
        table.getColumns().add(column(m.get("rejections.column.excerpt"), RejectionsViewModel.Row::excerpt, 0.28, "excerpt"));
        VBox.setVgrow(table, Priority.ALWAYS);

        VBox box = new VBox(top, intro, shown, byReason, counts, table);
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
            if (isVisible()) show();
        });
        setVisible(false);
    }

    private TableColumn<RejectionsViewModel.Row, String> column(String title, Function<RejectionsViewModel.Row, String> value,
                                                               double share, String styleClass) {
        TableColumn<RejectionsViewModel.Row, String> c = new TableColumn<>(title);
        c.getStyleClass().add(styleClass);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                tip.setText(item);
                tip.setWrapText(true);
                tip.setMaxWidth(600);
                setTooltip(empty || item == null || item.isEmpty() ? null : tip); // the whole text when cut
            }
        });
        c.prefWidthProperty().bind(table.widthProperty().multiply(share));
        c.setSortable(false);
        c.setReorderable(false);
        return c;
    }

    /** Shows the panel with the current list and follows it while open. */
    void open() {
        show();
        setVisible(true);
        toFront();
        requestFocus();
    }

    void close() {
        setVisible(false);
        items.clear(); // a closed panel holds nothing
        counts.getChildren().clear();
    }

    private void show() {
        items.setAll(vm.getRows());
        List<RejectionsViewModel.Count> cs = vm.getCounts();
        counts.getChildren().clear();
        for (RejectionsViewModel.Count c : cs) {
            Label chip = new Label(c.text());
            chip.getStyleClass().add("reason-chip");
            counts.getChildren().add(chip);
        }
    }
}
