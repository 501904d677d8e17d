package org.frischluft.app;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.frischluft.report.OpenData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code frischluft report open-data …}: the aggregated open-data export per site and school day, as CSV or OGC
 * SensorThings-style JSON; sites with fewer than 5 sensors (and days with fewer than 5 rooms with data) are left
 * out, and said so on stderr.
 */
@Command(name = "open-data", mixinStandardHelpOptions = true,
        description = {"Aggregated open data per site and school day (never per room): CSV "
                + OpenData.HEADER + ", or OGC SensorThings-style JSON (--format json) for city data platforms such as FROST.",
                "Sites with fewer than 5 sensors, and days with fewer than 5 rooms with data, are left out (Lübeck's "
                        + "data-protection rule)."})
public class OpenDataCommand implements Callable<Integer> {
    @ParentCommand
    ReportCommand parent;

    @Mixin
    ReportInput input = new ReportInput();

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv", description = "csv (default) or json (SensorThings)")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout")
    Path out;

    public OpenDataCommand() {
    }

    @Override
    public Integer call() throws Exception {
        List<String> problems = new ArrayList<>();
        if (!format.equals("csv") && !format.equals("json")) problems.add("--format " + format + ": use csv or json");
        if (!input.rooms.isEmpty()) problems.add("--room: open data is per site and day only, never per room; leave it out");
        ReportCommand.checkOut(out, problems);
        PrintWriter err = parent.spec.commandLine().getErr();
        try (ReportInput.Resolved r = input.resolve(problems, parent.clock)) {
            if (!problems.isEmpty()) return ReportCommand.fail(err, "report open-data", problems);
            OpenData.Result result = OpenData.of(r.school(), r.source(), r.from(), r.to());
            try (Writer w = parent.writer(out)) {
                if (format.equals("csv")) OpenData.csv(result.days(), w);
                else OpenData.sensorThings(result.days(), w);
            }
            for (String s : result.leftOut()) err.println("report open-data: left out " + s);
            err.flush();
            return 0;
        }
    }
}
