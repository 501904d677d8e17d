package org.frischluft.admin;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;
import org.frischluft.model.SensorModel;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.Holiday;
import org.frischluft.rooms.Kiosk;
import org.frischluft.rooms.Lesson;
import org.frischluft.rooms.Placement;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.RoomLocation;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Site;

/**
 * What changed from one school model to the next, one entry per changed field, for the audit: the operator, the
 * default profile, profiles, sites (name, profile, display, comfort, calendar: state, days, hours, lessons and holidays
 * by name), rooms (added, removed, moved, name, volume, seats, profile, display), sensors (room, model, broker, since)
 * and kiosks. Paths read like {@code site gym / room 1.12 / volume}; an added thing has an empty old value, a removed
 * one an empty new value. Pure and deterministic (file order).
 */
public final class SchoolDiff {
    /** One changed field. */
    public record Change(String what, String old, String now) {
        public Change {
            Objects.requireNonNull(what, "what");
            old = old == null ? "" : old;
            now = now == null ? "" : now;
        }
    }

    private final List<Change> out = new ArrayList<>();

    private SchoolDiff() {
    }

    /** Every change from {@code before} (null: nothing, all is added) to {@code after}. */
    public static List<Change> between(SchoolModel before, SchoolModel after) {
        SchoolDiff d = new SchoolDiff();
        d.models(before == null ? new SchoolModel(null, null, List.of(), List.of(), List.of()) : before, after);
        return List.copyOf(d.out);
    }

    private void models(SchoolModel a, SchoolModel b) {
        field("operator", a.operator().name(), b.operator().name());
        field("default profile", a.defaultProfile().id(), b.defaultProfile().id());
        keyed(a.profiles(), b.profiles(), Profile::id, p -> "profile " + p.id(), p -> profile(p), this::record);
        if (!a.mappings().equals(b.mappings())) field("source mappings", count(a.mappings().size()), count(b.mappings().size()));
        if (!a.defaultModels().equals(b.defaultModels())) {
            field("default models", count(a.defaultModels().size()), count(b.defaultModels().size()));
        }
        sites(a, b);
        rooms(a, b);
        sensors(a, b);
        Map<String, String> siteOfKioskA = kioskSites(a);
        Map<String, String> siteOfKioskB = kioskSites(b);
        keyed(a.kiosks(), b.kiosks(), Kiosk::id, k -> kioskLabel(k, siteOfKioskB, siteOfKioskA),
                k -> k.room() == null ? "(not paired)" : "room " + k.room().value(), this::record);
    }

    private static Map<String, String> kioskSites(SchoolModel m) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Site s : m.sites()) s.kiosks().forEach(k -> out.put(k.id(), s.name()));
        return out;
    }

    private static String kioskLabel(Kiosk k, Map<String, String> b, Map<String, String> a) {
        String site = b.getOrDefault(k.id(), a.get(k.id()));
        return (site == null ? "" : "site " + site + " / ") + "kiosk " + k.id();
    }

    private void sites(SchoolModel a, SchoolModel b) {
        Map<Object, Site> old = new LinkedHashMap<>();
        a.sites().forEach(s -> old.put(s.id(), s));
        for (Site s : b.sites()) {
            Site o = old.remove(s.id());
            String p = "site " + s.name();
            if (o == null) {
                field(p, "", "added");
                continue;
            }
            field(p + " / name", o.name(), s.name());
            field(p + " / profile", o.profile() == null ? "" : o.profile().id(), s.profile() == null ? "" : s.profile().id());
            field(p + " / display", display(o.display()), display(s.display()));
            if (!o.comfort().equals(s.comfort())) record(p + " / comfort", o.comfort(), s.comfort());
            calendar(p + " / calendar", o.calendar(), s.calendar());
        }
        old.values().forEach(s -> field("site " + s.name(), "present", ""));
    }

    private void calendar(String p, SchoolCalendar a, SchoolCalendar b) {
        if (a.equals(b)) return;
        field(p + " / time zone", a.zone().getId(), b.zone().getId());
        field(p + " / state", a.state(), b.state());
        field(p + " / school days", days(a), days(b));
        field(p + " / hours", a.hoursFrom() + "–" + a.hoursTo(), b.hoursFrom() + "–" + b.hoursTo());
        field(p + " / holidays file", a.holidaysIcs(), b.holidaysIcs());
        keyed(a.lessons(), b.lessons(), Lesson::name, l -> p + " / lesson " + l.name(), l -> l.start() + "–" + l.end(),
                (path, x, y) -> field(path, x.start() + "–" + x.end(), y.start() + "–" + y.end()));
        keyed(a.holidays(), b.holidays(), Holiday::name, h -> p + " / holiday " + h.name(), h -> h.from() + "–" + h.to(),
                (path, x, y) -> field(path, x.from() + "–" + x.to(), y.from() + "–" + y.to()));
        if (!Objects.equals(a.icsHolidays(), b.icsHolidays())) {
            field(p + " / holidays from file", count(a.icsHolidays().size()), count(b.icsHolidays().size()));
        }
    }

    private static String days(SchoolCalendar c) {
        return c.schoolDays().stream().sorted().map(d -> d.name().substring(0, 2).toLowerCase(Locale.ROOT))
                .reduce((x, y) -> x + " " + y).orElse("");
    }

    private void rooms(SchoolModel a, SchoolModel b) {
        Map<RoomId, RoomLocation> old = new LinkedHashMap<>();
        a.roomLocations().forEach(l -> old.put(l.room().id(), l));
        for (RoomLocation l : b.roomLocations()) {
            RoomLocation o = old.remove(l.room().id());
            String p = roomPath(l);
            if (o == null) {
                field(p, "", place(l));
                continue;
            }
            Room x = o.room();
            Room y = l.room();
            if (!o.site().id().equals(l.site().id())) field(p + " / site", o.site().name(), l.site().name());
            field(p + " / place", place(o), place(l));
            field(p + " / name", x.name(), y.name());
            field(p + " / volume", num(x.volumeM3()), num(y.volumeM3()));
            field(p + " / seats", String.valueOf(x.seats()), String.valueOf(y.seats()));
            field(p + " / profile", x.profile() == null ? "" : x.profile().id(), y.profile() == null ? "" : y.profile().id());
            field(p + " / display", display(x.display()), display(y.display()));
        }
        old.values().forEach(l -> field(roomPath(l), place(l), ""));
    }

    private static String roomPath(RoomLocation l) {
        return "site " + l.site().name() + " / room " + l.room().name();
    }

    private static String place(RoomLocation l) {
        return l.building().name() + " / " + l.floor().name();
    }

    private void sensors(SchoolModel a, SchoolModel b) {
        Map<DeviceId, Placement> old = new LinkedHashMap<>(current(a));
        for (Map.Entry<DeviceId, Placement> e : current(b).entrySet()) {
            Placement o = old.remove(e.getKey());
            Placement n = e.getValue();
            String p = "sensor " + e.getKey().value();
            if (o == null) {
                field(p, "", roomName(b, n.room()));
                continue;
            }
            if (!o.room().equals(n.room())) field(p + " / room", roomName(a, o.room()), roomName(b, n.room()));
            field(p + " / model", model(o.sensor().model()), model(n.sensor().model()));
            field(p + " / broker", o.sensor().broker(), n.sensor().broker());
            field(p + " / since", since(o.since()), since(n.since()));
        }
        old.forEach((d, o) -> field("sensor " + d.value(), roomName(a, o.room()), ""));
    }

    /** Current placements in file order (the model's map has none). */
    private static Map<DeviceId, Placement> current(SchoolModel m) {
        Map<DeviceId, Placement> now = m.currentPlacements();
        Map<DeviceId, Placement> out = new LinkedHashMap<>();
        for (Placement p : m.placements()) out.putIfAbsent(p.device(), now.get(p.device()));
        return out;
    }

    private static String roomName(SchoolModel m, RoomId id) {
        return m.room(id).map(Room::name).orElse(id.value());
    }

    private static String since(Instant t) {
        return t == null ? "always" : t.toString();
    }

    /** Added, removed and changed items of two lists keyed by {@code key}; {@code same} reports a changed one. */
    private <T> void keyed(List<T> a, List<T> b, Function<T, Object> key, Function<T, String> label,
                           Function<T, String> value, Changed<T> same) {
        Map<Object, T> old = new LinkedHashMap<>();
        a.forEach(x -> old.putIfAbsent(key.apply(x), x));
        Set<Object> seen = new LinkedHashSet<>();
        for (T y : b) {
            if (!seen.add(key.apply(y))) continue;
            T x = old.remove(key.apply(y));
            String p = label.apply(y);
            if (x == null) field(p, "", value.apply(y));
            else if (!x.equals(y)) same.report(p, x, y);
        }
        for (T x : old.values()) {
            field(label.apply(x), value.apply(x), "");
        }
    }

    @FunctionalInterface
    private interface Changed<T> {
        void report(String path, T old, T now);
    }

    /** One entry per differing component of two records of the same type. */
    private void record(String path, Object a, Object b) {
        RecordComponent[] parts = a.getClass().getRecordComponents();
        if (parts == null) {
            field(path, text(a), text(b));
            return;
        }
        for (RecordComponent c : parts) {
            try {
                Object x = c.getAccessor().invoke(a);
                Object y = c.getAccessor().invoke(b);
                if (c.getName().equals("id")) continue;
                field(path + " / " + words(c.getName()), text(x), text(y));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** {@code yellowFrom} → {@code yellow from}. */
    private static String words(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private void field(String what, String old, String now) {
        String o = old == null ? "" : old;
        String n = now == null ? "" : now;
        if (!o.equals(n)) out.add(new Change(what, o, n));
    }

    private static String profile(Profile p) {
        return "yellow " + num(p.yellowFrom()) + ", red " + num(p.redFrom()) + (p.blueBelow() == null ? "" : ", blue " + num(p.blueBelow()));
    }

    private static String display(DisplayPolicy d) {
        return d == null ? "" : d.setting();
    }

    private static String model(SensorModel m) {
        return m == null ? "" : m.id();
    }

    private static String count(int n) {
        return String.valueOf(n);
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String text(Object o) {
        if (o == null) return "";
        if (o instanceof Double d) return num(d);
        if (o instanceof Float f) return num(f);
        if (o instanceof DisplayPolicy d) return d.setting();
        if (o instanceof Profile p) return p.id();
        if (o instanceof SensorModel m) return m.id();
        if (o instanceof RoomId r) return r.value();
        if (o instanceof Locale l) return l.toLanguageTag();
        return o.toString();
    }
}
