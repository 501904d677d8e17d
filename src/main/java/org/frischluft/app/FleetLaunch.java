package org.frischluft.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.frischluft.fleet.ConfigKeys;
import org.frischluft.fleet.FleetBroker;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.settings.Settings;
import org.frischluft.ui.common.FxPump;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.Theme;
import org.frischluft.ui.kiosk.KioskStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code frischluft kiosk --config FILE} where the settings name {@code fleet.site} and {@code fleet.public-key} and no
 * room: the kiosk that configures itself ({@link FleetKiosk}). The first broker of the settings carries the fleet's
 * topics (its account is the kiosk's; its user name the kiosk id unless {@code fleet.kiosk} says otherwise) and the
 * sensors' messages; the store and the links open in the background once the first school is there, and each new
 * school swaps the catalog and restarts the pump for the room's new view models.
 */
final class FleetLaunch {
    private static final Logger LOG = LoggerFactory.getLogger(FleetLaunch.class);

    /** The fleet keys of a settings file. */
    record FleetSettings(SiteId site, Path publicKey, String kiosk) {
    }

    private static volatile Start pending;

    private record Start(Settings settings, FleetSettings fleet, GuiOptions options, Locale locale) {
    }

    private FleetLaunch() {
    }

    /** The fleet keys of {@code file}, or null when it has none (a kiosk with a room or a kiosk entry). */
    static FleetSettings read(Path file) throws IOException {
        if (file == null) return null;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String site = p.getProperty("fleet.site");
        String key = p.getProperty("fleet.public-key");
        if (site == null && key == null) return null;
        if (site == null || key == null || !SiteId.isValid(site)) {
            throw new IllegalArgumentException(file + ": a kiosk that configures itself needs fleet.site (a site id) and fleet.public-key (a file)");
        }
        Path dir = file.toAbsolutePath().getParent();
        return new FleetSettings(SiteId.of(site.strip()), dir.resolve(key.strip()), p.getProperty("fleet.kiosk"));
    }

    static int run(GuiOptions options, Settings settings, FleetSettings fleet) throws Exception {
        if (settings.brokers().isEmpty()) {
            System.err.println("kiosk: fleet.site is set but no broker (broker.<name>.url): the configuration comes over MQTT");
            return 2;
        }
        ConfigKeys.readPublic(fleet.publicKey()); // refuse a missing or broken key before the window opens
        pending = new Start(settings, fleet, options, options.locale(settings));
        try {
            Application.launch(App.class);
        } catch (UnsupportedOperationException e) {
            System.err.println("frischluft: cannot open a window here (" + e.getMessage() + ")");
            return 1;
        }
        return 0;
    }

    /** The JavaFX side of the self-configuring kiosk. */
    public static final class App extends Application {
        private FleetKiosk kiosk;
        private AppContext context;
        private FxPump pump;
        private final SchoolCatalog catalog = SchoolCatalog.of(new SchoolModel(null, null, List.of(), List.of(), List.of()),
                "fleet: none yet", Clock.systemDefaultZone());

        @Override
        public void start(Stage stage) throws Exception {
            Start s = pending;
            Clock clock = Clock.systemDefaultZone();
            BrokerConfig b = s.settings().brokers().get(0);
            String id = s.fleet().kiosk() != null ? s.fleet().kiosk() : b.username() != null && b.username().matches("[a-z0-9][a-z0-9_-]{0,63}") ? b.username() : null;
            kiosk = new FleetKiosk(new FleetBroker(b.url(), b.username(), b.password()), s.fleet().site(),
                    ConfigKeys.readPublic(s.fleet().publicKey()), AppDirs.data().resolve("fleet"), id, s.locale(), clock, Platform::runLater);
            kiosk.onSchool(model -> catalog.replace(model, "fleet", List.of()));
            kiosk.onScreen((rooms, status) -> {
                if (pump != null) pump.stop();
                pump = null;
                if (context != null) {
                    pump = new FxPump(context.live(), catalog, rooms, status, clock);
                    pump.start();
                }
            });
            int[] size = s.options().windowSize();
            var screen = Screen.getPrimary().getBounds();
            Scene scene = new Scene(kiosk.host(), size != null ? size[0] : screen.getWidth(), size != null ? size[1] : screen.getHeight());
            Theme.apply(scene);
            stage.setScene(scene);
            stage.setTitle("Frischluft — " + kiosk.identity().id());
            if (size == null) KioskStage.lockDown(stage, s.settings().pinHash(), Platform::exit, Messages.forLocale(s.locale()));
            stage.show();
            kiosk.start();
            // the history and the sensors' links, off the FX thread
            Thread opener = new Thread(() -> {
                try {
                    String url = s.settings().db() != null ? s.settings().db() : AppDirs.defaultDb("history") + GuiLauncher.KIOSK_H2_CACHE;
                    AppContext ctx = new AppContext(catalog, Stores.open(url, s.settings().dbUser(), s.settings().dbPassword(),
                            s.settings().retention(), clock), s.settings().brokers(), clock);
                    Platform.runLater(() -> {
                        context = ctx;
                        if (kiosk.rooms() != null) {
                            pump = new FxPump(ctx.live(), catalog, kiosk.rooms(), new org.frischluft.ui.common.AppStatusViewModel(
                                    Messages.forLocale(s.locale()), clock), clock);
                            pump.start();
                        }
                    });
                } catch (Exception e) {
                    LOG.error("kiosk: the history or the sensors' broker could not start: {}", e.toString());
                }
            }, "fleet-backend");
            opener.setDaemon(true);
            opener.start();
            LOG.info("self-configuring kiosk {} of site {}: code {}", kiosk.identity().id(), s.fleet().site(), kiosk.identity().displayCode());
        }

        @Override
        public void stop() {
            if (pump != null) pump.stop();
            if (kiosk != null) kiosk.close();
            if (context != null) context.close();
        }
    }
}
