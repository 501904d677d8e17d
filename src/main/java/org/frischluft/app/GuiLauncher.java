package org.frischluft.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.Kiosk;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.file.SchoolFile;
import org.frischluft.settings.Settings;
import org.frischluft.sim.Demo;
import org.frischluft.sim.DemoSchool;
import org.frischluft.store.Store;

/**
 * Builds the running app for a window: from the settings when they name brokers, else the embedded default
 * (an in-process broker and the simulated demo school on a sped-up school day), then hands it to JavaFX. A
 * kiosk's store and links are opened after its first frame ({@link BackEnd}).
 */
final class GuiLauncher {
    enum View { OVERVIEW, KIOSK, CITY }

    /**
     * What {@link FrischluftApp} shows; set before {@code Application.launch}.
     *
     * @param display the kiosk's display policy from its settings or kiosk entry, or null to follow the room's
     */
    record Launch(BackEnd backEnd, SchoolCatalog catalog, Clock clock, View view, RoomId room, Locale locale,
                  Settings settings, DisplayPolicy display, int[] size, boolean demo, Liveness liveness, boolean locked,
                  java.nio.file.Path settingsFile) {
    }

    /**
     * What is known before the back end starts: the school (the kiosk's room is checked against it), the clock,
     * and how to open the rest; {@code early} is what must be closed when the start is refused (the demo's broker).
     */
    private record Prepared(SchoolCatalog catalog, Clock clock, BackEnd.Opener opener, AutoCloseable early) {
    }

    private GuiLauncher() {
    }

    static int run(GuiOptions options, View view, String room) throws Exception {
        return run(options, view, room, true);
    }

    /** @param locked a kiosk without --size is locked down (false for the demo: fullscreen, Escape ends it) */
    static int run(GuiOptions options, View view, String room, boolean locked) throws Exception {
        Settings settings = options.config == null ? Settings.defaults() : Settings.read(options.config);
        settings.warnings().forEach(w -> System.err.println(options.config + ": " + w.describe(Locale.getDefault())));
        FleetLaunch.FleetSettings fleet = view == View.KIOSK && room == null && settings.room() == null && settings.kiosk() == null
                ? FleetLaunch.read(options.config) : null; // issue 11: a kiosk that configures itself
        if (fleet != null) return FleetLaunch.run(options, settings, fleet);
        Prepared prepared = settings.embedded() ? demo(options, settings) : real(options, settings, view);
        SchoolCatalog catalog = prepared.catalog();
        // the city view (issue 15) for a school of several sites, or asked for with --city
        View shown = view == View.OVERVIEW && (options.city != null || catalog.model().sites().size() > 1) ? View.CITY : view;
        Locale locale = options.locale(settings);
        RoomId roomId = null;
        DisplayPolicy display = null;
        if (view == View.KIOSK) {
            Kiosk kiosk = settings.kiosk() == null ? null : catalog.model().kiosk(settings.kiosk()).orElse(null);
            if (settings.kiosk() != null && kiosk == null) {
                return refuse(prepared, "kiosk: the school file lists no kiosk '" + settings.kiosk() + "'; known: "
                        + catalog.model().kiosks().stream().map(Kiosk::id).toList());
            }
            String id = room != null ? room : kiosk != null && kiosk.room() != null ? kiosk.room().value() : settings.room();
            if (id == null) {
                return refuse(prepared, "kiosk: which room? --room ID (ids: " + roomIds(catalog) + ")");
            }
            roomId = RoomId.of(id);
            if (!catalog.model().hasRoom(roomId)) {
                return refuse(prepared, "kiosk: unknown room " + id + "; known: " + roomIds(catalog));
            }
            if (kiosk != null) {
                display = kiosk.display();
                if (kiosk.language() != null && options.language == null) locale = kiosk.language();
            }
        }
        // SIGTERM (systemd, the kiosk PC shutting down) never reaches Application.stop(): flush and close here
        // too, else the queued readings are lost and H2 (DB_CLOSE_ON_EXIT=FALSE) is never closed
        // A kiosk paints its room first and opens the store and the links after its first frame (BackEnd); the
        // overview's first frame needs them, so it opens them here.
        // The city view (issue 15) opens them on a thread of its own while the window is built: at 3,000 rooms the
        // store and the links take seconds the screen need not wait for.
        BackEnd backEnd;
        if (view == View.KIOSK || shown == View.CITY) {
            backEnd = BackEnd.later(prepared.opener()).onFailure(e -> endAfterFailedStart(view, e));
            if (shown == View.CITY) backEnd.start();
        } else {
            try {
                backEnd = BackEnd.of(prepared.opener().open());
            } catch (Exception | Error e) {
                closeQuietly(prepared.early());
                throw e;
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(backEnd::close, "shutdown"));
        endOnCtrlC();
        // a kiosk that hits a bug or hangs ends, so systemd brings back a working screen (kiosk-config/)
        CrashHandler.install(view == View.KIOSK && locked);
        Liveness liveness = Liveness.forKiosk(options.heartbeat,
                view == View.KIOSK && locked ? options.watchdog : java.time.Duration.ZERO);
        liveness.start();
        FrischluftApp.launch(new Launch(backEnd, catalog, prepared.clock(), shown, roomId, locale, settings, display,
                options.windowSize(), settings.embedded(), liveness, locked, options.config));
        try {
            Application.launch(FrischluftApp.class);
        } catch (UnsupportedOperationException e) {
            // no screen (no DISPLAY / Wayland): say what to do instead of a JavaFX stack trace
            System.err.println("frischluft: cannot open a window here (" + e.getMessage() + "). Run it in a desktop "
                    + "session or under a kiosk compositor (kiosk-config/); a recorder without a screen is 'frischluft record'.");
            return 1;
        }
        return 0;
    }

    /**
     * Ctrl-C in the terminal ({@code mvn javafx:run}, {@code java -jar}) ends the window like closing it: the
     * toolkit stops first (no renderer stack trace from a toolkit torn down under a running pulse), then the
     * history is flushed, and the status is 0, so Maven does not report the run as failed.
     */
    @SuppressWarnings("removal")
    private static void endOnCtrlC() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> {
                javafx.application.Platform.exit();
                Thread fallback = new Thread(() -> {
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    System.exit(0);
                }, "ctrl-c");
                fallback.setDaemon(true);
                fallback.start();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // no SIGINT here (Windows service, a JVM started with -Xrs): the default handling stays
        }
    }

    private static int refuse(Prepared prepared, String message) {
        System.err.println(message);
        closeQuietly(prepared.early());
        return 2;
    }

    /**
     * A kiosk's back end failed after the window opened (the store locked or unreadable, a bad broker URL): the
     * same words as before the window, then the app ends with status 2, as a start refused before it.
     */
    private static void endAfterFailedStart(View view, Exception e) {
        String message = e instanceof org.frischluft.rooms.ConfigException c ? c.message(Locale.getDefault())
                : String.valueOf(e.getMessage());
        String command = view == View.KIOSK ? "kiosk" : "overview";
        for (String line : message.split("\n")) System.err.println(command + ": " + line);
        if (!(e instanceof IllegalArgumentException || e instanceof org.frischluft.rooms.ConfigException
                || e instanceof org.frischluft.store.StoreException)) {
            org.slf4j.LoggerFactory.getLogger(GuiLauncher.class).error("the back end could not start", e);
        }
        System.exit(2);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception e) {
            System.err.println("closing " + c + ": " + e);
        }
    }

    private static List<String> roomIds(SchoolCatalog catalog) {
        return catalog.model().rooms().stream().map(r -> r.id().value()).toList();
    }

    /**
     * H2's page cache for a kiosk's own history file: 4 MB instead of H2's 16 MB. The kiosk only writes it (the
     * screen shows the live light; the history is for alerts at the next start), and its heap is small
     * (kiosk-config/frischluft-kiosk-session).
     */
    static final String KIOSK_H2_CACHE = ";CACHE_SIZE=4096";

    private static Prepared real(GuiOptions options, Settings settings, View view) throws Exception {
        if (settings.school() == null) {
            throw new IllegalArgumentException("the settings name brokers but no school file (school = ...)");
        }
        Clock clock = Clock.systemDefaultZone();
        SchoolCatalog catalog = SchoolCatalog.open(settings.school(), clock);
        warn(catalog);
        String url = options.db != null ? options.db : settings.db() != null ? settings.db()
                : AppDirs.defaultDb("history") + (view == View.KIOSK ? KIOSK_H2_CACHE : "");
        return new Prepared(catalog, clock, () -> {
            Store store = Stores.open(url, settings.dbUser(), settings.dbPassword(), settings.retention(), clock);
            return new AppContext(catalog, store, settings.brokers(), clock);
        }, null);
    }

    private static Prepared demo(GuiOptions options, Settings settings) throws Exception {
        SchoolModel school = settings.school() != null ? SchoolFile.read(settings.school())
                : options.city != null && options.city > 0 ? org.frischluft.sim.DemoCity.model(options.city) : DemoSchool.model();
        Demo demo = Demo.start(school, options.rooms, options.speedup, Duration.ofSeconds(options.intervalSeconds),
                Clock.systemUTC());
        Clock clock = demo.clock(); // the simulated school day: catalog versions, ages and staleness live in it
        SchoolCatalog catalog;
        try {
            catalog = settings.school() != null ? SchoolCatalog.open(settings.school(), clock)
                    : SchoolCatalog.of(school, "demo", clock);
        } catch (Exception | Error e) {
            demo.close();
            throw e;
        }
        if (settings.school() != null) warn(catalog);
        String url = options.db != null ? options.db : AppDirs.defaultDb("demo-history");
        return new Prepared(catalog, clock, () -> {
            if (options.db == null) freshDemoHistory(AppDirs.data(), options.keepHistory);
            AppContext context;
            try {
                Store store = Stores.open(url, null, null, settings.retention(), clock);
                context = new AppContext(catalog, store, List.of(BrokerConfig.simple("demo", demo.brokerUrl(),
                        List.of("v3/+/devices/+/up"))), clock);
            } catch (Exception | Error e) {
                demo.close();
                throw e;
            }
            context.closeWithContext(demo);
            demo.startSimulation();
            return context;
        }, demo);
    }

    /**
     * The demo's own history file starts empty each run (else runs pile up and a room's chart mixes them), unless
     * {@code --keep-history}. Only this default file: a database given with --db is never touched.
     */
    static void freshDemoHistory(java.nio.file.Path dir, boolean keep) {
        java.nio.file.Path file = dir.resolve("demo-history.mv.db");
        if (keep) {
            System.err.println("demo: history kept in " + file + " (--keep-history)");
            return;
        }
        try {
            for (String suffix : List.of(".mv.db", ".trace.db", ".lock.db")) {
                java.nio.file.Files.deleteIfExists(dir.resolve("demo-history" + suffix));
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot start a fresh demo history in " + file + ": " + e.getMessage()
                    + " (or run with --keep-history)");
        }
        System.err.println("demo: fresh history in " + file + " (--keep-history keeps it across runs)");
    }

    private static void warn(SchoolCatalog catalog) {
        catalog.current().warnings().forEach(w -> System.err.println(catalog.file() + ": " + w.describe(Locale.getDefault())));
    }
}
