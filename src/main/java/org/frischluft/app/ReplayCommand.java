package org.frischluft.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.Profiles;
import org.frischluft.assess.RoomAssessor;
import org.frischluft.model.Advice;
import org.frischluft.model.Assessment;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code frischluft replay --csv FILE [--profile NAME]}: runs the traffic-light rules over a CSV in
 * {@code export}'s format and prints what each room's kiosk would have shown.
 *
 * <p>Input: header {@code time,device,room,co2_ppm,temperature_c,humidity_pct} (columns found by name; further
 * metric columns such as {@code battery_pct} are used too), ISO-8601 UTC times, an empty cell means absent.
 * Output: {@code time,room,co2_ppm,light,advice}, one row per input row, evaluated at that row's time with one
 * assessor per room. Where a room's data has a gap long enough to turn its light grey, an extra row is printed
 * at the instant it turned grey (empty {@code co2_ppm}, light {@code grey}). A trailing gap at the end of the
 * file is not reported (the export simply ends there). Bad lines are counted and reported on stderr; the rest
 * is still replayed. Output goes to the command line's {@code getOut()}, so tests can capture it.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replays a CSV export through the traffic-light rules and prints time,room,co2_ppm,light,advice.")
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "CSV in export's format")
    Path csv;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "uba",
            description = "threshold profile: uba (default), komfort, infektionsschutz; suffix +blue or +blue<ppm> adds a blue band")
    String profileName;

    public ReplayCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Profile profile;
        try {
            profile = Profiles.byId(profileName);
        } catch (IllegalArgumentException e) {
            err.println("replay: " + e.getMessage());
            err.flush();
            return 2;
        }
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            Result r = replay(in, profile, out);
            out.flush();
            if (r.rejected() > 0) {
                err.println("replay: " + r.rejected() + " bad line(s) skipped of " + (r.rows() + r.rejected())
                        + "; first: " + r.firstProblem());
            }
            err.flush();
            return 0;
        } catch (IOException e) {
            err.println("replay: cannot read " + csv + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    /** Counts of a replay. */
    record Result(int rows, int rejected, String firstProblem) {
    }

    static Result replay(BufferedReader in, Profile profile, PrintWriter out) throws IOException {
        String headerLine = in.readLine();
        if (headerLine == null) return new Result(0, 0, null);
        List<String> header = split(stripBom(headerLine));
        int time = header.indexOf("time");
        int device = header.indexOf("device");
        int room = header.indexOf("room");
        if (time < 0 || device < 0 || room < 0) {
            return new Result(0, 1, "header lacks time, device or room: " + headerLine);
        }
        Map<Integer, Metric> metrics = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            int col = i;
            Metric.byKey(header.get(i)).ifPresent(m -> metrics.put(col, m));
        }
        out.println("time,room,co2_ppm,light,advice");
        Map<RoomId, RoomAssessor> rooms = new HashMap<>();
        int rows = 0;
        int rejected = 0;
        String first = null;
        String line;
        int lineNo = 1;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) continue;
            List<String> cells = split(line);
            Reading reading;
            RoomId roomId;
            try {
                if (cells.size() != header.size()) {
                    throw new IllegalArgumentException(cells.size() + " cells, header has " + header.size());
                }
                Instant t = Instant.parse(cells.get(time).strip());
                roomId = RoomId.of(cells.get(room));
                EnumMap<Metric, Double> values = new EnumMap<>(Metric.class);
                for (Map.Entry<Integer, Metric> e : metrics.entrySet()) {
                    String cell = cells.get(e.getKey()).strip();
                    if (cell.isEmpty()) continue;
                    double v = Double.parseDouble(cell);
                    if (e.getValue().isPlausible(v)) values.put(e.getValue(), v);
                }
                reading = new Reading(DeviceId.of(cells.get(device)), t, values);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                rejected++;
                if (first == null) first = "line " + lineNo + ": " + e.getMessage();
                continue;
            }
            RoomAssessor assessor = rooms.computeIfAbsent(roomId, r -> new RoomAssessor(profile));
            Instant greyAt = assessor.greyAt();
            if (greyAt != null && reading.time().isAfter(greyAt)) {
                Assessment gap = assessor.assess(greyAt);
                out.println(greyAt + "," + csvCell(roomId.value()) + ",," + gap.light().id() + "," + token(gap.advice()));
            }
            assessor.add(reading);
            Assessment a = assessor.assess(reading.time());
            Double co2 = reading.co2();
            out.println(reading.time() + "," + csvCell(roomId.value()) + "," + (co2 == null ? "" : fmt(co2)) + ","
                    + a.light().id() + "," + token(a.advice()));
            rows++;
        }
        return new Result(rows, rejected, first);
    }

    /** A short machine-readable token for a coach line, e.g. {@code yellow_in_7min}; empty for none. */
    static String token(Advice advice) {
        if (advice == null) return "";
        return switch (advice.kind()) {
            case YELLOW_SOON -> "yellow_in_" + advice.minutes() + "min";
            case RED_SOON -> "red_in_" + advice.minutes() + "min";
            case CLOSE_IN -> "close_in_" + advice.minutes() + "min";
            case CLOSE_NOW -> "close_now";
            case OPEN_NOW -> "open_now";
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** Splits one CSV line (RFC 4180 quoting within the line). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
