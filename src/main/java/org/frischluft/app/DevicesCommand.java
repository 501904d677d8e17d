package org.frischluft.app;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.frischluft.store.ExportCsv;
import org.frischluft.store.SeenDevice;
import org.frischluft.store.Store;
import org.frischluft.store.StoreException;
import org.frischluft.store.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code devices --unplaced}: the devices the store has readings of that are in no room of the school file, as CSV
 * on stdout ({@code device,last_seen,last_co2_ppm,inferred_model}), latest first; errors on stderr only.
 */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List devices seen but not placed in the school file, as CSV: device,last_seen,last_co2_ppm,inferred_model "
                + "(inferred_model: the model whose decoder read its raw bytes, with how it was known, e.g. milesight-am319 (frame)).")
public final class DevicesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--unplaced", required = true, description = "Only devices in no room (not in the school file).")
    boolean unplaced;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "History database (default: the H2 file in the user's data folder); also one record is writing.")
    String db;

    @Option(names = "--db-user", description = "Database user (PostgreSQL).")
    String dbUser;

    @Option(names = "--db-password-env", description = "Environment variable holding the database password.")
    String dbPasswordEnv;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String url = db != null ? db : AppDirs.defaultDb("history");
        StoreOptions options;
        try {
            options = StoreOptions.of(url).withCredentials(dbUser, dbPasswordEnv == null ? null : System.getenv(dbPasswordEnv))
                    .withRawRetention(Duration.ZERO); // a reader applies no retention
        } catch (IllegalArgumentException e) {
            err.println("devices: " + e.getMessage());
            err.flush();
            return 2;
        }
        try (Store store = Store.openExisting(options, Clock.systemUTC())) {
            out.println("device,last_seen,last_co2_ppm,inferred_model");
            for (SeenDevice d : store.history().unplacedDevices()) {
                out.println(ExportCsv.cell(d.device().value()) + "," + d.lastSeen() + "," + (d.lastCo2() == null ? "" : fmt(d.lastCo2()))
                        + "," + (d.model() == null ? "" : ExportCsv.cell(d.model() + " (" + d.modelSource() + ")")));
            }
            out.flush();
            return 0;
        } catch (StoreException e) {
            err.println("devices: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
