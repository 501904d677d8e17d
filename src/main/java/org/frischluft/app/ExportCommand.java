package org.frischluft.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;
import org.frischluft.store.ExportQuery;
import org.frischluft.store.Store;
import org.frischluft.store.StoreException;
import org.frischluft.store.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export}: history as CSV on stdout ({@code time,device,room,co2_ppm,temperature_c,humidity_pct}). Output
 * goes to the command line's {@code getOut()}, so tests set their own writer with {@code setOut}; every error goes
 * to {@code getErr()}, never into the CSV. Opens a file {@code record} is writing (H2 auto-server) and refuses a
 * database that does not exist.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write stored readings as CSV to stdout: time,device,room,co2_ppm,temperature_c,humidity_pct "
                + "(ISO-8601 UTC, empty cell when absent; room = where the sensor was at that time).")
public class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "JDBC_URL",
            description = "History database, e.g. jdbc:h2:file:./frischluft or jdbc:postgresql://host/db")
    String db;

    @Option(names = "--user", description = "Database user")
    String user;

    @Option(names = "--password", description = "Database password", interactive = false, arity = "1")
    String password;

    @Option(names = "--from", paramLabel = "ISO", description = "First time to include, e.g. 2026-03-02T08:00:00Z")
    Instant from;

    @Option(names = "--to", paramLabel = "ISO", description = "Time to stop at (exclusive)")
    Instant to;

    @Option(names = "--device", paramLabel = "ID", description = "Only this device (DevEUI or device id)")
    String device;

    @Option(names = "--room", paramLabel = "ID", description = "Only readings taken while a sensor was in this room")
    String room;

    public ExportCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExportQuery query;
        try {
            query = new ExportQuery(from, to, device == null ? null : DeviceId.of(device), room == null ? null : RoomId.of(room));
        } catch (IllegalArgumentException e) {
            err.println("export: " + e.getMessage());
            return 2;
        }
        StoreOptions options;
        try {
            // an export must not apply this process's retention to someone else's database
            options = StoreOptions.of(db).withCredentials(user, password).withRawRetention(Duration.ZERO);
        } catch (IllegalArgumentException e) {
            err.println("export: " + e.getMessage());
            return 2;
        }
        try (Store store = Store.openExisting(options, Clock.systemUTC())) { // never creates an empty one
            store.history().exportCsv(query, out);
            out.flush();
            return 0;
        } catch (StoreException | IOException e) {
            err.println("export: " + e.getMessage());
            return 1;
        }
    }
}
