package org.frischluft.ui.overview;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * An admin's list laid over the overview's rooms (the header with the connection stays visible): a title with a
 * close button, an explanation, a "how many are shown" line and the list itself. Esc, the close button or a click
 * beside the panel closes it; it shows what its view model holds only while open ({@link #fill}) and holds nothing
 * when closed ({@link #clear}). The rejections and the sensors without a room share this look.
 */
abstract class OverlayPanel extends StackPane {
    /**
     * @param prefix ids and texts: {@code #<prefix>-panel}, {@code #<prefix>-close}, {@code #<prefix>-shown}
     */
    OverlayPanel(String prefix, String title, String closeText, String introText, ObservableStringValue shownText) {
        setId(prefix + "-panel");
        getStyleClass().add("rejections-overlay");
        Label heading = new Label(title);
        heading.getStyleClass().add("rejections-title");
        heading.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button close = new Button(closeText);
        close.setId(prefix + "-close");
        close.getStyleClass().add("rejections-close");
        close.setOnAction(e -> close());
        HBox top = new HBox(heading, gap, close);
        top.setAlignment(Pos.CENTER_LEFT);
        Label intro = new Label(introText);
        intro.getStyleClass().add("rejections-intro");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        Label shown = new Label();
        shown.setId(prefix + "-shown");
        shown.getStyleClass().add("rejections-shown");
        shown.textProperty().bind(shownText);

        VBox box = new VBox(top, intro, shown);
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
        setVisible(false);
    }

    /** Adds the panel's own parts below the "shown" line (the last one grows). */
    final void body(Node... parts) {
        VBox box = (VBox) getChildren().get(0);
        box.getChildren().addAll(parts);
        VBox.setVgrow(parts[parts.length - 1], Priority.ALWAYS);
    }

    /** Shows what the view model holds now. */
    abstract void fill();

    /** Lets go of what was shown. */
    abstract void clear();

    /** Shows the panel with the current list and follows it while open (call {@link #refresh} on a change). */
    void open() {
        fill();
        setVisible(true);
        toFront();
        requestFocus();
    }

    void close() {
        setVisible(false);
        clear(); // a closed panel holds nothing
    }

    /** The view model changed: an open panel shows it, a closed one does no work. */
    final void refresh() {
        if (isVisible()) fill();
    }

    /** A column taking {@code share} of the table's width; a cut text shows whole in its tooltip. */
    static <R> TableColumn<R, String> column(TableView<R> table, String title, Function<R, String> value, double share,
                                             String styleClass) {
        TableColumn<R, String> c = new TableColumn<>(title);
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
                setTooltip(empty || item == null || item.isEmpty() ? null : tip);
            }
        });
        c.prefWidthProperty().bind(table.widthProperty().multiply(share));
        c.setSortable(false);
        c.setReorderable(false);
        return c;
    }
}
