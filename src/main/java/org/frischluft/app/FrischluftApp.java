package org.frischluft.app;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.frischluft.rooms.Profiles;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.RoomConfig;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.FxPump;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModel;
import org.frischluft.ui.common.Theme;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.ui.kiosk.KioskStage;
import org.frischluft.ui.kiosk.KioskView;
import org.frischluft.ui.kiosk.KioskViewModel;
import org.frischluft.ui.overview.OverviewView;
import org.frischluft.ui.overview.OverviewViewModel;
import org.frischluft.ui.room.RoomDetailView;
import org.frischluft.ui.room.RoomDetailViewModel;

/**
 * The JavaFX application: one view model per room fed by the FX pump, and either the overview or a kiosk.
 * Everything it shows was built by {@link GuiLauncher} before the toolkit started.
 */
public final class FrischluftApp extends Application {
    private static volatile GuiLauncher.Launch pending;

    private FxPump pump;
    private GuiLauncher.Launch launch;

    static void launch(GuiLauncher.Launch l) {
        pending = l;
    }

    @Override
    public void start(Stage stage) {
        launch = pending;
        AppContext ctx = launch.context();
        Messages messages = Messages.forLocale(launch.locale());
        Map<RoomId, RoomViewModel> rooms = new LinkedHashMap<>();
        for (RoomConfig r : ctx.school().rooms()) {
            rooms.put(r.id(), new RoomViewModel(r, messages, ctx.clock()));
        }
        AppStatusViewModel status = new AppStatusViewModel(messages, ctx.clock());
        pump = new FxPump(ctx.live(), rooms, status, ctx.clock());

        Parent root;
        if (launch.view() == GuiLauncher.View.KIOSK) {
            // the room's own policy from the school file wins over the kiosk's settings
            String display = ctx.school().room(launch.room()).map(RoomConfig::display)
                    .filter(d -> d != null && !d.isBlank()).orElse(launch.settings().display());
            DisplayPolicy policy = DisplayPolicy.parse(display);
            root = new KioskView(new KioskViewModel(rooms.get(launch.room()), status, policy, ctx.clock(), launch.demo()));
        } else {
            // the room detail: a click on a room shows its CO2 history, queried off the FX thread
            RoomDetailViewModel detail = new RoomDetailViewModel(ctx.roomHistory(),
                    room -> Profiles.byId(ctx.school().profileOf(room)), ctx.clock(), messages, Platform::runLater);
            root = new OverviewView(new OverviewViewModel(ctx.school(), rooms, status, messages, launch.demo()),
                    new RoomDetailView(detail));
        }
        int[] size = launch.size();
        boolean lockedKiosk = launch.view() == GuiLauncher.View.KIOSK && size == null;
        // a locked kiosk covers the whole screen even where no window manager honours fullscreen
        Rectangle2D screen = lockedKiosk ? Screen.getPrimary().getBounds() : Screen.getPrimary().getVisualBounds();
        double w = size != null ? size[0] : lockedKiosk ? screen.getWidth() : Math.min(1600, screen.getWidth());
        double h = size != null ? size[1] : lockedKiosk ? screen.getHeight() : Math.min(900, screen.getHeight());
        Scene scene = new Scene(root, w, h);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.setTitle(messages.get("app.title") + " — " + ctx.school().name() + (launch.demo() ? " (Demo)" : ""));
        if (lockedKiosk) {
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            KioskStage.lockDown(stage, launch.settings().pinHash(), Platform::exit, messages);
        }
        pump.start();
        stage.show();
    }

    @Override
    public void stop() {
        if (pump != null) pump.stop();
        if (launch != null) launch.context().close();
    }
}
