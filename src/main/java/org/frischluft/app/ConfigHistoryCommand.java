package org.frischluft.app;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.admin.SchoolHistory;
import org.frischluft.admin.VersionRows;
import org.frischluft.rooms.ConfigException;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.store.Store;
import org.frischluft.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code config history|undo|rollback N|audit}: the school file's numbered versions and their audit, kept in the
 * history database (the same the app writes when the admin saves), from the command line. Each first stores a school
 * file changed by hand as a new version "changed outside the app".
 */
final class ConfigHistoryCommand {
    private ConfigHistoryCommand() {
    }

    /** Where the school file and the versions are. */
    static final class Target {
        @Option(names = "--school", required = true, paramLabel = "FILE", description = "The school file (JSON).")
        Path school;

        @Option(names = "--db", paramLabel = "JDBC_URL",
                description = "History database with the versions (default: H2 file in the user's data folder).")
        String db;

        @Option(names = "--db-user", description = "Database user (PostgreSQL).")
        String user;

        @Option(names = "--db-password-env", paramLabel = "VAR", description = "Environment variable holding the database password.")
        String passwordEnv;

        /** Opens store, catalog and editor, runs {@code work}, closes; errors in words, exit 2. */
        int run(CommandSpec spec, Work work) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String name = spec.qualifiedName(" ").replaceFirst("^\\S+ ", "");
            Clock clock = Clock.systemUTC();
            SchoolCatalog catalog;
            try {
                catalog = SchoolCatalog.open(school, clock);
            } catch (ConfigException e) {
                err.println(name + ": " + e.getMessage());
                err.flush();
                return 2;
            }
            String url = db != null ? db : AppDirs.defaultDb("history");
            String password = passwordEnv == null ? null : System.getenv(passwordEnv);
            try (Store store = Stores.open(url, user, password, null, clock)) {
                SchoolEditor editor = editor(catalog, store, clock);
                editor.reconcile();
                int code = work.run(editor, out, err);
                out.flush();
                err.flush();
                return code;
            } catch (StoreException | java.io.IOException | IllegalArgumentException e) {
                err.println(name + ": " + e.getMessage());
                err.flush();
                return 2;
            }
        }
    }

    /** The editor of {@code catalog} whose versions are in {@code store}; the actor is the OS user. */
    static SchoolEditor editor(SchoolCatalog catalog, Store store, Clock clock) {
        Path dir = catalog.file() == null ? null : catalog.file().toAbsolutePath().getParent();
        return new SchoolEditor(catalog, System.getProperty("user.name", "admin"),
                new SchoolHistory(new StoreVersionRows(store.admin()), clock, dir), Runnable::run);
    }

    @FunctionalInterface
    interface Work {
        int run(SchoolEditor editor, PrintWriter out, PrintWriter err) throws java.io.IOException;
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "List the school file's versions: number, time, who, what, how many fields changed.")
    static final class History implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Target target;

        @Override
        public Integer call() {
            return target.run(spec, (editor, out, err) -> {
                Map<Long, Long> changes = editor.history().audit().stream()
                        .collect(Collectors.groupingBy(VersionRows.Audit::version, Collectors.counting()));
                List<VersionRows.Stored> all = editor.history().versions();
                for (VersionRows.Stored v : all) {
                    long n = changes.getOrDefault(v.number(), 0L);
                    out.println("v" + v.number() + "\t" + v.time() + "\t" + v.actor() + "\t" + v.summary() + "\t"
                            + n + (n == 1 ? " change" : " changes"));
                }
                return 0;
            });
        }
    }

    @Command(name = "undo", mixinStandardHelpOptions = true,
            description = "Undo the last change: the version before it becomes the next version (audited as 'undo of vN').")
    static final class Undo implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Target target;

        @Override
        public Integer call() {
            return target.run(spec, (editor, out, err) -> report(editor, editor.undo(), out, err, "nothing to undo"));
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Make version N current again, as the next version (audited as 'rollback to vN').")
    static final class Rollback implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Target target;
        @Parameters(paramLabel = "N", description = "The version to go back to (see 'config history').")
        long number;

        @Override
        public Integer call() {
            return target.run(spec, (editor, out, err) -> report(editor, editor.rollback(number), out, err,
                    "version " + number + " is the school in effect already"));
        }
    }

    private static int report(SchoolEditor editor, SchoolEditor.Outcome o, PrintWriter out, PrintWriter err, String nothing) {
        if (!o.errors().isEmpty()) {
            o.errors().forEach(p -> err.println(p.describe(java.util.Locale.getDefault())));
            return 2;
        }
        if (!o.saved()) {
            out.println(nothing);
            return 1;
        }
        VersionRows.Stored v = editor.history().version(o.stored()).orElseThrow();
        out.println("v" + v.number() + ": " + v.summary() + " (" + editor.history().audit(v.number()).size() + " changes)");
        return 0;
    }

    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = {"Every change: version;time;actor;what;old;new (CSV, ';').", "To stdout, or to a file with --csv."})
    static final class Audit implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Target target;
        @Option(names = "--csv", paramLabel = "FILE", description = "Write the CSV to FILE instead of the terminal.")
        Path csv;

        @Override
        public Integer call() {
            return target.run(spec, (editor, out, err) -> {
                if (csv == null) {
                    editor.history().exportCsv(out);
                    return 0;
                }
                try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                    editor.history().exportCsv(w);
                }
                out.println("audit: " + editor.history().audit().size() + " changes written to " + csv);
                return 0;
            });
        }
    }

}
