package org.frischluft.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.admin.broker.ConnectionTest;
import org.frischluft.fleet.FleetBroker;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.model.SiteId;
import org.frischluft.settings.Settings;
import org.frischluft.ui.admin.BrokersPane;
import org.frischluft.ui.admin.CalendarPane;
import org.frischluft.ui.admin.FleetSetupPane;
import org.frischluft.ui.admin.ImportPane;
import org.frischluft.ui.admin.ProfilesPane;
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
 * the settings. Built once; closing it locks it again.
 */
final class AdminWindow {
    private final AppContext ctx;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AdminWindow.class);
    private final Settings settings;
    private final Path settingsFile;
    private final String pinHash;
    private final Locale locale;
    private FleetAdmin fleet;
    private final UnplacedViewModel unplaced;
    private final SchoolEditor editor;
    private Stage stage;
    private AdminViewModel vm;

    AdminWindow(AppContext ctx, Settings settings, Path settingsFile, Locale locale, UnplacedViewModel unplaced) {
        this.ctx = ctx;
        this.settings = settings;
        this.settingsFile = settingsFile != null ? settingsFile : AppDirs.config().resolve("frischluft.properties");
        String pinHash = settings.pinHash();
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

    /**
     * The tabs, in order: the school's places and sensors, devices not yet placed, profiles, calendar, the CSV
     * import, the brokers of the settings, the kiosks (when the settings name the fleet), the versions and audit.
     */
    private List<AdminTab> tabs(AdminTexts texts, Window owner) {
        List<AdminTab> list = new ArrayList<>();
        list.add(new PlacesPane(editor, texts, Platform::runLater));
        list.add(new SensorsPane(editor, texts, ctx.clock(), Platform::runLater));
        list.add(new UnplacedPane(editor, texts, unplaced, ctx.clock(), Platform::runLater));
        list.add(new ProfilesPane(editor, new StoreDayHistory(ctx.store().history(), ctx.queries(), ctx.clock()), texts::get));
        list.add(new CalendarPane(editor, texts::get));
        list.add(new ImportPane(editor, texts::get));
        try {
            list.add(new BrokersPane(editor, settingsFile, texts::get, new ConnectionTest(), ctx.queries()));
        } catch (java.io.IOException e) {
            LOG.warn("brokers tab: cannot read {}: {}", settingsFile, e.getMessage());
        }
        list.add(fleetTab(texts));
        list.add(new HistoryPane(editor, texts, ctx.clock().getZone(), name -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(name);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            java.io.File f = chooser.showSaveDialog(stage);
            return f == null ? null : f.toPath();
        }, Platform::runLater));
        return list;
    }

    /**
     * The kiosks of the site (issue 11) where the settings name {@code fleet.site}, {@code fleet.signing-key} (the
     * admin's private key from {@code config keygen}) and a broker; else a tab that says what to set.
     */
    private AdminTab fleetTab(AdminTexts texts) {
        java.util.Properties p = new java.util.Properties();
        if (settingsFile != null && java.nio.file.Files.isRegularFile(settingsFile)) {
            try (var in = java.nio.file.Files.newBufferedReader(settingsFile, java.nio.charset.StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (java.io.IOException e) {
                LOG.warn("fleet: cannot read {}: {}", settingsFile, e.getMessage());
            }
        }
        String site = p.getProperty("fleet.site", "").strip();
        String key = p.getProperty("fleet.signing-key", "").strip();
        if (site.isEmpty() || key.isEmpty()) return new FleetSetupPane(texts::get, "admin.fleet.setup.reason.keys");
        if (settings.brokers().isEmpty()) return new FleetSetupPane(texts::get, "admin.fleet.setup.reason.broker");
        BrokerConfig b = settings.brokers().get(0);
        Path keyFile = settingsFile.toAbsolutePath().getParent().resolve(key);
        try {
            fleet = FleetAdmin.open(editor, new FleetBroker(b.url(), b.username(), b.password()), SiteId.of(site), keyFile,
                    texts::get, ctx.clock());
            return fleet.pane();
        } catch (Exception e) {
            LOG.warn("fleet: {}", e.getMessage());
            return new FleetSetupPane(texts::get, "admin.fleet.setup.reason.failed");
        }
    }

    /** Ends the fleet's broker connection (the app stops). */
    void close() {
        if (fleet != null) fleet.close();
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
