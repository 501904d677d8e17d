package org.frischluft.alert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import org.frischluft.model.SensorModel;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.TestSchool;

/**
 * Builds a CSV in {@code export}'s format (with {@code battery_pct}) for the alert rules: one reading a minute
 * (or every {@code step} minutes) per room, local times in Europe/Berlin. Monday 2 November 2026 is a school day.
 */
final class Trace {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final LocalDateTime MONDAY_8 = LocalDateTime.of(2026, 11, 2, 8, 0);

    private final List<String> rows = new ArrayList<>();

    static Trace create() {
        return new Trace();
    }

    /** A school of one site "s" with these rooms, each with one Elsys sensor {@code d-<room>}. */
    static SchoolModel school(String... rooms) {
        TestSchool t = TestSchool.site("s", "Schule am Park");
        int i = 1;
        for (String r : rooms) t = t.room(r, "Raum " + r, "EG", 0).sensor("d-" + r, SensorModel.ELSYS_ERS_CO2, null);
        return t.model();
    }

    static Instant at(LocalDateTime local) {
        return local.atZone(ZONE).toInstant();
    }

    /** One reading every {@code step} minutes for {@code minutes} minutes from {@code from}: CO2 by minute. */
    Trace co2(String room, LocalDateTime from, int minutes, int step, IntToDoubleFunction ppm) {
        for (int m = 0; m < minutes; m += step) row(room, from.plusMinutes(m), ppm.applyAsDouble(m), 21.0, null);
        return this;
    }

    Trace co2(String room, LocalDateTime from, int minutes, IntToDoubleFunction ppm) {
        return co2(room, from, minutes, 1, ppm);
    }

    Trace row(String room, LocalDateTime local, Double co2, Double temp, Double battery) {
        rows.add(at(local) + ",d-" + room + "," + room + "," + num(co2) + "," + num(temp) + ",45," + num(battery));
        return this;
    }

    private static String num(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.1f", d);
    }

    String csv() {
        return "time,device,room,co2_ppm,temperature_c,humidity_pct,battery_pct\n" + String.join("\n", rows) + "\n";
    }

    /** The replay's CSV lines (without header). */
    List<String> replay(SchoolModel model, AlertConfig config) {
        List<String> out = new ArrayList<>();
        try {
            AlertReplay.run(new BufferedReader(new StringReader(csv())), model, config, e -> {
                String l = AlertReplay.line(e);
                if (l != null) out.add(l);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    List<String> replay(SchoolModel model) {
        return replay(model, AlertConfig.standard());
    }

    /** {@code time,room,rule,event} for a local time. */
    static String line(LocalDateTime local, String room, String rule, String event) {
        return at(local) + "," + room + "," + rule + "," + event;
    }
}
