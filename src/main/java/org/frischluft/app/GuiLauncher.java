package org.frischluft.app;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.SchoolConfig;
import org.frischluft.rooms.SchoolConfigFile;
import org.frischluft.sim.DemoSchool;
import org.frischluft.sim.EmbeddedBroker;
import org.frischluft.sim.SchoolSimulation;
import org.frischluft.sim.SimOptions;
import org.frischluft.sim.SimulatedSchool;
import org.frischluft.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the running app for a window: from the settings when they name brokers, else the embedded default
 * (an in-process broker and the simulated demo school on a sped-up school day), then hands it to JavaFX.
 */
final class GuiLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(GuiLauncher.class);

    enum View { OVERVIEW, KIOSK }

    /** What {@link FrischluftApp} shows; set before {@code Application.launch}. */
    record Launch(AppContext context, View view, RoomId room, Locale locale, Settings settings, int[] size,
                  boolean demo) {
    }

    private GuiLauncher() {
    }

    static int run(GuiOptions options, View view, String room) throws Exception {
        Settings settings = options.config == null ? Settings.defaults() : Settings.read(options.config);
        AppContext context = settings.embedded() ? demo(options, settings) : real(options, settings);
        RoomId roomId = null;
        if (view == View.KIOSK) {
            String id = room != null ? room : settings.room();
            if (id == null) {
                System.err.println("kiosk: which room? --room ID (ids: "
                        + context.school().rooms().stream().map(r -> r.id().value()).toList() + ")");
                context.close();
                return 2;
            }
            roomId = RoomId.of(id);
            if (context.school().room(roomId).isEmpty()) {
                System.err.println("kiosk: unknown room " + id + "; known: "
                        + context.school().rooms().stream().map(r -> r.id().value()).toList());
                context.close();
                return 2;
            }
        }
        // SIGTERM (systemd, the kiosk PC shutting down) never reaches Application.stop(): flush and close here
        // too, else the queued readings are lost and H2 (DB_CLOSE_ON_EXIT=FALSE) is never closed
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "shutdown"));
        FrischluftApp.launch(new Launch(context, view, roomId, options.locale(settings), settings,
                options.windowSize(), settings.embedded()));
        Application.launch(FrischluftApp.class);
        return 0;
    }

    private static AppContext real(GuiOptions options, Settings settings) throws Exception {
        if (settings.school() == null) {
            throw new IllegalArgumentException("the settings name brokers but no school file (school = ...)");
        }
        SchoolConfig school = SchoolConfigFile.read(settings.school());
        Clock clock = Clock.systemDefaultZone();
        String url = options.db != null ? options.db : settings.db() != null ? settings.db() : AppDirs.defaultDb("history");
        Store store = Stores.open(url, settings.dbUser(), settings.dbPassword(), settings.retention(), clock);
        return new AppContext(school, store, settings.brokers(), clock);
    }

    private static AppContext demo(GuiOptions options, Settings settings) throws Exception {
        SchoolConfig school = settings.school() != null ? SchoolConfigFile.read(settings.school()) : DemoSchool.config();
        ZoneId zone = SchoolSimulation.DEFAULT_ZONE; // a German school day, wherever the demo runs
        Clock clock = new ScaledClock(Clock.system(zone), demoMorning(LocalDate.now(zone), zone), options.speedup);
        EmbeddedBroker broker = EmbeddedBroker.start();
        LOG.info("demo: embedded MQTT broker at {}, {} rooms, school day at {}x speed", broker.url(),
                Math.max(options.rooms, school.rooms().size()), options.speedup);
        String url = options.db != null ? options.db : AppDirs.defaultDb("demo-history");
        Store store = Stores.open(url, null, null, settings.retention(), clock);
        AppContext context = new AppContext(school, store,
                List.of(BrokerConfig.simple("demo", broker.url(), List.of("v3/+/devices/+/up"))), clock);
        // The simulator runs on the same sped-up clock (so its own speed-up is 1): uplink times, ages and
        // staleness all live in one school day.
        SimulatedSchool sim = new SimulatedSchool(school, broker.url(),
                new SimOptions(Math.max(options.rooms, school.rooms().size()),
                        java.time.Duration.ofSeconds(options.intervalSeconds), 1.0, 42L), clock);
        sim.start();
        context.closeWithContext(broker);
        context.closeWithContext(sim);
        return context;
    }

    /**
     * The demo shows the latest weekday up to today at 09:20, in the middle of the second lesson, so a
     * newcomer sees red, yellow and green rooms at once (the simulator warms up from the morning).
     */
    static Instant demoMorning(LocalDate today, ZoneId zone) {
        LocalDate d = today;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) d = d.minusDays(1);
        return d.atTime(LocalTime.of(9, 20)).atZone(zone).toInstant();
    }
}
