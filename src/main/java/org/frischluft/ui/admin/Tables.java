package org.frischluft.ui.admin;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Text columns for the admin's tables. */
final class Tables {
    private Tables() {
    }

    static <T> TableColumn<T, String> column(TableView<T> table, String id, Function<T, String> value, double share) {
        TableColumn<T, String> c = new TableColumn<>();
        c.setId(id);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.prefWidthProperty().bind(table.widthProperty().multiply(share).subtract(2));
        table.getColumns().add(c);
        return c;
    }
}
