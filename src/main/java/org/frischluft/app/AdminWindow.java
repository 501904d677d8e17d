package org.frischluft.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.admin.SchoolHistory;
import org.frischluft.admin.VersionRows;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.ui.admin.AdminTab;
import org.frischluft.ui.admin.AdminTexts;
import org.frischluft.ui.admin.AdminView;
import org.frischluft.ui.admin.AdminViewModel;
import org.frischluft.ui.admin.HistoryPane;
import org.frischluft.ui.admin.PlacesPane;
import org.frischluft.ui.admin.SensorsPane;
import org.frischluft.ui.admin.UnplacedPane;
import org.frischluft.ui.common.UnplacedViewModel;

/**
 * The admin area's window, opened from the overview (header button, Ctrl+Shift+A): one editor for the running app,
 * whose versions and audit are kept in the history database (in memory where that is read-only), behind the PIN of
 * the settings. Built once; closing it locks it again. The lead adds 10b's and 11's tabs in {@link #tabs}.
 */
final class AdminWindow {
    private final AppContext ctx;
    private final String pinHash;
    private final Locale locale;
    private final UnplacedViewModel unplaced;
    private final SchoolEditor editor;
    private Stage stage;
    private AdminViewModel vm;

    AdminWindow(AppContext ctx, String pinHash, Locale locale, UnplacedViewModel unplaced) {
        this.ctx = ctx;
        this.pinHash = pinHash;
        this.locale = locale;
        this.unplaced = unplaced;
        SchoolCatalog catalog = ctx.catalog();
        Path dir = catalog.file() == null ? null : catalog.file().toAbsolutePath().getParent();
        VersionRows rows = ctx.store().writable() ? new StoreVersionRows(ctx.store().admin()) : VersionRows.inMemory();
        this.editor = new SchoolEditor(catalog, System.getProperty("user.name", "admin"),
                new SchoolHistory(rows, ctx.clock(), dir), null);
        // on start: a school file changed while the app was not running becomes a version "changed outside the app"
        editor.later(editor::reconcile).whenComplete((n, e) -> {
            if (e != null) org.slf4j.LoggerFactory.getLogger(AdminWindow.class).warn("school versions: {}", e.getMessage());
        });
    }

    SchoolEditor editor() {
        return editor;
    }

    /** The tabs, in order; 10b's (profiles, calendar, import, brokers) and 11's (fleet) are added here at the merge. */
    private List<AdminTab> tabs(AdminTexts texts, Window owner) {
        return List.of(new PlacesPane(editor, texts, Platform::runLater),
                new SensorsPane(editor, texts, ctx.clock(), Platform::runLater),
                new UnplacedPane(editor, texts, unplaced, ctx.clock(), Platform::runLater),
                new HistoryPane(editor, texts, ctx.clock().getZone(), name -> {
                    FileChooser chooser = new FileChooser();
                    chooser.setInitialFileName(name);
                    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
                    java.io.File f = chooser.showSaveDialog(stage);
                    return f == null ? null : f.toPath();
                }, Platform::runLater));
    }

    /** Shows the admin area (FX thread). */
    void open(Window owner) {
        if (stage == null) {
            AdminTexts texts = new AdminTexts(locale);
            vm = new AdminViewModel(editor, texts, pinHash, Platform::runLater);
            stage = new Stage();
            if (owner != null) stage.initOwner(owner);
            stage.setScene(new Scene(new AdminView(vm, tabs(texts, owner)), 1280, 800));
            stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> texts.text("admin.title"),
                    texts.messagesProperty()));
            stage.setOnHidden(e -> vm.lock());
        }
        stage.show();
        stage.toFront();
    }
}
