package org.frischluft.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;

/**
 * Reads CSV in {@code export}'s format back: header {@code time,device,room,co2_ppm,temperature_c,humidity_pct}
 * (columns found by name; further metric columns such as {@code battery_pct} are read too), ISO-8601 times, an
 * empty cell for an absent value, an implausible value (65535) dropped. For the commands that run history through
 * the rules ({@code replay}, and later alerts and reports) without a database.
 */
public final class ExportCsv {
    /** One row: where the reading was taken and what it was. */
    public record Row(int line, RoomId room, Reading reading) {
    }

    /** Receives rows and bad lines in file order. */
    public interface Handler {
        /** The header is valid; rows follow. */
        default void start() {
        }

        void row(Row row);

        /** A line that could not be read; the rest of the file is still read. */
        void bad(int line, String problem);
    }

    private ExportCsv() {
    }

    /**
     * Reads every line of {@code in}; returns false (and reports line 1 as bad) when the header lacks
     * {@code time}, {@code device} or {@code room}.
     */
    public static boolean read(BufferedReader in, Handler handler) throws IOException {
        String headerLine = in.readLine();
        if (headerLine == null) return true;
        List<String> header = split(headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine);
        int time = header.indexOf("time");
        int device = header.indexOf("device");
        int room = header.indexOf("room");
        if (time < 0 || device < 0 || room < 0) {
            handler.bad(1, "header lacks time, device or room: " + headerLine);
            return false;
        }
        Map<Integer, Metric> metrics = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            int col = i;
            Metric.byKey(header.get(i)).ifPresent(m -> metrics.put(col, m));
        }
        handler.start();
        String line;
        int lineNo = 1;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) continue;
            List<String> cells = split(line);
            try {
                if (cells.size() != header.size()) {
                    throw new IllegalArgumentException(cells.size() + " cells, header has " + header.size());
                }
                Instant t = Instant.parse(cells.get(time).strip());
                RoomId roomId = RoomId.of(cells.get(room));
                EnumMap<Metric, Double> values = new EnumMap<>(Metric.class);
                for (Map.Entry<Integer, Metric> e : metrics.entrySet()) {
                    String cell = cells.get(e.getKey()).strip();
                    if (cell.isEmpty()) continue;
                    double v = Double.parseDouble(cell);
                    if (e.getValue().isPlausible(v)) values.put(e.getValue(), v);
                }
                handler.row(new Row(lineNo, roomId, new Reading(DeviceId.of(cells.get(device)), t, values)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                handler.bad(lineNo, e.getMessage());
            }
        }
        return true;
    }

    /** Splits one CSV line (RFC 4180 quoting within the line). */
    public static List<String> split(String line) {
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

    /** A cell as CSV writes it: quoted when it holds a comma or a quote. */
    public static String cell(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
