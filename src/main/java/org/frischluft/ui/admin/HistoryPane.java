package org.frischluft.ui.admin;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.admin.VersionRows;

/**
 * History: the numbered versions (when, who, what) and, for the chosen one, every changed field (old → new); Undo the
 * last change, Roll back to the chosen version (both save a new version, so nothing is ever lost), Export the whole
 * audit as CSV. Read and written on the admin's thread.
 */
public final class HistoryPane extends VBox implements AdminTab {
    /** One version row. */
    record VersionRow(long number, String time, String actor, String summary, int changes) {
    }

    private final SchoolEditor editor;
    private final AdminTexts texts;
    private final Executor fx;
    private final ZoneId zone;
    private final Function<String, Path> chooseCsv;
    private final TableView<VersionRow> versions = new TableView<>();
    private final TableView<VersionRows.Audit> audit = new TableView<>();
    private final List<TableColumn<VersionRow, String>> versionColumns = new ArrayList<>();
    private final List<TableColumn<VersionRows.Audit, String>> auditColumns = new ArrayList<>();
    private final Label auditTitle = new Label();
    private final Button undo = new Button();
    private final Button rollback = new Button();
    private final Button export = new Button();
    private final Label status = new Label();
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();
    private List<VersionRows.Audit> all = List.of();

    /** @param chooseCsv asks where to save the CSV (the suggested file name given), null when cancelled */
    public HistoryPane(SchoolEditor editor, AdminTexts texts, ZoneId zone, Function<String, Path> chooseCsv, Executor fx) {
        this.editor = Objects.requireNonNull(editor, "editor");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.chooseCsv = chooseCsv;
        this.fx = Objects.requireNonNull(fx, "fx");
        setId("history-pane");
        getStyleClass().add("admin-pane");
        versions.setId("history-versions");
        versions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        versionColumns.add(Tables.column(versions, "history-number", v -> "v" + v.number(), 0.08));
        versionColumns.add(Tables.column(versions, "history-time", VersionRow::time, 0.18));
        versionColumns.add(Tables.column(versions, "history-actor", VersionRow::actor, 0.14));
        versionColumns.add(Tables.column(versions, "history-summary", VersionRow::summary, 0.48));
        versionColumns.add(Tables.column(versions, "history-changes", v -> String.valueOf(v.changes()), 0.12));
        audit.setId("history-audit");
        audit.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        auditColumns.add(Tables.column(audit, "audit-what", VersionRows.Audit::what, 0.5));
        auditColumns.add(Tables.column(audit, "audit-old", VersionRows.Audit::old, 0.25));
        auditColumns.add(Tables.column(audit, "audit-new", VersionRows.Audit::now, 0.25));
        auditTitle.getStyleClass().add("admin-form-title");
        undo.setId("history-undo");
        rollback.setId("history-rollback");
        export.setId("history-export");
        status.setId("history-status");
        status.getStyleClass().add("admin-status");
        status.setWrapText(true);
        HBox actions = new HBox(undo, rollback, export, status);
        actions.getStyleClass().add("admin-actions");
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox.setVgrow(versions, Priority.ALWAYS);
        VBox.setVgrow(audit, Priority.ALWAYS);
        getChildren().setAll(versions, actions, auditTitle, audit);
        undo.disableProperty().bind(busy.or(javafx.beans.binding.Bindings.size(versions.getItems()).lessThan(2)));
        rollback.disableProperty().bind(busy.or(versions.getSelectionModel().selectedItemProperty().isNull()));
        export.disableProperty().bind(busy);
        undo.setOnAction(e -> act(editor.undoLater()));
        rollback.setOnAction(e -> {
            VersionRow v = versions.getSelectionModel().getSelectedItem();
            if (v != null) act(editor.rollbackLater(v.number()));
        });
        export.setOnAction(e -> export());
        versions.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showAudit(b));
        editor.subscribe(v -> fx.execute(this::refresh));
        refresh();
    }

    /** Reads versions and audit again (admin's thread), then shows them, newest first. */
    public void refresh() {
        editor.later(() -> {
            editor.reconcile();
            return new Object[] {editor.history().versions(), editor.history().audit()};
        }).whenComplete((r, e) -> fx.execute(() -> {
            if (e != null) {
                status.setText(texts.text("admin.history.unreadable", e.getMessage()));
                return;
            }
            @SuppressWarnings("unchecked")
            List<VersionRows.Stored> vs = (List<VersionRows.Stored>) r[0];
            @SuppressWarnings("unchecked")
            List<VersionRows.Audit> as = (List<VersionRows.Audit>) r[1];
            all = as;
            DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
            Long selected = versions.getSelectionModel().getSelectedItem() == null ? null
                    : versions.getSelectionModel().getSelectedItem().number();
            List<VersionRow> rows = new ArrayList<>();
            for (int i = vs.size() - 1; i >= 0; i--) {
                VersionRows.Stored v = vs.get(i);
                int n = (int) as.stream().filter(a -> a.version() == v.number()).count();
                rows.add(new VersionRow(v.number(), f.format(v.time()), v.actor(), v.summary(), n));
            }
            versions.getItems().setAll(rows);
            VersionRow pick = rows.stream().filter(x -> selected != null && x.number() == selected).findFirst()
                    .orElse(rows.isEmpty() ? null : rows.get(0));
            if (pick != null) versions.getSelectionModel().select(pick);
            showAudit(pick);
        }));
    }

    private void showAudit(VersionRow v) {
        audit.getItems().setAll(v == null ? List.of() : all.stream().filter(a -> a.version() == v.number()).toList());
        auditTitle.setText(v == null ? texts.text("admin.history.audit") : texts.text("admin.history.auditOf", v.number()));
    }

    private void act(java.util.concurrent.CompletableFuture<SchoolEditor.Outcome> work) {
        busy.set(true);
        status.setText("");
        work.whenComplete((o, e) -> fx.execute(() -> {
            busy.set(false);
            status.setText(e != null ? texts.text("admin.save.failed", rootMessage(e))
                    : !o.errors().isEmpty() ? texts.text("admin.save.refused") + " " + o.errors().get(0).message(texts.locale())
                    : o.saved() ? texts.text("admin.save.done", o.stored()) : texts.text("admin.history.nothing"));
            refresh();
        }));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return t.getMessage();
    }

    private void export() {
        Path file = chooseCsv == null ? null : chooseCsv.apply("frischluft-audit.csv");
        if (file == null) return;
        busy.set(true);
        editor.later(() -> {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                editor.history().exportCsv(w);
            }
            return editor.history().audit().size();
        }).whenComplete((n, e) -> fx.execute(() -> {
            busy.set(false);
            status.setText(e != null ? texts.text("admin.save.failed", rootMessage(e)) : texts.text("admin.history.exported", n, file));
        }));
    }

    @Override
    public String name() {
        return "history";
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void relabel() {
        String[] v = {"number", "time", "actor", "summary", "changes"};
        for (int i = 0; i < v.length; i++) versionColumns.get(i).setText(texts.text("admin.history.column." + v[i]));
        String[] a = {"what", "old", "new"};
        for (int i = 0; i < a.length; i++) auditColumns.get(i).setText(texts.text("admin.history.column." + a[i]));
        undo.setText(texts.text("admin.history.undo"));
        rollback.setText(texts.text("admin.history.rollback"));
        export.setText(texts.text("admin.history.export"));
        versions.setPlaceholder(new Label(texts.text("admin.history.none")));
        audit.setPlaceholder(new Label(texts.text("admin.history.noChanges")));
        showAudit(versions.getSelectionModel().getSelectedItem());
    }
}
