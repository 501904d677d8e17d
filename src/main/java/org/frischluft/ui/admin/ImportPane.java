package org.frischluft.ui.admin;

import java.io.File;
import java.io.IOException;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.Theme;

/**
 * The import tab: choose rooms.csv (and sensors.csv), "Check" lists every bad line (file:line: what is wrong and what
 * to do), "Import" is enabled only after a clean check and applies it as the next version; "Export" writes both
 * tables for the spreadsheet.
 */
public final class ImportPane extends VBox implements AdminTab {
    private final ImportViewModel vm;
    private final Supplier<Messages> messages;
    private final Label heading = new Label();
    private final Label hint = new Label();
    private final Label roomsLabel = new Label();
    private final TextField rooms = new TextField();
    private final Button chooseRooms = new Button();
    private final Label sensorsLabel = new Label();
    private final TextField sensors = new TextField();
    private final Button chooseSensors = new Button();
    private final Button check = new Button();
    private final Button importNow = new Button();
    private final Button export = new Button();
    private final Label status = new Label();
    private final Label problemsHeading = new Label();
    private final ListView<String> problems = new ListView<>();
    private boolean filling;

    public ImportPane(SchoolEditor editor, Supplier<Messages> messages) {
        this.vm = new ImportViewModel(editor, messages);
        this.messages = messages;
        createParts();
        layoutParts();
        relabel();
    }

    public ImportViewModel viewModel() {
        return vm;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public Node node() {
        return this;
    }

    private void createParts() {
        Forms.style(this, "admin-import");
        heading.getStyleClass().add("admin-heading");
        problemsHeading.getStyleClass().add("admin-heading");
        hint.getStyleClass().add("admin-hint");
        Forms.wrapping(hint);
        rooms.setId("import-rooms");
        sensors.setId("import-sensors");
        rooms.setPrefColumnCount(40);
        sensors.setPrefColumnCount(40);
        rooms.textProperty().addListener((o, a, t) -> {
            if (filling) return;
            vm.setRooms(t);
            refresh();
        });
        sensors.textProperty().addListener((o, a, t) -> {
            if (filling) return;
            vm.setSensors(t);
            refresh();
        });
        chooseRooms.setId("import-choose-rooms");
        chooseSensors.setId("import-choose-sensors");
        chooseRooms.setOnAction(e -> choose(rooms));
        chooseSensors.setOnAction(e -> choose(sensors));
        check.setId("import-check");
        check.setOnAction(e -> {
            vm.check();
            refresh();
        });
        importNow.setId("import-apply");
        importNow.setOnAction(e -> {
            try {
                vm.importNow();
            } catch (IOException ex) {
                status.setText(messages.get().get("admin.form.status.notWritten", ex.getMessage()));
                return;
            }
            refresh();
        });
        export.setId("import-export");
        export.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
            if (dir == null) return;
            try {
                vm.export(dir.toPath());
            } catch (IOException ex) {
                status.setText(messages.get().get("admin.form.status.notWritten", ex.getMessage()));
                return;
            }
            refresh();
        });
        status.setId("import-status");
        status.getStyleClass().add("admin-status");
        Forms.wrapping(status);
        problems.setId("import-problems");
        problems.getStyleClass().add("problem-list");
    }

    private void choose(TextField target) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv", "*.CSV", "*.txt"));
        File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) target.setText(f.getAbsolutePath());
    }

    private void layoutParts() {
        GridPane files = new GridPane();
        files.setHgap(10);
        files.setVgap(8);
        files.addRow(0, roomsLabel, rooms, chooseRooms);
        files.addRow(1, sensorsLabel, sensors, chooseSensors);
        GridPane.setHgrow(rooms, Priority.ALWAYS);
        GridPane.setHgrow(sensors, Priority.ALWAYS);
        HBox buttons = new HBox(10, check, importNow, export);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(problems, Priority.ALWAYS);
        getChildren().setAll(heading, hint, files, buttons, status, problemsHeading, problems);
        setSpacing(10);
        setPadding(new Insets(16));
    }

    @Override
    public void relabel() {
        Messages m = messages.get();
        heading.setText(m.get("admin.import.heading"));
        hint.setText(m.get("admin.import.hint"));
        roomsLabel.setText(m.get("admin.import.rooms"));
        sensorsLabel.setText(m.get("admin.import.sensors"));
        chooseRooms.setText(m.get("admin.import.choose"));
        chooseSensors.setText(m.get("admin.import.choose"));
        check.setText(m.get("admin.import.check"));
        importNow.setText(m.get("admin.import.apply"));
        export.setText(m.get("admin.import.export"));
        problemsHeading.setText(m.get("admin.import.problems"));
        problems.setPlaceholder(new Label(m.get("admin.import.noProblems")));
        refresh();
    }

    private void refresh() {
        check.setDisable(!vm.canCheck());
        importNow.setDisable(!vm.canImport());
        status.setText(vm.status());
        status.pseudoClassStateChanged(Theme.ALARM, vm.alarm());
        problems.getItems().setAll(vm.lines());
    }
}
