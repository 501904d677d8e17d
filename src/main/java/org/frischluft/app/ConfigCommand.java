package org.frischluft.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.frischluft.rooms.ConfigException;
import org.frischluft.rooms.Problem;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.file.SchoolFile;
import org.frischluft.settings.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code frischluft config ...}: the admin's tools for the school file and the settings. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Check configuration files before they go live.",
        subcommands = {ConfigCommand.Validate.class, ConfigImportCommand.class, ConfigExportCommand.class,
            ConfigTestBrokerCommand.class,
            ConfigHistoryCommand.History.class, ConfigHistoryCommand.Undo.class, ConfigHistoryCommand.Rollback.class,
            ConfigHistoryCommand.Audit.class,
            ConfigFleetCommands.Keygen.class, ConfigFleetCommands.Publish.class, ConfigFleetCommands.Verify.class})
public final class ConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /**
     * {@code config validate FILE}: every problem of a school file (or of a settings {@code .properties} file and the
     * school file it names), one line each as {@code FILE: path: problem}; exit 2 if there is any, else 0 and
     * {@code ok: N sites, N rooms, N sensors, N kiosks}. Warnings are printed as {@code FILE: path: warning: ...}
     * and do not fail the check.
     */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check a school file (JSON), a settings file (.properties) or alerts.json and list every problem at once:",
                "FILE: path: problem, one per line; exit 2 if there is any, else 0 and 'ok: N sites, N rooms, N sensors, N kiosks'."})
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "School file (.json) or settings file (.properties).")
        Path file;

        @picocli.CommandLine.Mixin
        LanguageOption language;

        @Override
        public Integer call() {
            return language.run((locale, out, err) -> {
                String name = file.getFileName().toString();
                return name.endsWith(".properties") ? settings(file, locale, out)
                        : name.equals(org.frischluft.alert.AlertConfigFile.FILE_NAME) ? alerts(file, locale, out) : school(file, locale, out);
            });
        }

        private static int school(Path file, Locale locale, PrintWriter out) {
            SchoolFile.Result r = SchoolFile.check(file);
            print(file, r.problems(), locale, out);
            if (!r.ok()) return 2;
            SchoolModel m = r.model();
            out.println("ok: " + m.sites().size() + " sites, " + m.rooms().size() + " rooms, " + m.sensorCount()
                    + " sensors, " + m.kiosks().size() + " kiosks");
            return 0;
        }

        /** {@code alerts.json}: checked against the school file beside it (its site ids), if there is one. */
        private static int alerts(Path file, Locale locale, PrintWriter out) {
            Path dir = file.toAbsolutePath().getParent();
            Path schoolFile = dir == null ? null : dir.resolve("school.json");
            SchoolModel model = new SchoolModel(null, null, List.of(), List.of(), List.of());
            if (schoolFile != null && java.nio.file.Files.exists(schoolFile)) {
                SchoolFile.Result school = SchoolFile.check(schoolFile);
                if (!school.ok()) {
                    print(schoolFile, school.problems(), locale, out);
                    return 2;
                }
                model = school.model();
            }
            org.frischluft.alert.AlertConfigFile.Result r = org.frischluft.alert.AlertConfigFile.check(file, model);
            print(file, r.problems(), locale, out);
            if (!r.ok()) return 2;
            org.frischluft.alert.AlertConfig c = r.config();
            out.println("ok: alert settings for " + c.sites().size() + " sites, " + c.recipients().size() + " recipients, "
                    + c.webhooks().size() + " webhooks" + (c.mqtt() ? ", MQTT" : ""));
            return 0;
        }

        private static int settings(Path file, Locale locale, PrintWriter out) {
            Settings s;
            try {
                s = Settings.read(file);
            } catch (ConfigException e) {
                print(file, e.problems(), locale, out);
                return 2;
            }
            print(file, s.warnings(), locale, out);
            out.println("ok: settings with " + s.brokers().size() + " brokers" + (s.school() == null ? ", the demo school" : ""));
            return s.school() == null ? 0 : school(s.school(), locale, out);
        }

        private static void print(Path file, List<Problem> problems, Locale locale, PrintWriter out) {
            for (Problem p : problems) {
                String where = p.path().isEmpty() ? "" : p.path() + ": ";
                out.println(file + ": " + where + (p.isError() ? "" : warningWord(locale) + ": ") + p.message(locale));
            }
        }

        private static String warningWord(Locale locale) {
            return locale.getLanguage().equals("de") ? "Hinweis" : "warning";
        }
    }
}
