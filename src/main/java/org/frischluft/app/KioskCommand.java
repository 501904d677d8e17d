package org.frischluft.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code frischluft kiosk --room ID}: one room's ventilation light, fullscreen and locked down. */
@Command(name = "kiosk", mixinStandardHelpOptions = true,
        description = "One room's ventilation traffic light, fullscreen and locked (--size for a window).")
public final class KioskCommand implements Callable<Integer> {
    @Mixin
    GuiOptions gui = new GuiOptions();

    @Option(names = "--room", paramLabel = "ID", description = "Room id, e.g. r-101 (default: 'room' in the settings).")
    String room;

    @Override
    public Integer call() throws Exception {
        return GuiLauncher.run(gui, GuiLauncher.View.KIOSK, room);
    }
}
