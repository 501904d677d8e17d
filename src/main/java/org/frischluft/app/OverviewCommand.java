package org.frischluft.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code frischluft overview}: the caretaker's school-wide overview. */
@Command(name = "overview", mixinStandardHelpOptions = true,
        description = "The caretaker's overview of every room (demo school when the settings name no broker).")
public final class OverviewCommand implements Callable<Integer> {
    @Mixin
    GuiOptions gui = new GuiOptions();

    @Override
    public Integer call() throws Exception {
        return GuiLauncher.run(gui, GuiLauncher.View.OVERVIEW, null);
    }
}
