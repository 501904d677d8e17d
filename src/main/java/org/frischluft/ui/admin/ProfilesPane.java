package org.frischluft.ui.admin;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationSupport;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.assess.LightMinutes;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.Room;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.Theme;

/**
 * The profiles tab: the list (built-in ones with a lock, read-only, "copy to edit"), the form of the chosen profile
 * with each problem in words beside its field and as a ControlsFX decoration, Save (only when nothing is wrong), and
 * the preview: a room's last day with the form's thresholds, the light it would have shown as a strip, and its red and
 * yellow minutes. The readings load off the FX thread through {@link DayHistory}.
 */
public final class ProfilesPane extends HBox implements AdminTab {
    private final ProfilesViewModel vm;
    private final DayHistory history;
    private final Supplier<Messages> messages;
    private final ZoneId zone;
    private final ListView<ProfilesViewModel.Item> list = new ListView<>();
    private final Map<ProfilesViewModel.Field, TextField> fields = new EnumMap<>(ProfilesViewModel.Field.class);
    private final Map<ProfilesViewModel.Field, Label> fieldLabels = new EnumMap<>(ProfilesViewModel.Field.class);
    private final Map<ProfilesViewModel.Field, Label> problems = new EnumMap<>(ProfilesViewModel.Field.class);
    private final ValidationSupport validation = new ValidationSupport();
    private final Label heading = new Label();
    private final Label listHeading = new Label();
    private final Label readOnly = new Label();
    private final Label units = new Label();
    private final Button copy = new Button();
    private final Button save = new Button();
    private final Label status = new Label();
    private final Label previewHeading = new Label();
    private final Label roomLabel = new Label();
    private final ComboBox<Room> room = new ComboBox<>();
    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
    private final HBox strip = new HBox();
    private final Label summary = new Label();
    private boolean filling;

    public ProfilesPane(SchoolEditor editor, DayHistory history, Supplier<Messages> messages) {
        this.vm = new ProfilesViewModel(editor, messages);
        this.history = history == null ? DayHistory.NONE : history;
        this.messages = messages;
        this.zone = editor.current().model().sites().isEmpty() ? ZoneId.of("Europe/Berlin")
                : editor.current().model().sites().get(0).calendar().zone();
        createParts();
        layoutParts();
        relabel();
        list.getSelectionModel().select(0);
    }

    public ProfilesViewModel viewModel() {
        return vm;
    }

    @Override
    public String name() {
        return "profiles";
    }

    @Override
    public Node node() {
        return this;
    }

    private void createParts() {
        Forms.style(this, "admin-profiles");
        list.setId("profile-list");
        list.getItems().setAll(vm.items());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ProfilesViewModel.Item item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Profile p = item.profile();
                Messages m = messages.get();
                setText(p.name() + "\n" + m.get("admin.profiles.thresholds", m.integer(p.yellowFrom()), m.integer(p.redFrom()))
                        + (p.blueBelow() == null ? "" : ", " + m.get("admin.profiles.preview.blue", m.integer(p.blueBelow())))
                        + (item.builtIn() ? "\n" + m.get("admin.profiles.builtIn") : ""));
                setGraphic(item.builtIn() ? Forms.lock() : null);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item == null || filling) return;
            vm.select(item);
            fill();
        });
        for (ProfilesViewModel.Field f : ProfilesViewModel.Field.values()) {
            String key = f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            TextField t = new TextField();
            t.setId("profile-" + key);
            t.textProperty().addListener((o, a, text) -> {
                if (filling) return;
                vm.set(f, text);
                refresh();
            });
            Forms.decorate(validation, t, () -> vm.problems().get(f));
            fields.put(f, t);
            fieldLabels.put(f, new Label());
            problems.put(f, Forms.problemLabel("problem-" + key));
        }
        copy.setId("profile-copy");
        copy.setOnAction(e -> {
            vm.copyToEdit();
            fill();
        });
        save.setId("profile-save");
        save.setDefaultButton(true);
        save.setOnAction(e -> save());
        status.setId("profile-status");
        status.getStyleClass().add("admin-status");
        readOnly.getStyleClass().add("read-only-note");
        readOnly.setId("profile-read-only");
        readOnly.managedProperty().bind(readOnly.visibleProperty());
        units.getStyleClass().add("admin-hint");
        Forms.wrapping(units);
        Forms.wrapping(readOnly);
        Forms.wrapping(status);
        Forms.wrapping(summary);
        heading.getStyleClass().add("admin-heading");
        listHeading.getStyleClass().add("admin-heading");
        previewHeading.getStyleClass().add("admin-heading");
        room.setId("preview-room");
        room.getItems().setAll(vm.rooms());
        room.setConverter(new StringConverter<>() {
            @Override
            public String toString(Room r) {
                return r == null ? "" : r.name() + (r.name().equals(r.id().value()) ? "" : " (" + r.id().value() + ")");
            }

            @Override
            public Room fromString(String s) {
                return null;
            }
        });
        room.valueProperty().addListener((o, a, r) -> {
            if (r != null) loadPreview(r.id());
        });
        chart.setId("preview-chart");
        chart.getStyleClass().add("preview-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(true);
        xAxis.setForceZeroInRange(false);
        xAxis.setAutoRanging(false);
        yAxis.setAutoRanging(false);
        yAxis.setLowerBound(400);
        xAxis.setTickLabelFormatter(new StringConverter<>() {
            private final DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");

            @Override
            public String toString(Number n) {
                return hm.format(Instant.ofEpochSecond(n.longValue() * 60).atZone(zone));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        strip.setId("preview-strip");
        strip.getStyleClass().add("light-strip");
        summary.setId("preview-summary");
        summary.getStyleClass().add("preview-summary");
    }

    private void layoutParts() {
        VBox left = new VBox(8, listHeading, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setMinWidth(330);
        left.setPrefWidth(360);
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(4);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints c1 = new ColumnConstraints(120, 260, 360);
        form.getColumnConstraints().addAll(c0, c1);
        int row = 0;
        for (ProfilesViewModel.Field f : ProfilesViewModel.Field.values()) {
            form.add(fieldLabels.get(f), 0, row);
            form.add(fields.get(f), 1, row);
            form.add(problems.get(f), 0, row + 1, 2, 1);
            row += 2;
        }
        HBox buttons = new HBox(10, copy, save);
        VBox middle = new VBox(8, heading, readOnly, form, units, buttons, status);
        middle.setMinWidth(360);
        middle.setPrefWidth(460);
        HBox roomRow = new HBox(8, roomLabel, room);
        roomRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox right = new VBox(8, previewHeading, roomRow, chart, strip, summary);
        VBox.setVgrow(chart, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        right.setMinWidth(360);
        getChildren().setAll(left, middle, right);
        setSpacing(16);
        setPadding(new Insets(16));
    }

    /** Texts from the bundle in the current language (the shell calls this after a language switch). */
    @Override
    public void relabel() {
        Messages m = messages.get();
        listHeading.setText(m.get("admin.profiles.list"));
        heading.setText(m.get("admin.profiles.form"));
        readOnly.setText(m.get("admin.profiles.readOnly"));
        units.setText(m.get("admin.profiles.units"));
        copy.setText(m.get("admin.profiles.copy"));
        save.setText(m.get("admin.form.save"));
        previewHeading.setText(m.get("admin.profiles.preview"));
        roomLabel.setText(m.get("admin.profiles.preview.room"));
        xAxis.setLabel(m.get("admin.profiles.preview.time"));
        yAxis.setLabel("CO₂ (ppm)");
        for (ProfilesViewModel.Field f : ProfilesViewModel.Field.values()) fieldLabels.get(f).setText(vm.label(f));
        list.refresh();
        refresh();
    }

    private void fill() {
        filling = true;
        try {
            for (ProfilesViewModel.Field f : ProfilesViewModel.Field.values()) {
                fields.get(f).setText(vm.value(f));
                fields.get(f).setEditable(vm.editable());
                fields.get(f).setDisable(!vm.editable());
            }
        } finally {
            filling = false;
        }
        refresh();
    }

    private void refresh() {
        Map<ProfilesViewModel.Field, String> p = vm.problems();
        for (ProfilesViewModel.Field f : ProfilesViewModel.Field.values()) Forms.showProblem(problems.get(f), p.get(f));
        validation.revalidate();
        readOnly.setVisible(!vm.editable());
        copy.setDisable(false);
        save.setDisable(!vm.canSave());
        status.setText(vm.status());
        drawPreview();
    }

    private void save() {
        try {
            List<String> errors = vm.save();
            status.pseudoClassStateChanged(Theme.ALARM, !errors.isEmpty());
            filling = true;
            try {
                list.getItems().setAll(vm.items());
                list.getItems().stream().filter(i -> i.profile().equals(vm.selected().profile())).findFirst()
                        .ifPresent(i -> list.getSelectionModel().select(i));
            } finally {
                filling = false;
            }
            refresh();
            if (!errors.isEmpty()) status.setText(vm.status() + "\n" + String.join("\n", errors));
        } catch (IOException e) {
            status.pseudoClassStateChanged(Theme.ALARM, true);
            status.setText(messages.get().get("admin.form.status.notWritten", e.getMessage()));
        }
    }

    /** Loads the room's last day off the FX thread; the result comes back with one {@code runLater}. */
    public void loadPreview(RoomId id) {
        history.lastDay(id).whenComplete((samples, error) -> Platform.runLater(() -> {
            vm.showPreview(id, error == null ? samples : List.of());
            drawPreview();
        }));
    }

    private void drawPreview() {
        List<LightMinutes.Sample> samples = vm.samples();
        Profile p = vm.previewProfile();
        Messages m = messages.get();
        chart.getData().clear();
        strip.getChildren().clear();
        summary.setText(vm.previewSummary());
        double top = Math.max(p.redFrom() * 1.25, 1200);
        long from;
        long to;
        xAxis.setTickLabelsVisible(!samples.isEmpty());
        if (samples.isEmpty()) { // no readings, no times to show: an empty day
            from = 0;
            to = 24 * 60;
        } else {
            from = samples.get(0).time().getEpochSecond() / 60;
            to = Math.max(from + 1, samples.get(samples.size() - 1).time().getEpochSecond() / 60);
        }
        XYChart.Series<Number, Number> co2 = new XYChart.Series<>();
        co2.setName(m.get("admin.profiles.preview.co2"));
        for (LightMinutes.Sample s : samples) {
            co2.getData().add(new XYChart.Data<>(s.time().getEpochSecond() / 60.0, s.ppm()));
            top = Math.max(top, s.ppm() * 1.05);
        }
        chart.getData().add(co2);
        chart.getData().add(line(m.get("admin.profiles.preview.yellow", m.integer(p.yellowFrom())), p.yellowFrom(), from, to));
        chart.getData().add(line(m.get("admin.profiles.preview.red", m.integer(p.redFrom())), p.redFrom(), from, to));
        if (p.blueBelow() != null) {
            chart.getData().add(line(m.get("admin.profiles.preview.blue", m.integer(p.blueBelow())), p.blueBelow(), from, to));
        }
        xAxis.setLowerBound(from);
        xAxis.setUpperBound(to);
        xAxis.setTickUnit(Math.max(15, (to - from) / 8 / 15 * 15));
        yAxis.setUpperBound(Math.ceil(top / 200) * 200);
        yAxis.setTickUnit(yAxis.getUpperBound() > 3000 ? 500 : 200);
        if (!samples.isEmpty()) {
            LightMinutes.Result r = vm.preview();
            double total = Math.max(1, (to - from) * 60.0);
            for (LightMinutes.Segment s : r.segments()) {
                Region seg = new Region();
                seg.getStyleClass().add("light-segment");
                Theme.showLight(seg, s.light());
                double share = java.time.Duration.between(s.from(), s.to()).getSeconds() / total;
                seg.prefWidthProperty().bind(strip.widthProperty().multiply(share));
                seg.setMinWidth(0);
                strip.getChildren().add(seg);
            }
        }
    }

    private static XYChart.Series<Number, Number> line(String name, double ppm, long from, long to) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        s.getData().add(new XYChart.Data<>(from, ppm));
        s.getData().add(new XYChart.Data<>(to, ppm));
        return s;
    }
}
