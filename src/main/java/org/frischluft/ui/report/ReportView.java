package org.frischluft.ui.report;

import java.nio.file.Path;
import java.util.function.BiFunction;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.Site;
import org.frischluft.ui.common.Overlay;

/**
 * Lesson reports over the overview: site, period and room, a table of the rooms (or of the chosen room's weeks)
 * with their shares and flags, and buttons to save the lesson table (CSV) and the printable report (PDF). Esc or
 * the close button closes it. A thin view over {@link ReportViewModel}.
 */
public final class ReportView extends StackPane implements Overlay {
    private final ReportViewModel vm;
    private final BiFunction<String, String, Path> chooser;
    private Label heading;
    private ComboBox<Site> site;
    private ComboBox<ReportViewModel.Period> period;
    private ComboBox<Room> room;
    private Button csv;
    private Button pdf;
    private Button close;
    private TableView<ReportViewModel.Row> table;
    private Label status;
    private Label legend;
    private VBox dialog;
    private Node returnTo;

    /**
     * @param chooser asks where to save: (format, suggested file name) → a path, or null when the user cancels
     *                (in the app a file dialog; in tests a fixed file)
     */
    public ReportView(ReportViewModel vm, BiFunction<String, String, Path> chooser) {
        this.vm = vm;
        this.chooser = chooser;
        createParts();
        layoutParts();
        bind();
        setVisible(false);
    }

    private void createParts() {
        setId("report-view");
        getStyleClass().add("report-overlay");
        heading = new Label();
        heading.setId("report-heading");
        heading.getStyleClass().add("report-heading");
        site = new ComboBox<>(vm.sites());
        site.setId("report-site");
        site.setConverter(converter(s -> s == null ? "" : s.name()));
        period = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(ReportViewModel.Period.values()));
        period.setId("report-period");
        period.setConverter(converter(p -> p == null ? "" : vm.text("period." + p.name())));
        room = new ComboBox<>();
        room.setId("report-room");
        room.setConverter(converter(r -> r == null ? vm.text("allrooms") : r.name()));
        room.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Room item, boolean empty) {
                super.updateItem(item, empty);
                setText(item == null ? vm.text("allrooms") : item.name());
            }
        });
        csv = new Button(vm.text("export.csv"));
        csv.setId("report-export-csv");
        pdf = new Button(vm.text("export.pdf"));
        pdf.setId("report-export-pdf");
        close = new Button(vm.text("close"));
        close.setId("report-close");
        for (Button b : new Button[] {csv, pdf, close}) {
            b.getStyleClass().add("report-button");
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        table = new TableView<>(vm.rows());
        table.setId("report-table");
        table.getStyleClass().add("report-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("col.room", ReportViewModel.Row::label, 1.9));
        table.getColumns().add(column("col.lessons", ReportViewModel.Row::lessons, 1.0));
        table.getColumns().add(column("col.complete", ReportViewModel.Row::complete, 0.9));
        table.getColumns().add(column("col.above", ReportViewModel.Row::pctAbove, 1.3));
        table.getColumns().add(column("col.mean", ReportViewModel.Row::mean, 1.1));
        table.getColumns().add(column("col.w2", ReportViewModel.Row::warnstufe2, 1.25));
        table.getColumns().add(column("col.flags", ReportViewModel.Row::flags, 4.0));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ReportViewModel.Row item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("flagged"), !empty && item != null && item.flagged());
            }
        });
        status = new Label();
        status.setId("report-status");
        status.getStyleClass().add("report-status");
        status.setWrapText(true);
        legend = new Label(vm.text("legend"));
        legend.getStyleClass().add("report-legend");
        legend.setWrapText(true);
    }

    private TableColumn<ReportViewModel.Row, String> column(String key, java.util.function.Function<ReportViewModel.Row, String> f,
                                                           double weight) {
        TableColumn<ReportViewModel.Row, String> c = new TableColumn<>(vm.text(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setPrefWidth(100 * weight);
        c.setSortable(false);
        c.getStyleClass().add(key.replace('.', '-'));
        return c;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private void layoutParts() {
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(heading, gap, close);
        top.getStyleClass().add("report-top");
        top.setAlignment(Pos.CENTER_LEFT);
        Region gap2 = new Region();
        HBox.setHgrow(gap2, Priority.ALWAYS);
        HBox choices = new HBox(labelled("site", site), labelled("period", period), labelled("room", room), gap2, csv, pdf);
        choices.getStyleClass().add("report-choices");
        choices.setAlignment(Pos.BOTTOM_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        dialog = new VBox(top, choices, status, table, legend);
        dialog.getStyleClass().add("report-dialog");
        getChildren().add(dialog);
    }

    private VBox labelled(String key, Node control) {
        Label l = new Label(vm.text(key));
        l.getStyleClass().add("report-label");
        l.setLabelFor(control);
        VBox box = new VBox(l, control);
        box.getStyleClass().add("report-choice");
        return box;
    }

    private void bind() {
        site.valueProperty().bindBidirectional(vm.siteProperty());
        period.valueProperty().bindBidirectional(vm.periodProperty());
        vm.rooms().addListener((javafx.collections.ListChangeListener<Room>) c -> fillRooms());
        fillRooms();
        room.valueProperty().bindBidirectional(vm.roomProperty());
        heading.textProperty().bind(vm.headingProperty());
        status.textProperty().bind(vm.statusProperty());
        csv.disableProperty().bind(vm.busyProperty());
        pdf.disableProperty().bind(vm.busyProperty());
        csv.setOnAction(e -> export("csv"));
        pdf.setOnAction(e -> export("pdf"));
        close.setOnAction(e -> close());
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
    }

    private void fillRooms() {
        java.util.List<Room> items = new java.util.ArrayList<>();
        items.add(null);
        items.addAll(vm.rooms());
        room.getItems().setAll(items);
    }

    private void export(String format) {
        Path file = chooser.apply(format, vm.suggestedName(format));
        if (file != null) vm.export(format, file);
    }

    @Override
    public void open(Node from) {
        returnTo = from;
        vm.open();
        setVisible(true);
        site.requestFocus();
    }

    public void close() {
        setVisible(false);
        if (returnTo != null) returnTo.requestFocus();
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public String title() {
        return vm.text("title");
    }
}
