package org.frischluft.app;

import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.frischluft.report.AirChange;
import org.frischluft.report.AirChangeReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code frischluft report air-change …}: each room's air change per hour from its CO2 decays, windows shut (nights)
 * and aired (breaks), as CSV {@code room,ach_closed_per_h,ach_closed_low,ach_closed_high,ach_aired_per_h,events},
 * worst room first (the highest mean its lessons would have with 20-5-20 airing).
 */
@Command(name = "air-change", mixinStandardHelpOptions = true,
        description = "Air change per hour of each room from its own CO2 decays (nights: windows shut; breaks: aired): "
                + "room,ach_closed_per_h,ach_closed_low,ach_closed_high,ach_aired_per_h,events; rooms windows cannot air "
                + "enough first.")
public class AirChangeCommand implements Callable<Integer> {
    @ParentCommand
    ReportCommand parent;

    @Mixin
    ReportInput input = new ReportInput();

    @Option(names = "--outdoor", paramLabel = "PPM", defaultValue = "420", description = "Outdoor CO2 the decays tend to (default 420)")
    double outdoor;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout")
    Path out;

    public AirChangeCommand() {
    }

    @Override
    public Integer call() throws Exception {
        List<String> problems = new ArrayList<>();
        if (!(outdoor >= 200 && outdoor <= 800)) problems.add("--outdoor " + outdoor + ": outdoor air lies near 420 ppm; give 200..800");
        ReportCommand.checkOut(out, problems);
        try (ReportInput.Resolved r = input.resolve(problems, parent.clock)) {
            if (!problems.isEmpty()) return ReportCommand.fail(parent.spec.commandLine().getErr(), "report air-change", problems);
            List<AirChange.Estimate> ranked = AirChangeReport.of(r.school(), r.source(), r.from(), r.to(), r.rooms(), outdoor);
            try (Writer w = parent.writer(out)) {
                w.append(AirChange.HEADER).append('\n');
                for (AirChange.Estimate e : ranked) AirChange.csvRow(e, w);
            }
            return 0;
        }
    }
}
