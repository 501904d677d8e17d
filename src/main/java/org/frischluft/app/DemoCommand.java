package org.frischluft.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code frischluft demo}: embedded broker, simulated school, the caretaker overview (or one room's kiosk). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the demo school: embedded MQTT broker, simulated sensors, the overview (or --kiosk ROOM: fullscreen, Esc ends it).",
                "Writes its history to demo-history.mv.db in the user's data folder, fresh each run unless --keep-history.",
                "--config FILE: the settings' school file, language, display and PIN, with the simulated sensors."})
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    GuiOptions gui = new GuiOptions();

    @Option(names = "--kiosk", paramLabel = "ROOM", description = "Open the kiosk of this room (e.g. r-101) instead of the overview.")
    String kioskRoom;

    @Override
    public Integer call() throws Exception {
        if (gui.config != null && !org.frischluft.settings.Settings.read(gui.config).embedded()) {
            System.err.println("demo: " + gui.config + " names brokers, but the demo runs its own embedded broker and "
                    + "simulated school. For those brokers: frischluft overview --config " + gui.config
                    + " (or kiosk --config " + gui.config + ")");
            return 2;
        }
        // a demo is no locked kiosk: fullscreen, but Escape ends it
        return GuiLauncher.run(gui, kioskRoom == null ? GuiLauncher.View.OVERVIEW : GuiLauncher.View.KIOSK, kioskRoom, false);
    }
}
