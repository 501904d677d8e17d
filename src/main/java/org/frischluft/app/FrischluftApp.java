package org.frischluft.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.FxPump;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModels;
import org.frischluft.ui.common.Theme;
import org.frischluft.ui.kiosk.KioskStage;
import org.frischluft.ui.kiosk.KioskView;
import org.frischluft.ui.kiosk.KioskViewModel;
import org.frischluft.ui.overview.OverviewView;
import org.frischluft.ui.overview.OverviewViewModel;
import org.frischluft.ui.room.RoomDetailView;
import org.frischluft.ui.room.RoomDetailViewModel;

/**
 * The JavaFX application: one view model per room fed by the FX pump, and either the overview or a kiosk.
 * The school and the clock come from {@link GuiLauncher}; the back end ({@link BackEnd}) is built before the
 * toolkit for the overview, and after the kiosk's first frame for a kiosk.
 */
public final class FrischluftApp extends Application {
    private static volatile GuiLauncher.Launch pending;

    private FxPump pump;
    private org.frischluft.ui.common.AlertsViewModel alertsToFollow;
    private AdminWindow adminToClose;
    private boolean stopped;
    private GuiLauncher.Launch launch;
    private javafx.animation.Timeline heartbeat;
    private org.frischluft.ui.city.CityViewModel city;
    private org.frischluft.ui.city.CityAggregator cityAggregator;

    static void launch(GuiLauncher.Launch l) {
        pending = l;
    }

    @Override
    public void start(Stage stage) {
        launch = pending;
        Messages messages = Messages.forLocale(launch.locale());
        SchoolCatalog catalog = launch.catalog();
        java.time.Clock clock = launch.clock();
        // the city view (issue 15) makes view models only for the rooms on screen
        RoomViewModels rooms = launch.view() == GuiLauncher.View.CITY ? RoomViewModels.onDemand(catalog.model(), messages, clock)
                : new RoomViewModels(catalog.model(), messages, clock);
        AppStatusViewModel status = new AppStatusViewModel(messages, clock);

        Parent root;
        if (launch.view() == GuiLauncher.View.KIOSK) {
            RoomId room = launch.room();
            KioskViewModel kiosk = new KioskViewModel(rooms.get(room), status, displayOf(catalog.model(), room),
                    catalog.model().calendarOf(room), clock, launch.demo());
            rooms.onChange(model -> kiosk.applySchool(displayOf(model, room), model.calendarOf(room)));
            root = new KioskView(kiosk);
            logFirstLight(rooms.get(room));
        } else if (launch.view() == GuiLauncher.View.CITY) {
            // the city view (issue 15) is built while the back end opens (GuiLauncher starts both at once): the sites
            // are on screen from the school file, their counts follow from the first readings
            java.util.concurrent.CompletableFuture<AppContext> ready = new java.util.concurrent.CompletableFuture<>();
            launch.backEnd().whenReady(ready::complete);
            city = new org.frischluft.ui.city.CityViewModel(rooms, id -> ready.isDone() ? ready.join().live().room(id)
                    : java.util.Optional.empty(), status, messages, launch.demo(), clock);
            city.apply(org.frischluft.ui.city.CityAggregator.beforeAnyReading(catalog.model()));
            status.markStarting();
            logFirstCityReading(city);
            root = new org.frischluft.ui.city.CityView(city, new RoomDetailView(new RoomDetailViewModel(
                    request -> ready.thenCompose(ctx -> ctx.roomHistory().load(request)), catalog::model, clock, messages,
                    Platform::runLater)));
        } else {
            AppContext ctx = launch.backEnd().context();
            // the room detail: a click on a room shows its CO2 history, queried off the FX thread
            RoomDetailViewModel detail = new RoomDetailViewModel(ctx.roomHistory(), catalog::model, ctx.clock(), messages,
                    Platform::runLater);
            // reports: a header button opens them over the overview; exports ask where to save
            org.frischluft.ui.report.ReportViewModel reports = new org.frischluft.ui.report.ReportViewModel(ctx.reports(),
                    catalog::model, ctx.clock(), launch.locale(), Platform::runLater);
            org.frischluft.ui.report.ReportView reportView = new org.frischluft.ui.report.ReportView(reports, (format, name) -> {
                javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
                chooser.setInitialFileName(name);
                chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(format.toUpperCase(java.util.Locale.ROOT), "*." + format));
                java.io.File f = chooser.showSaveDialog(stage);
                return f == null ? null : f.toPath();
            });
            // the caretaker's alert list beside the rooms, newly opened alerts also as desktop notifications
            org.frischluft.ui.common.AlertsViewModel alerts = new org.frischluft.ui.common.AlertsViewModel(
                    new AlertBoardFeed(ctx.alerts()), rooms, messages, ctx.clock());
            alertsToFollow = alerts;
            OverviewView overview = new OverviewView(new OverviewViewModel(rooms, status, messages, launch.demo(), alerts),
                    new RoomDetailView(detail), reportView);
            overview.notifyOnDesktop(true);
            // the admin area (issue 10): a header button and Ctrl+Shift+A, behind the admin PIN of the settings
            AdminWindow admin = new AdminWindow(ctx, launch.settings(), launch.settingsFile(), launch.locale(), status.unplaced());
            adminToClose = admin;
            overview.addHeaderButton("open-admin", messages.get("admin.open"), "Shortcut+Shift+A", () -> admin.open(stage));
            root = overview;
        }
        int[] size = launch.size();
        boolean fullKiosk = launch.view() == GuiLauncher.View.KIOSK && size == null;
        boolean lockedKiosk = fullKiosk && launch.locked();
        // a locked kiosk covers the whole screen even where no window manager honours fullscreen
        Rectangle2D screen = fullKiosk ? Screen.getPrimary().getBounds() : Screen.getPrimary().getVisualBounds();
        double w = size != null ? size[0] : fullKiosk ? screen.getWidth() : Math.min(1600, screen.getWidth());
        double h = size != null ? size[1] : fullKiosk ? screen.getHeight() : Math.min(900, screen.getHeight());
        Scene scene = new Scene(root, w, h);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.setTitle(messages.get("app.title") + " — " + catalog.model().name() + (launch.demo() ? " (Demo)" : ""));
        if (lockedKiosk) {
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            KioskStage.lockDown(stage, launch.settings().pinHash(), Platform::exit, messages);
        } else if (fullKiosk) {
            // the demo's kiosk: fullscreen like the real one, but Escape ends it (and the screen says so)
            KioskStage.demoFullScreen(stage, Platform::exit, messages);
            org.slf4j.LoggerFactory.getLogger(FrischluftApp.class).info("demo kiosk: fullscreen, Esc ends it");
        }
        // the pump starts when the back end is there: at once for the overview; for a kiosk once its first frame
        // is painted (the room's light, grey until the first reading), so the store and links do not delay it
        launch.backEnd().whenReady(ctx -> {
            // the city's summaries start on the back end's thread, not behind the window's first pulses
            org.frischluft.ui.city.CityAggregator aggregator = city == null ? null
                    : new org.frischluft.ui.city.CityAggregator(ctx.live(), catalog::model, new AlertBoardFeed(ctx.alerts())).start();
            Platform.runLater(() -> {
                cityAggregator = aggregator;
                if (stopped) {
                    if (aggregator != null) aggregator.close();
                    return;
                }
                pump = new FxPump(ctx.live(), catalog, rooms, status, clock);
                if (alertsToFollow != null) pump.followAlerts(alertsToFollow);
                if (aggregator != null) pump.onTick(() -> city.apply(aggregator.current()));
                pump.start();
            });
        });
        if (launch.view() == GuiLauncher.View.KIOSK) afterFirstFrame(() -> {
            org.slf4j.LoggerFactory.getLogger(FrischluftApp.class).info("kiosk on screen: room {}, {} after {} ms",
                    launch.room(), rooms.get(launch.room()).getLight(),
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
            launch.backEnd().start();
        });
        // the FX thread's heartbeat: a pulse that stops when the FX thread hangs (app/Liveness)
        heartbeat = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1),
                e -> launch.liveness().beat()));
        heartbeat.setCycleCount(javafx.animation.Animation.INDEFINITE);
        heartbeat.play();
        stage.show();
        org.slf4j.LoggerFactory.getLogger(FrischluftApp.class).info("showing {} ({}x{}{})",
                launch.view() == GuiLauncher.View.KIOSK ? "the kiosk of room " + launch.room()
                        : launch.view() == GuiLauncher.View.CITY ? "the city view" : "the overview",
                (int) w, (int) h, lockedKiosk ? ", locked" : fullKiosk ? ", Esc ends the demo" : "");
    }

    /** Runs {@code action} on the FX thread at the pulse after the next one: the first frame is on screen by then. */
    private static void afterFirstFrame(Runnable action) {
        new javafx.animation.AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) return;
                stop();
                action.run();
            }
        }.start();
    }

    /** Logs when the kiosk first paints a reading ("first light on screen after N ms"): start-up time, for admins and bench/startup.sh. */
    private static void logFirstLight(org.frischluft.ui.common.RoomViewModel room) {
        logWhenFirstPainted(room.co2TextProperty(),
                text -> text != null && !text.isBlank() && !text.equals(room.messages().get("co2.none")),
                text -> "first light on screen: " + room.getLight() + " " + text);
    }

    /** Logs when the city view first paints a counted reading: its start-up time (bench/city.sh measures the same). */
    private static void logFirstCityReading(org.frischluft.ui.city.CityViewModel city) {
        logWhenFirstPainted(city.sitesProperty(),
                sites -> sites.stream().anyMatch(s -> s.red() + s.yellow() + s.green() + s.blue() > 0),
                sites -> "city view: first reading on screen");
    }

    /** The first time {@code value} {@code shows} something, logs {@code what} "after N ms" (JVM uptime) at the frame that paints it. */
    private static <T> void logWhenFirstPainted(javafx.beans.value.ObservableValue<T> value, java.util.function.Predicate<T> shows,
                                                java.util.function.Function<T, String> what) {
        value.addListener(new javafx.beans.value.ChangeListener<T>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends T> obs, T old, T now) {
                if (!shows.test(now)) return;
                obs.removeListener(this);
                String line = what.apply(now);
                new javafx.animation.AnimationTimer() { // stamped at the next frame: the one that paints it
                    @Override
                    public void handle(long t) {
                        stop();
                        org.slf4j.LoggerFactory.getLogger(FrischluftApp.class).info("{} after {} ms", line,
                                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
                    }
                }.start();
            }
        });
    }

    /**
     * The kiosk's display policy: its own entry in the school file (or its settings) first, else what the school
     * file says for the room or its site, else the settings' {@code display}, else always on.
     */
    private DisplayPolicy displayOf(SchoolModel model, RoomId room) {
        if (launch.display() != null) return launch.display();
        DisplayPolicy own = launch.settings().display();
        return model.configuredDisplayOf(room).orElse(own != null ? own : DisplayPolicy.always());
    }

    @Override
    public void stop() {
        stopped = true;
        if (adminToClose != null) adminToClose.close();
        if (pump != null) pump.stop();
        if (cityAggregator != null) cityAggregator.close();
        if (heartbeat != null) heartbeat.stop();
        if (launch != null) launch.liveness().close();
        if (launch != null) launch.backEnd().close();
    }
}
