package org.frischluft.alert;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.store.ExportCsv;

/**
 * Runs a CSV in {@code export}'s format (with an optional {@code battery_pct} column) through the alert rules:
 * the admin's way to see what would have fired. Rows are taken in time order (an export lists room after room);
 * between two readings the engine ticks once a minute, so silence, escalation and the end of a lesson happen at
 * the times they would have live. Nothing is stored or sent.
 */
public final class AlertReplay {
    /** Replay ticks once a minute. */
    static final Duration TICK = Duration.ofMinutes(1);

    /** What a replay found. */
    public record Result(int rows, int bad, String firstBad) {
    }

    private AlertReplay() {
    }

    /** Replays {@code in}; every event goes to {@code events}, in time order. */
    public static Result run(BufferedReader in, SchoolModel model, AlertConfig config, Consumer<AlertEvent> events)
            throws IOException {
        Objects.requireNonNull(events, "events");
        List<ExportCsv.Row> rows = new ArrayList<>();
        int[] bad = {0};
        String[] first = {null};
        ExportCsv.read(in, new ExportCsv.Handler() {
            @Override
            public void row(ExportCsv.Row row) {
                rows.add(row);
            }

            @Override
            public void bad(int line, String problem) {
                if (bad[0]++ == 0) first[0] = "line " + line + ": " + problem;
            }
        });
        rows.sort(Comparator.comparing((ExportCsv.Row r) -> r.reading().time())); // stable: file order within a time
        AlertEngine engine = new AlertEngine(config, model, List.of(), 0, events);
        Instant nextTick = null;
        for (ExportCsv.Row row : rows) {
            Instant t = row.reading().time();
            if (nextTick == null) nextTick = t.truncatedTo(ChronoUnit.MINUTES).plus(TICK);
            while (nextTick.isBefore(t)) {
                engine.tick(nextTick);
                nextTick = nextTick.plus(TICK);
            }
            engine.onReading(row.room(), row.reading());
        }
        if (!rows.isEmpty()) engine.tick(rows.get(rows.size() - 1).reading().time());
        return new Result(rows.size(), bad[0], first[0]);
    }

    /** The CSV line of an event, {@code time,room,rule,event}; null for events the replay does not print. */
    public static String line(AlertEvent e) {
        return switch (e.kind()) {
            case OPENED, ESCALATED, RESOLVED -> e.time() + "," + ExportCsv.cell(e.alert().subject()) + ","
                    + e.alert().rule().id() + "," + e.kind().id();
            default -> null;
        };
    }
}
