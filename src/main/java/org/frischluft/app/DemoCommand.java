package org.frischluft.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code frischluft demo}: embedded broker, simulated school, the caretaker overview (or one room's kiosk). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the demo school: embedded MQTT broker, simulated sensors, the overview (or --kiosk ROOM).")
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    GuiOptions gui = new GuiOptions();

    @Option(names = "--kiosk", paramLabel = "ROOM", description = "Open the kiosk of this room (e.g. r-101) instead of the overview.")
    String kioskRoom;

    @Override
    public Integer call() throws Exception {
        if (gui.config != null) {
            System.err.println("demo: --config is not used by the demo; use 'overview --config' or 'kiosk --config'");
            return 2;
        }
        return GuiLauncher.run(gui, kioskRoom == null ? GuiLauncher.View.OVERVIEW : GuiLauncher.View.KIOSK, kioskRoom);
    }
}
