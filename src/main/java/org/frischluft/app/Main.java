package org.frischluft.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code frischluft} command line. Without a subcommand it runs the demo: an embedded broker, a
 * simulated school and the caretaker overview. Not a JavaFX {@code Application}, so the shaded jar and a
 * plain classpath launch both work.
 */
@Command(name = "frischluft", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Classroom CO2 monitor: ventilation traffic light, school overview and history.",
        subcommands = {DemoCommand.class, OverviewCommand.class, KioskCommand.class, RecordCommand.class,
                ExportCommand.class, DecodeCommand.class, ReplayCommand.class, SimulateCommand.class,
                RejectionsCommand.class, PinCommand.class, ConfigCommand.class,
                ReportCommand.class,
                DevicesCommand.class,
                AlertsCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.exit(code);
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::explain);
    }

    /** A broken configuration or a bad value is the user's to fix: say what and where, no stack trace. */
    private static int explain(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof org.frischluft.rooms.ConfigException || e instanceof IllegalArgumentException
                || e instanceof org.frischluft.store.StoreException) {
            String message = e instanceof org.frischluft.rooms.ConfigException c ? c.message(java.util.Locale.getDefault())
                    : String.valueOf(e.getMessage());
            for (String line : message.split("\n")) cmd.getErr().println(cmd.getCommandName() + ": " + line);
            cmd.getErr().flush();
            return 2;
        }
        throw e;
    }

    @Override
    public Integer call() throws Exception {
        // through picocli, so the demo's option defaults apply
        return new CommandLine(new DemoCommand()).execute();
    }

    /** Version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"frischluft " + (v == null ? "dev" : v),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
