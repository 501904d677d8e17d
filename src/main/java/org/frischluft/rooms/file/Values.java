package org.frischluft.rooms.file;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;
import org.frischluft.model.SensorModel;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.ProfileRefs;

/** Typed values of the school file, each read from a {@link Node} field or recorded as a problem. */
final class Values {
    private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(
            Map.entry("MON", DayOfWeek.MONDAY), Map.entry("TUE", DayOfWeek.TUESDAY), Map.entry("WED", DayOfWeek.WEDNESDAY),
            Map.entry("THU", DayOfWeek.THURSDAY), Map.entry("FRI", DayOfWeek.FRIDAY), Map.entry("SAT", DayOfWeek.SATURDAY),
            Map.entry("SUN", DayOfWeek.SUNDAY),
            Map.entry("MO", DayOfWeek.MONDAY), Map.entry("DI", DayOfWeek.TUESDAY), Map.entry("MI", DayOfWeek.WEDNESDAY),
            Map.entry("DO", DayOfWeek.THURSDAY), Map.entry("FR", DayOfWeek.FRIDAY), Map.entry("SA", DayOfWeek.SATURDAY),
            Map.entry("SO", DayOfWeek.SUNDAY));

    private Values() {
    }

    static Optional<LocalTime> time(Node n, String key, boolean required) {
        return n.text(key, required).flatMap(s -> {
            try {
                return Optional.of(LocalTime.parse(s.length() == 4 ? "0" + s : s));
            } catch (DateTimeParseException e) {
                n.problems.error(n.at(key), "time.invalid", s);
                return Optional.empty();
            }
        });
    }

    static Optional<LocalDate> date(Node n, String key, boolean required) {
        return n.text(key, required).flatMap(s -> {
            try {
                return Optional.of(LocalDate.parse(s));
            } catch (DateTimeParseException e) {
                n.problems.error(n.at(key), "date.invalid", s);
                return Optional.empty();
            }
        });
    }

    /** An instant ({@code 2026-09-01T06:00:00Z}) or a date ({@code 2026-09-01}: its midnight in {@code zone}). */
    static Optional<Instant> since(Node n, String key, ZoneId zone) {
        return n.text(key, false).flatMap(s -> {
            try {
                return Optional.of(Instant.parse(s));
            } catch (DateTimeParseException notInstant) {
                try {
                    return Optional.of(LocalDate.parse(s).atStartOfDay(zone).toInstant());
                } catch (DateTimeParseException notDate) {
                    n.problems.error(n.at(key), "since.invalid", s);
                    return Optional.empty();
                }
            }
        });
    }

    static Optional<DayOfWeek> day(Node n, String text) {
        String k = text.strip().toUpperCase(Locale.ROOT);
        DayOfWeek d = DAYS.get(k.length() > 3 ? k.substring(0, 3) : k);
        if (d == null) {
            try {
                d = DayOfWeek.valueOf(k);
            } catch (IllegalArgumentException e) {
                n.problems.error(n.path, "day.invalid", text);
                return Optional.empty();
            }
        }
        return Optional.of(d);
    }

    static Optional<ZoneId> zone(Node n, String key) {
        return n.text(key, false).flatMap(s -> {
            try {
                return Optional.of(ZoneId.of(s));
            } catch (RuntimeException e) {
                n.problems.error(n.at(key), "zone.invalid", s);
                return Optional.empty();
            }
        });
    }

    static Optional<DeviceId> device(Node n, String key) {
        return n.text(key, true).flatMap(s -> {
            try {
                return Optional.of(DeviceId.of(s));
            } catch (IllegalArgumentException e) {
                n.problems.error(n.at(key), "device.invalid", s);
                return Optional.empty();
            }
        });
    }

    static Optional<RoomId> roomId(Node n, String key, boolean required) {
        return n.text(key, required).flatMap(s -> {
            if (s.chars().anyMatch(c -> c == '/' || c == '+' || c == '#' || Character.isISOControl(c))) {
                n.problems.error(n.at(key), "room-id.invalid", s);
                return Optional.empty();
            }
            return Optional.of(RoomId.of(s));
        });
    }

    static Optional<SensorModel> model(Node n, String key) {
        return n.text(key, false).flatMap(s -> {
            Optional<SensorModel> m = SensorModel.byId(s);
            if (m.isEmpty()) {
                n.problems.error(n.at(key), "model.unknown", s,
                        String.join(", ", Arrays.stream(SensorModel.values()).map(SensorModel::id).toList()));
            }
            return m;
        });
    }

    static Optional<Profile> profile(Node n, String key, List<Profile> defined) {
        return n.text(key, false).flatMap(s -> {
            Optional<Profile> p = ProfileRefs.resolve(s, defined);
            if (p.isEmpty()) n.problems.error(n.at(key), "profile.unknown", s, String.join(", ", ProfileRefs.known(defined)));
            return p;
        });
    }

    static Optional<DisplayPolicy> display(Node n, String key) {
        return n.text(key, false).flatMap(s -> {
            try {
                return Optional.of(DisplayPolicy.parse(s));
            } catch (IllegalArgumentException e) {
                n.problems.error(n.at(key), "display.invalid", s);
                return Optional.empty();
            }
        });
    }

    static Optional<Locale> language(Node n, String key) {
        return n.text(key, false).flatMap(s -> {
            String l = s.toLowerCase(Locale.ROOT);
            if (l.equals("de") || l.startsWith("de-") || l.startsWith("de_")) return Optional.of(Locale.GERMAN);
            if (l.equals("en") || l.startsWith("en-") || l.startsWith("en_")) return Optional.of(Locale.ENGLISH);
            n.problems.error(n.at(key), "language.invalid", s);
            return Optional.empty();
        });
    }
}
