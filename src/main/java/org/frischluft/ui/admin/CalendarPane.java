package org.frischluft.ui.admin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationSupport;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.rooms.Holiday;
import org.frischluft.rooms.Site;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.Theme;

/**
 * The calendar tab: a site's school holidays (add a period with its problems in words, remove one, import a ministry's
 * .ics), its bell schedule as one line per lesson, and the state for public holidays; Save only when nothing is wrong.
 */
public final class CalendarPane extends VBox implements AdminTab {
    private final CalendarViewModel vm;
    private final Supplier<Messages> messages;
    private final ValidationSupport validation = new ValidationSupport();
    private final Label siteLabel = new Label();
    private final ComboBox<Site> site = new ComboBox<>();
    private final Label holidaysHeading = new Label();
    private final ListView<Holiday> holidays = new ListView<>();
    private final Label icsNote = new Label();
    private final Map<CalendarViewModel.HolidayField, TextField> fields = new EnumMap<>(CalendarViewModel.HolidayField.class);
    private final Map<CalendarViewModel.HolidayField, Label> problems = new EnumMap<>(CalendarViewModel.HolidayField.class);
    private final Button add = new Button();
    private final Button remove = new Button();
    private final Button importIcs = new Button();
    private final Label lessonsHeading = new Label();
    private final Label lessonsHint = new Label();
    private final TextArea lessons = new TextArea();
    private final Label lessonProblems = Forms.problemLabel("lesson-problems");
    private final Label stateLabel = new Label();
    private final ComboBox<String> state = new ComboBox<>();
    private final Button save = new Button();
    private final Label status = new Label();
    private boolean filling;

    public CalendarPane(SchoolEditor editor, Supplier<Messages> messages) {
        this.vm = new CalendarViewModel(editor, messages);
        this.messages = messages;
        createParts();
        layoutParts();
        relabel();
        if (vm.site() != null) site.setValue(vm.site());
        fill();
    }

    public CalendarViewModel viewModel() {
        return vm;
    }

    @Override
    public String name() {
        return "calendar";
    }

    @Override
    public Node node() {
        return this;
    }

    private void createParts() {
        Forms.style(this, "admin-calendar");
        site.setId("calendar-site");
        site.getItems().setAll(vm.sites());
        site.setConverter(new StringConverter<>() {
            @Override
            public String toString(Site s) {
                return s == null ? "" : s.name();
            }

            @Override
            public Site fromString(String s) {
                return null;
            }
        });
        site.valueProperty().addListener((o, a, s) -> {
            if (s == null || filling) return;
            vm.select(s);
            fill();
        });
        holidays.setId("calendar-holidays");
        holidays.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Holiday h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : describe(h));
            }
        });
        holidays.getSelectionModel().selectedItemProperty().addListener((o, a, h) -> remove.setDisable(h == null));
        for (CalendarViewModel.HolidayField f : CalendarViewModel.HolidayField.values()) {
            String key = f.name().toLowerCase(java.util.Locale.ROOT);
            TextField t = new TextField();
            t.setId("holiday-" + key);
            t.textProperty().addListener((o, a, text) -> {
                if (filling) return;
                vm.setHoliday(f, text);
                refresh();
            });
            Forms.decorate(validation, t, () -> vm.holidayProblems().get(f));
            fields.put(f, t);
            problems.put(f, Forms.problemLabel("holiday-problem-" + key));
        }
        fields.get(CalendarViewModel.HolidayField.NAME).setPrefColumnCount(16);
        fields.get(CalendarViewModel.HolidayField.FROM).setPrefColumnCount(9);
        fields.get(CalendarViewModel.HolidayField.TO).setPrefColumnCount(9);
        add.setId("holiday-add");
        add.setOnAction(e -> {
            vm.addHoliday();
            fill();
        });
        remove.setId("holiday-remove");
        remove.setDisable(true);
        remove.setOnAction(e -> {
            Holiday h = holidays.getSelectionModel().getSelectedItem();
            if (h != null) vm.removeHoliday(h);
            fill();
        });
        importIcs.setId("holiday-import-ics");
        importIcs.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("iCalendar (*.ics)", "*.ics"));
            File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) importIcs(f.toPath());
        });
        icsNote.getStyleClass().add("admin-hint");
        Forms.wrapping(icsNote);
        lessons.setId("calendar-lessons");
        lessons.setPrefRowCount(9);
        lessons.setPrefColumnCount(18);
        lessons.textProperty().addListener((o, a, text) -> {
            if (filling) return;
            vm.setLessons(text);
            refresh();
        });
        Forms.decorate(validation, lessons, () -> vm.lessonProblems().isEmpty() ? null : String.join("\n", vm.lessonProblems()));
        lessonsHint.getStyleClass().add("admin-hint");
        Forms.wrapping(lessonsHint);
        Forms.wrapping(status);
        state.setId("calendar-state");
        state.getItems().add("");
        state.getItems().addAll(vm.states());
        state.valueProperty().addListener((o, a, s) -> {
            if (filling) return;
            vm.setState(s);
            refresh();
        });
        save.setId("calendar-save");
        save.setOnAction(e -> save());
        status.setId("calendar-status");
        status.getStyleClass().add("admin-status");
        for (Label l : List.of(holidaysHeading, lessonsHeading)) l.getStyleClass().add("admin-heading");
    }

    private void layoutParts() {
        HBox siteRow = new HBox(8, siteLabel, site);
        siteRow.setAlignment(Pos.CENTER_LEFT);
        HBox newRow = new HBox(8);
        for (CalendarViewModel.HolidayField f : CalendarViewModel.HolidayField.values()) {
            VBox cell = new VBox(2, fields.get(f), problems.get(f));
            newRow.getChildren().add(cell);
        }
        newRow.getChildren().add(add);
        HBox listButtons = new HBox(8, remove, importIcs);
        VBox left = new VBox(8, holidaysHeading, holidays, newRow, listButtons, icsNote);
        VBox.setVgrow(holidays, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox stateRow = new HBox(8, stateLabel, state);
        stateRow.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(8, lessonsHeading, lessonsHint, lessons, lessonProblems, stateRow);
        right.setMinWidth(320);
        right.setPrefWidth(420);
        VBox.setVgrow(lessons, Priority.ALWAYS);
        HBox columns = new HBox(24, left, right);
        VBox.setVgrow(columns, Priority.ALWAYS);
        HBox bottom = new HBox(12, save, status);
        bottom.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(siteRow, columns, bottom);
        setSpacing(12);
        setPadding(new Insets(16));
    }

    @Override
    public void relabel() {
        Messages m = messages.get();
        siteLabel.setText(m.get("admin.calendar.site"));
        holidaysHeading.setText(m.get("admin.calendar.holidays"));
        fields.get(CalendarViewModel.HolidayField.NAME).setPromptText(m.get("admin.calendar.holiday.name"));
        fields.get(CalendarViewModel.HolidayField.FROM).setPromptText(m.get("admin.calendar.holiday.from"));
        fields.get(CalendarViewModel.HolidayField.TO).setPromptText(m.get("admin.calendar.holiday.to"));
        add.setText(m.get("admin.calendar.holiday.add"));
        remove.setText(m.get("admin.calendar.holiday.remove"));
        importIcs.setText(m.get("admin.calendar.ics.import"));
        lessonsHeading.setText(m.get("admin.calendar.lessons"));
        lessonsHint.setText(m.get("admin.calendar.lessons.hint"));
        stateLabel.setText(m.get("admin.calendar.state"));
        save.setText(m.get("admin.form.save"));
        holidays.refresh();
        refresh();
    }

    private String describe(Holiday h) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern(messages.get().get("admin.calendar.date"));
        String when = h.from().equals(h.to()) ? f.format(h.from()) : f.format(h.from()) + " – " + f.format(h.to());
        return when + "   " + h.name();
    }

    /** Reads {@code file}'s holidays into the list (the button's file chooser ends here; tests call it directly). */
    public void importIcs(Path file) {
        vm.importIcs(file);
        fill();
    }

    private void fill() {
        filling = true;
        try {
            holidays.getItems().setAll(vm.holidays());
            for (CalendarViewModel.HolidayField f : CalendarViewModel.HolidayField.values()) fields.get(f).setText(vm.holidayValue(f));
            if (!lessons.getText().equals(vm.lessonsText())) lessons.setText(vm.lessonsText());
            state.setValue(vm.state() == null ? "" : vm.state());
        } finally {
            filling = false;
        }
        refresh();
    }

    private void refresh() {
        Messages m = messages.get();
        Map<CalendarViewModel.HolidayField, String> p = vm.holidayProblems();
        for (CalendarViewModel.HolidayField f : CalendarViewModel.HolidayField.values()) Forms.showProblem(problems.get(f), p.get(f));
        List<String> lp = vm.lessonProblems();
        Forms.showProblem(lessonProblems, lp.isEmpty() ? null : String.join("\n", lp));
        validation.revalidate();
        add.setDisable(!vm.canAddHoliday());
        save.setDisable(!vm.canSave());
        int ics = vm.icsHolidays().size();
        icsNote.setText(ics == 0 ? m.get("admin.calendar.ics.none") : m.get("admin.calendar.ics.from", ics,
                vm.site().calendar().holidaysIcs()));
        status.setText(vm.status());
        status.pseudoClassStateChanged(Theme.ALARM, vm.alarm());
    }

    private void save() {
        try {
            List<String> errors = vm.save();
            fill();
            if (!errors.isEmpty()) status.setText(vm.status() + "\n" + String.join("\n", errors));
        } catch (IOException e) {
            status.pseudoClassStateChanged(Theme.ALARM, true);
            status.setText(messages.get().get("admin.form.status.notWritten", e.getMessage()));
        }
    }
}
