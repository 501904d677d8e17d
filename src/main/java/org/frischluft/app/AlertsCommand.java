package org.frischluft.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.frischluft.alert.AlertConfig;
import org.frischluft.alert.AlertConfigFile;
import org.frischluft.alert.AlertReplay;
import org.frischluft.rooms.ConfigException;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.file.SchoolFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code frischluft alerts --replay CSV [--school FILE] [--alerts FILE]}: runs the alert rules over a CSV in
 * {@code export}'s format (optional column {@code battery_pct}) and prints {@code time,room,rule,event} with
 * {@code event} one of {@code opened}, {@code escalated}, {@code resolved}, using the school's calendar (the
 * German default without a school file). A site-wide alert names {@code site:<id>} as its room.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Shows what the alert rules would have done: runs a CSV export through them and prints",
            "time,room,rule,event (event: opened, escalated, resolved)."})
public final class AlertsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--replay", required = true, paramLabel = "CSV", description = "CSV in export's format (battery_pct optional)")
    Path csv;

    @Option(names = "--school", paramLabel = "FILE", description = "School file: rooms, sites and their calendars")
    Path school;

    @Option(names = "--alerts", paramLabel = "FILE",
            description = "Alert settings (thresholds per site); default: alerts.json beside the school file, if there")
    Path alerts;

    @Override
    public Integer call() throws ConfigException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SchoolModel model = school == null ? new SchoolModel(null, null, List.of(), List.of(), List.of()) : SchoolFile.read(school);
        Path settings = alerts != null ? alerts : AlertConfigFile.beside(school);
        if (alerts != null && !Files.exists(alerts)) {
            err.println("alerts: the file " + alerts + " does not exist");
            err.flush();
            return 2;
        }
        AlertConfig config = settings == null ? AlertConfig.standard() : AlertConfigFile.read(settings, model);
        AlertReplay.Result r;
        out.println("time,room,rule,event");
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            r = AlertReplay.run(in, model, config, e -> {
                String line = AlertReplay.line(e);
                if (line != null) out.println(line);
            });
        } catch (IOException e) {
            out.flush();
            err.println("alerts: cannot read " + csv + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        out.flush();
        if (r.bad() > 0) err.println("alerts: " + r.bad() + " bad line(s) skipped of " + (r.rows() + r.bad()) + "; first: " + r.firstBad());
        err.flush();
        return 0;
    }
}
