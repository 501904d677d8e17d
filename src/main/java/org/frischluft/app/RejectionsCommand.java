package org.frischluft.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.frischluft.ingest.RejectionJournal;
import org.frischluft.model.RejectionSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rejections}: what {@code record} could not use, from its {@link RejectionJournal}: counts by reason
 * code, then the newest messages with time, topic, reason and the start of the body. The admin's answer to
 * "which sensor sends what garbage". Output goes to the command line's {@code getOut()}.
 */
@Command(name = "rejections", mixinStandardHelpOptions = true,
        description = {"Show the messages 'record' rejected: counts by reason, then the newest ones (time, topic, reason, excerpt).",
            "Reads the file 'record' keeps (the newest 500 to 1,000 rejected messages)."})
public final class RejectionsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Option(names = "--file", paramLabel = "FILE",
            description = "Rejections file written by record (default: rejections.jsonl in the user's data folder).")
    Path file;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "How many of the newest messages to list. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--json", description = "One JSON object {file, kept, counts, recent[newest first]} instead of a table.")
    boolean json;

    /** Time zone of the table (tests fix it). */
    ZoneId zone = ZoneId.systemDefault();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (limit < 0) {
            spec.commandLine().getErr().println("rejections: --limit must not be negative");
            return 2;
        }
        Path f = file != null ? file : AppDirs.data().resolve(RejectionJournal.FILE_NAME);
        List<RejectionSummary.Entry> all = new ArrayList<>(RejectionJournal.read(f));
        all.sort(Comparator.comparing(RejectionSummary.Entry::time)); // stable: file order for equal times
        Collections.reverse(all);
        Map<String, Long> counts = new TreeMap<>();
        for (RejectionSummary.Entry e : all) counts.merge(e.code(), 1L, Long::sum);
        List<RejectionSummary.Entry> newest = all.subList(0, Math.min(limit, all.size()));
        if (json) {
            printJson(out, f, all.size(), counts, newest);
        } else {
            printTable(out, f, all.size(), counts, newest);
        }
        out.flush();
        return 0;
    }

    private static void printJson(PrintWriter out, Path f, int kept, Map<String, Long> counts,
                                  List<RejectionSummary.Entry> newest) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("file", f.toString());
        root.put("kept", kept);
        ObjectNode c = root.putObject("counts");
        counts.forEach(c::put);
        ArrayNode recent = root.putArray("recent");
        for (RejectionSummary.Entry e : newest) {
            recent.addObject().put("time", e.time().toString()).put("topic", e.topic())
                    .put("reason", e.reason()).put("excerpt", e.excerpt());
        }
        out.println(m.writeValueAsString(root));
    }

    private void printTable(PrintWriter out, Path f, int kept, Map<String, Long> counts,
                            List<RejectionSummary.Entry> newest) {
        if (kept == 0) {
            out.println("No rejected messages in " + f);
            return;
        }
        out.println(kept + " rejected messages kept in " + f);
        out.println();
        out.printf("%7s  %s%n", "count", "reason");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.printf("%7d  %s%n", e.getValue(), e.getKey()));
        if (newest.isEmpty()) return;
        out.println();
        out.println("newest " + newest.size() + (zone.equals(ZoneId.of("UTC")) ? " (UTC)" : " (" + zone.getId() + ")") + ":");
        int topicW = Math.min(48, Math.max(5, newest.stream().mapToInt(e -> e.topic().length()).max().orElse(5)));
        int reasonW = Math.min(48, Math.max(6, newest.stream().mapToInt(e -> e.reason().length()).max().orElse(6)));
        String row = "%-19s  %-" + topicW + "s  %-" + reasonW + "s  %s%n";
        out.printf(row, "time", "topic", "reason", "excerpt");
        for (RejectionSummary.Entry e : newest) {
            out.printf(row, TIME.format(e.time().atZone(zone)), cutLeft(e.topic(), topicW), cut(e.reason(), reasonW),
                    cut(e.excerpt(), 60));
        }
    }

    /** Topics keep their end, where the device id sits: "…devices/eui-a840…/up". */
    static String cutLeft(String s, int width) {
        return s.length() <= width ? s : "…" + s.substring(s.length() - Math.max(0, width - 1));
    }

    static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "…";
    }
}
