package org.frischluft.ui.admin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationSupport;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.admin.broker.BrokerEntry;
import org.frischluft.admin.broker.ConnectionTest;
import org.frischluft.admin.broker.StepResult;
import org.frischluft.admin.broker.TestReport;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.Theme;

/**
 * The brokers tab: the settings file's broker entries, the chosen one's fields with each problem in words (and as a
 * ControlsFX decoration), add / remove / save (atomic, the file's other lines kept), and "Test connection", which runs
 * off the FX thread and shows each step as it is known: name lookup, TCP, TLS, authentication, subscription, and how
 * many messages arrived on the filters in 10 s.
 */
public final class BrokersPane extends HBox implements AdminTab {
    private final BrokersViewModel vm;
    private final Supplier<Messages> messages;
    private final Executor executor;
    private final ValidationSupport validation = new ValidationSupport();
    private final Label listHeading = new Label();
    private final ListView<BrokerEntry> list = new ListView<>();
    private final Button add = new Button();
    private final Button remove = new Button();
    private final Label formHeading = new Label();
    private final Map<String, TextField> fields = new HashMap<>();
    private final Map<String, Label> labels = new HashMap<>();
    private final Map<String, Label> problems = new HashMap<>();
    private final Label others = Forms.problemLabel("broker-other-problems");
    private final Button save = new Button();
    private final Button test = new Button();
    private final Label status = new Label();
    private final Label testHeading = new Label();
    private final VBox steps = new VBox(6);
    private final Label verdict = new Label();
    private boolean filling;
    private boolean testing;

    /**
     * @param settingsFile the settings file whose {@code broker.*} lines this tab edits (need not exist yet)
     * @param executor     where a connection test runs (never the FX thread; the app: a {@code query-*} thread)
     */
    public BrokersPane(SchoolEditor editor, Path settingsFile, Supplier<Messages> messages, ConnectionTest connectionTest,
                       Executor executor) throws IOException {
        this.vm = new BrokersViewModel(settingsFile, messages, connectionTest);
        this.messages = messages;
        this.executor = executor;
        createParts();
        layoutParts();
        relabel();
        fill();
    }

    public BrokersViewModel viewModel() {
        return vm;
    }

    @Override
    public String name() {
        return "brokers";
    }

    @Override
    public Node node() {
        return this;
    }

    private void createParts() {
        Forms.style(this, "admin-brokers");
        list.setId("broker-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(BrokerEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.id() + "\n" + e.url());
            }
        });
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (filling) return;
            vm.select(i.intValue());
            fill();
        });
        add.setId("broker-add");
        add.setOnAction(e -> {
            vm.add();
            fill();
        });
        remove.setId("broker-remove");
        remove.setOnAction(e -> {
            vm.removeSelected();
            fill();
        });
        for (String f : BrokersViewModel.FIELDS) {
            TextField t = f.equals("password") ? new PasswordField() : new TextField();
            t.setId("broker-" + f);
            t.textProperty().addListener((o, a, text) -> {
                if (filling) return;
                vm.set(f, text);
                refresh();
            });
            Forms.decorate(validation, t, () -> vm.problems().get(f));
            fields.put(f, t);
            labels.put(f, new Label());
            problems.put(f, Forms.problemLabel("broker-problem-" + f));
        }
        save.setId("broker-save");
        save.setOnAction(e -> save());
        test.setId("broker-test");
        test.setOnAction(e -> runTest());
        status.setId("broker-status");
        status.getStyleClass().add("admin-status");
        steps.setId("broker-steps");
        verdict.setId("broker-verdict");
        verdict.getStyleClass().add("preview-summary");
        Forms.wrapping(verdict);
        Forms.wrapping(status);
        for (Label l : List.of(listHeading, formHeading, testHeading)) l.getStyleClass().add("admin-heading");
    }

    private void layoutParts() {
        HBox listButtons = new HBox(8, add, remove);
        VBox left = new VBox(8, listHeading, list, listButtons);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setMinWidth(320);
        left.setPrefWidth(340);
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(4);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints c1 = new ColumnConstraints(180, 320, 480);
        form.getColumnConstraints().addAll(c0, c1);
        int row = 0;
        for (String f : BrokersViewModel.FIELDS) {
            form.add(labels.get(f), 0, row);
            form.add(fields.get(f), 1, row);
            form.add(problems.get(f), 0, row + 1, 2, 1);
            row += 2;
        }
        HBox buttons = new HBox(10, save, test);
        VBox middle = new VBox(8, formHeading, form, others, buttons, status);
        middle.setMinWidth(420);
        middle.setPrefWidth(520);
        steps.setFillWidth(true);
        VBox right = new VBox(10, testHeading, steps, verdict);
        HBox.setHgrow(right, Priority.ALWAYS);
        right.setMinWidth(320);
        getChildren().setAll(left, middle, right);
        setSpacing(16);
        setPadding(new Insets(16));
        setAlignment(Pos.TOP_LEFT);
    }

    @Override
    public void relabel() {
        Messages m = messages.get();
        listHeading.setText(m.get("admin.brokers.list"));
        add.setText(m.get("admin.brokers.add"));
        remove.setText(m.get("admin.brokers.remove"));
        formHeading.setText(m.get("admin.brokers.form", vm.file().getFileName().toString()));
        for (String f : BrokersViewModel.FIELDS) labels.get(f).setText(m.get("admin.brokers.field." + f));
        fields.get("topics").setPromptText(m.get("admin.brokers.prompt.topics"));
        fields.get("ca-file").setPromptText(m.get("admin.brokers.prompt.ca-file"));
        fields.get("qos").setPromptText(m.get("admin.brokers.prompt.qos"));
        save.setText(m.get("admin.form.save"));
        test.setText(m.get("admin.brokers.test"));
        testHeading.setText(m.get("admin.brokers.test.heading"));
        if (steps.getChildren().isEmpty()) verdict.setText(m.get("admin.brokers.test.hint"));
        list.refresh();
        refresh();
    }

    private void fill() {
        filling = true;
        try {
            list.getItems().setAll(vm.entries());
            if (vm.selectedIndex() >= 0) list.getSelectionModel().select(vm.selectedIndex());
            for (String f : BrokersViewModel.FIELDS) {
                fields.get(f).setText(vm.value(f));
                fields.get(f).setDisable(vm.selected() == null);
            }
        } finally {
            filling = false;
        }
        refresh();
    }

    private void refresh() {
        Map<String, String> p = vm.problems();
        for (String f : BrokersViewModel.FIELDS) Forms.showProblem(problems.get(f), p.get(f));
        List<String> o = vm.otherProblems();
        Forms.showProblem(others, o.isEmpty() ? null : String.join("\n", o));
        validation.revalidate();
        remove.setDisable(vm.selected() == null);
        save.setDisable(!vm.canSave());
        test.setDisable(testing || !vm.canTest());
        status.setText(vm.status());
        status.pseudoClassStateChanged(Theme.ALARM, vm.alarm());
        int i = vm.selectedIndex();
        if (i >= 0 && i < list.getItems().size() && !list.getItems().get(i).equals(vm.selected())) {
            filling = true;
            list.getItems().set(i, vm.selected());
            list.getSelectionModel().select(i);
            filling = false;
        }
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

    /** Runs the connection test off the FX thread; each step comes back with one {@code runLater}. */
    public void runTest() {
        if (testing || !vm.canTest()) return;
        testing = true;
        steps.getChildren().clear();
        verdict.setText(messages.get().get("admin.brokers.test.running", vm.selected().url()));
        refresh();
        vm.test(executor, step -> Platform.runLater(() -> steps.getChildren().add(stepRow(step))))
                .whenComplete((report, error) -> Platform.runLater(() -> done(report, error)));
    }

    private void done(TestReport report, Throwable error) {
        testing = false;
        verdict.setText(error != null ? messages.get().get("admin.brokers.test.error", String.valueOf(error.getMessage()))
                : vm.verdict(report));
        verdict.pseudoClassStateChanged(Theme.ALARM, error != null || !report.ok());
        verdict.getStyleClass().removeAll("step-ok", "step-failed");
        verdict.getStyleClass().add(error == null && report.ok() ? "step-ok" : "step-failed");
        refresh();
    }

    private Node stepRow(StepResult r) {
        Messages m = messages.get();
        Label word = new Label(r.outcomeWord(m.locale()));
        word.setMinWidth(70);
        String css = "step-" + r.outcome().name().toLowerCase(Locale.ROOT);
        word.getStyleClass().add(css);
        Label text = new Label(vm.describe(r));
        Forms.wrapping(text);
        text.getStyleClass().add(css);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, word, text);
        row.setId("step-" + r.step().name().toLowerCase(Locale.ROOT));
        row.getStyleClass().add("broker-step");
        return row;
    }
}
