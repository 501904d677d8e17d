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
import org.frischluft.model.RoomId;
import org.frischluft.rooms.RoomConfig;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.FxPump;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModel;
import org.frischluft.ui.common.Theme;
import org.frischluft.ui.kiosk.DisplayPolicy;
import org.frischluft.ui.kiosk.KioskStage;
import org.frischluft.ui.kiosk.KioskView;
import org.frischluft.ui.kiosk.KioskViewModel;
import org.frischluft.ui.overview.OverviewView;
import org.frischluft.ui.overview.OverviewViewModel;

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
            DisplayPolicy policy = DisplayPolicy.parse(launch.settings().display());
            root = new KioskView(new KioskViewModel(rooms.get(launch.room()), status, policy, ctx.clock(), launch.demo()));
        } else {
            root = new OverviewView(new OverviewViewModel(ctx.school(), rooms, status, messages, launch.demo()));
        }
        int[] size = launch.size();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = size != null ? size[0] : Math.min(1600, screen.getWidth());
        double h = size != null ? size[1] : Math.min(900, screen.getHeight());
        Scene scene = new Scene(root, w, h);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.setTitle(messages.get("app.title") + " — " + ctx.school().name() + (launch.demo() ? " (Demo)" : ""));
        if (launch.view() == GuiLauncher.View.KIOSK && size == null) {
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
