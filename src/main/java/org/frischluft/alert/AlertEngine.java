package org.frischluft.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.frischluft.assess.RoomAssessor;
import org.frischluft.model.Light;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.frischluft.model.SensorModel;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.RoomLocation;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolModel;

/**
 * The alert rules and their lifecycle, as a pure state machine over readings and ticks: no thread, no clock of its
 * own (the times come with each reading and tick), no I/O (events go to a consumer). One instance, owned by one
 * thread: the {@code ingest-worker} in a running installation, the command's thread in {@code alerts --replay}.
 *
 * <p>Lifecycle: opened → (escalated after {@link AlertSettings#escalateSchoolDays()} school days unacknowledged) →
 * acknowledged → resolved; at most one unresolved alert per site, room and rule. Rules that are
 * {@link Rule#schoolTimeOnly()} open only in the site calendar's school time.
 */
public final class AlertEngine {
    /** The site of rooms that the school model does not know (a replay without a school file). */
    public static final SiteId UNKNOWN_SITE = SiteId.of("school");

    private record Key(SiteId site, RoomId room, Rule rule) {
    }

    private final AlertConfig config;
    private final Consumer<AlertEvent> out;
    private final Map<Key, Alert> unresolved = new LinkedHashMap<>();
    private final Map<RoomId, Watch> watches = new HashMap<>();
    /** When each open alert escalates, computed once. */
    private final Map<Long, Instant> escalations = new HashMap<>();
    /** The least time between two ticks that evaluate. */
    static final Duration TICK_EVERY = Duration.ofSeconds(10);

    private SchoolModel model;
    private Map<RoomId, RoomLocation> locations = Map.of();
    private Instant lastTick;
    private long nextId;

    /**
     * @param open   alerts not yet resolved (after a restart, from the database)
     * @param lastId the highest alert id used so far
     */
    public AlertEngine(AlertConfig config, SchoolModel model, Collection<Alert> open, long lastId, Consumer<AlertEvent> out) {
        this.config = Objects.requireNonNull(config, "config");
        this.out = Objects.requireNonNull(out, "out");
        for (Alert a : open) {
            if (a.state() != AlertState.RESOLVED) unresolved.put(new Key(a.site(), a.room(), a.rule()), a);
        }
        this.nextId = Math.max(lastId, open.stream().mapToLong(Alert::id).max().orElse(0)) + 1;
        school(model);
    }

    /** A new school model: rooms added or moved to another site or profile start afresh. */
    public void school(SchoolModel next) {
        this.model = Objects.requireNonNull(next, "model");
        Map<RoomId, RoomLocation> m = new HashMap<>();
        for (RoomLocation l : next.roomLocations()) m.put(l.room().id(), l);
        this.locations = m;
        watches.values().removeIf(w -> !w.site.equals(siteOf(w.room)) || !w.profile.equals(next.profileOf(w.room)));
    }

    /** Every unresolved alert, oldest first. */
    public List<Alert> unresolved() {
        return List.copyOf(unresolved.values());
    }

    /**
     * What the history says {@code room} sent before a restart: teaches the light its uplink interval and when the
     * room was last heard, so a sensor that stays silent across the restart still gets its {@code sensor-silent}
     * alert. No rule is evaluated on it (what happened before the restart was alerted before the restart).
     */
    public void remember(RoomId room, Reading r) {
        Watch w = watches.computeIfAbsent(room, this::watch);
        w.assessor.add(r);
        Instant t = r.time();
        if (w.newest == null || t.isAfter(w.newest)) w.newest = t;
        if (r.co2() != null && (w.lastCo2At == null || !t.isBefore(w.lastCo2At))) {
            w.lastCo2 = r.co2();
            w.lastCo2At = t;
        }
    }

    /** A reading of a device placed in {@code room}. */
    public void onReading(RoomId room, Reading r) {
        Watch w = watches.computeIfAbsent(room, this::watch);
        AlertSettings s = config.settings(w.site);
        SchoolCalendar cal = model.calendarOf(room);
        Instant t = r.time();
        ZonedDateTime local = t.atZone(cal.zone());
        dayOf(w, cal, local.toLocalDate());
        LocalTime time = local.toLocalTime();
        boolean school = w.schoolDay && !time.isBefore(cal.hoursFrom()) && time.isBefore(cal.hoursTo());
        w.assessor.add(r);
        if (w.newest == null || t.isAfter(w.newest)) w.newest = t;
        Double co2 = r.co2();
        if (co2 != null) {
            w.lastCo2 = co2;
            w.lastCo2At = t;
            back(w, t);
            co2High(w, s, school, t, co2);
            redInLesson(w, s, t, co2);
            drift(w, s, cal, local, school, co2);
        }
        battery(w, s, school, r);
        Double temp = r.temperature();
        if (temp != null) windowOpen(w, s, local, school, t, temp);
    }

    private static void dayOf(Watch w, SchoolCalendar cal, LocalDate day) {
        if (day.equals(w.day)) return;
        w.day = day;
        w.schoolDay = cal.isSchoolDay(day);
        w.lessons = w.schoolDay ? cal.lessonsOn(day) : List.of();
    }

    private static SchoolCalendar.LessonTime lessonAt(Watch w, Instant t) {
        for (SchoolCalendar.LessonTime l : w.lessons) {
            if (!t.isBefore(l.start()) && t.isBefore(l.end())) return l;
        }
        return null;
    }

    /**
     * About once a second (or once a minute in a replay): silence, escalation, reminders, school time starting. The
     * rules work in minutes, so a tick within {@link #TICK_EVERY} of the last one that did the work does nothing.
     */
    public void tick(Instant now) {
        if (lastTick != null && now.isAfter(lastTick) && now.isBefore(lastTick.plus(TICK_EVERY))) return;
        lastTick = now;
        silence(now);
        for (Watch w : watches.values()) {
            AlertSettings s = config.settings(w.site);
            SchoolCalendar cal = model.calendarOf(w.room);
            Alert red = get(w, Rule.RED_IN_LESSON);
            if (red != null && w.redLessonEnd != null && !now.isBefore(w.redLessonEnd)) {
                resolve(red, w.redLessonEnd);
                w.redSince = null;
            }
            if (w.batteryLow != null && s.on(Rule.BATTERY_LOW) && get(w, Rule.BATTERY_LOW) == null && cal.isSchoolTime(now)) { // rare: only a low battery
                open(w, Rule.BATTERY_LOW, now, w.batteryLowSince, w.batteryLow);
            }
        }
        for (Alert found : List.copyOf(unresolved.values())) {
            Alert a = found;
            AlertSettings s = config.settings(a.site());
            if (a.state() == AlertState.OPEN && !now.isBefore(escalations.computeIfAbsent(a.id(), id -> escalateAt(found, s)))) {
                Alert escalated = a.escalate(now);
                replace(a, escalated, AlertEvent.Kind.ESCALATED, now);
                a = escalated;
            }
            if (a.rule() == Rule.SENSOR_SILENT && a.state().unacknowledged()) {
                Instant last = a.reminded() != null ? a.reminded() : a.opened();
                if (!now.isBefore(last.plus(s.silentRepeat()))) replace(a, a.remind(now), AlertEvent.Kind.REMINDED, now);
            }
        }
    }

    /**
     * Someone has taken an alert on. Returns false when there is no such unresolved alert (already resolved, or
     * acknowledged before).
     */
    public boolean acknowledge(long id, String by, String comment, Instant at) {
        for (Alert a : unresolved.values()) {
            if (a.id() == id && a.state() != AlertState.ACKNOWLEDGED) {
                replace(a, a.acknowledge(at, blankToNull(by), blankToNull(comment)), AlertEvent.Kind.ACKNOWLEDGED, at);
                return true;
            }
        }
        return false;
    }

    /** When {@code a} is escalated if nobody acknowledges it: the same time of day, that many school days later. */
    Instant escalateAt(Alert a, AlertSettings s) {
        SchoolCalendar cal = a.room() == null ? siteCalendar(a.site()) : model.calendarOf(a.room());
        ZonedDateTime opened = a.opened().atZone(cal.zone());
        LocalDate day = opened.toLocalDate();
        for (int i = 0; i < s.escalateSchoolDays(); i++) day = cal.schoolDayOnOrAfter(day.plusDays(1));
        LocalTime time = opened.toLocalTime();
        if (time.isBefore(cal.hoursFrom())) time = cal.hoursFrom();
        if (!time.isBefore(cal.hoursTo())) time = cal.hoursTo().minusMinutes(1);
        return cal.at(day, time);
    }

    // --- the rules --------------------------------------------------------------------------------------------

    private void co2High(Watch w, AlertSettings s, boolean school, Instant t, double co2) {
        Alert open = get(w, Rule.CO2_HIGH);
        if (open != null && co2 <= s.co2ResolvePpm()) resolve(open, t);
        if (!school || co2 <= s.co2HighPpm()) {
            w.aboveSince = null;
            return;
        }
        if (w.aboveSince == null) {
            w.aboveSince = t;
            w.abovePeak = co2;
        }
        w.abovePeak = Math.max(w.abovePeak, co2);
        if (open == null && s.on(Rule.CO2_HIGH) && Duration.between(w.aboveSince, t).compareTo(s.co2HighFor()) >= 0) {
            open(w, Rule.CO2_HIGH, t, w.aboveSince, co2);
        }
    }

    private void redInLesson(Watch w, AlertSettings s, Instant t, double co2) {
        Alert open = get(w, Rule.RED_IN_LESSON);
        SchoolCalendar.LessonTime lesson = lessonAt(w, t);
        // the light's own rules (hysteresis, hold) decide "red"; asked only where it can be red, which keeps it cheap
        boolean red = lesson != null && (co2 >= w.profile.redFrom() * (1 - w.profile.hysteresis()) || w.redSince != null)
                && w.assessor.assess(t).light() == Light.RED;
        if (!red) {
            w.redSince = null;
            if (open != null) resolve(open, t);
            return;
        }
        Instant end = lesson.end();
        if (w.redSince == null || !end.equals(w.redLessonEnd)) {
            w.redSince = t;
            w.redLessonEnd = end;
        }
        if (open == null && s.on(Rule.RED_IN_LESSON) && Duration.between(w.redSince, t).compareTo(s.redFor()) >= 0) {
            open(w, Rule.RED_IN_LESSON, t, w.redSince, co2);
        }
    }

    private void battery(Watch w, AlertSettings s, boolean school, Reading r) {
        Double pct = r.values().get(Metric.BATTERY_PCT);
        Double volts = r.values().get(Metric.BATTERY_V);
        if (pct == null && volts == null) return;
        SensorModel sensorModel = model.sensorModel(r.device());
        Double minVolts = sensorModel == null ? null : s.batteryVolts().get(sensorModel);
        boolean low = pct != null && pct < s.batteryPct() || volts != null && minVolts != null && volts < minVolts;
        boolean recovered = (pct == null || pct >= s.batteryPct() + 5) && (volts == null || minVolts == null || volts >= minVolts + 0.1);
        Alert open = get(w, Rule.BATTERY_LOW);
        if (low) {
            if (w.batteryLow == null) w.batteryLowSince = r.time();
            w.batteryLow = pct != null ? pct : volts;
            if (open == null && school && s.on(Rule.BATTERY_LOW)) open(w, Rule.BATTERY_LOW, r.time(), w.batteryLowSince, w.batteryLow);
        } else if (recovered) {
            w.batteryLow = null;
            if (open != null) resolve(open, r.time());
        }
    }

    /** Night (0–6 h) and days without school are quiet: an empty room settles near outdoor CO2 then. */
    private void drift(Watch w, AlertSettings s, SchoolCalendar cal, ZonedDateTime local, boolean school, double co2) {
        Instant t = local.toInstant();
        LocalDate day = local.toLocalDate();
        boolean quiet = !school && (local.getHour() < 6 || !w.schoolDay);
        if (quiet) w.quietMin.merge(day, co2, Math::min);
        if (w.driftDay != null && day.isAfter(w.driftDay)) {
            while (w.quietMin.size() > 0 && w.quietMin.firstKey().isBefore(day.minusDays(s.driftDays()))) w.quietMin.pollFirstEntry();
            List<Double> past = w.quietMin.headMap(day).values().stream().sorted().toList();
            if (past.size() >= Math.max(1, s.driftDays() - 2)) { // a week with a day or two missing still counts
                double median = past.size() % 2 == 1 ? past.get(past.size() / 2)
                        : (past.get(past.size() / 2 - 1) + past.get(past.size() / 2)) / 2;
                boolean off = median < s.driftBelowPpm() || median > s.driftAbovePpm();
                Alert open = get(w, Rule.DRIFT);
                if (off && open == null && s.on(Rule.DRIFT)) {
                    open(w, Rule.DRIFT, t, cal.at(w.quietMin.firstKey(), LocalTime.MIDNIGHT), median);
                } else if (!off && open != null) {
                    resolve(open, t);
                }
            }
        }
        if (w.driftDay == null || day.isAfter(w.driftDay)) w.driftDay = day;
    }

    private void windowOpen(Watch w, AlertSettings s, ZonedDateTime local, boolean school, Instant t, double temp) {
        Alert open = get(w, Rule.WINDOW_OPEN);
        if (open != null) {
            w.windowMin = Math.min(w.windowMin, temp);
            if (temp >= w.windowMin + 1.0) resolve(open, t); // the window closed: the room warms again
        }
        w.temps.addLast(new Sample(t, temp));
        while (w.temps.size() > 1 && w.temps.peekFirst().time().isBefore(t.minus(s.windowWithin()))) w.temps.pollFirst();
        while (w.temps.size() > TEMPS_MAX) w.temps.pollFirst(); // a sensor sending every few seconds stays bounded
        if (open != null || school || !s.on(Rule.WINDOW_OPEN)) return;
        if (!s.heatingMonths().contains(local.getMonth())) return;
        if (w.lastCo2 == null || w.lastCo2 >= s.windowCo2BelowPpm() || w.lastCo2At.isBefore(t.minus(s.windowWithin()))) return;
        Sample warmest = w.temps.stream().max(Comparator.comparingDouble(Sample::value)).orElseThrow();
        double drop = warmest.value() - temp;
        w.windowDrops = drop > s.windowDropK() ? w.windowDrops + 1 : 0;
        if (w.windowDrops >= 2) { // two readings in a row: one odd temperature reading is no open window
            w.windowMin = temp;
            w.windowDrops = 0;
            open(w, Rule.WINDOW_OPEN, t, warmest.time(), Math.round(drop * 10) / 10.0);
        }
    }

    /** A room whose light is no longer grey is back: its silence resolves (and its site's). */
    private void back(Watch w, Instant t) {
        Alert silent = get(w, Rule.SENSOR_SILENT);
        if (silent != null) resolve(silent, t);
        Alert site = unresolved.get(new Key(w.site, null, Rule.SENSOR_SILENT));
        if (site != null) resolve(site, t);
    }

    private void silence(Instant now) {
        Map<SiteId, List<Watch>> bySite = new java.util.TreeMap<>();
        List<Watch> all = new ArrayList<>(watches.values());
        all.sort(Comparator.comparing(w -> w.room));
        for (Watch w : all) {
            if (w.lastCo2At != null) bySite.computeIfAbsent(w.site, k -> new ArrayList<>()).add(w);
        }
        for (Map.Entry<SiteId, List<Watch>> e : bySite.entrySet()) {
            AlertSettings s = config.settings(e.getKey());
            if (!s.on(Rule.SENSOR_SILENT)) continue;
            List<Watch> rooms = e.getValue();
            boolean allGrey = rooms.stream().allMatch(w -> grey(w, now));
            Key siteKey = new Key(e.getKey(), null, Rule.SENSOR_SILENT);
            if (rooms.size() >= s.siteSilentMinRooms() && allGrey) {
                Instant lastHeard = rooms.stream().map(w -> w.newest).max(Comparator.naturalOrder()).orElseThrow();
                Instant firstGrey = rooms.stream().map(w -> w.assessor.greyAt()).max(Comparator.naturalOrder()).orElseThrow();
                if (!unresolved.containsKey(siteKey) && !now.isBefore(firstGrey.plus(s.silentSettle()))) {
                    Alert a = Alert.open(nextId++, Rule.SENSOR_SILENT, e.getKey(), null, now, lastHeard, null);
                    unresolved.put(siteKey, a);
                    out.accept(new AlertEvent(now, AlertEvent.Kind.OPENED, a));
                }
                continue; // one alert for the whole site, not one per room
            }
            if (unresolved.containsKey(siteKey)) continue; // it resolves with the first room that reports
            for (Watch w : rooms) {
                Instant greyAt = w.assessor.greyAt();
                if (greyAt != null && !now.isBefore(greyAt.plus(s.silentSettle())) && get(w, Rule.SENSOR_SILENT) == null) {
                    open(w, Rule.SENSOR_SILENT, now, w.newest, null);
                }
            }
        }
    }

    private static boolean grey(Watch w, Instant now) {
        Instant greyAt = w.assessor.greyAt();
        return greyAt != null && !now.isBefore(greyAt);
    }

    // --- lifecycle --------------------------------------------------------------------------------------------

    private Alert get(Watch w, Rule rule) {
        return unresolved.get(new Key(w.site, w.room, rule));
    }

    private void open(Watch w, Rule rule, Instant at, Instant since, Double value) {
        Alert a = Alert.open(nextId++, rule, w.site, w.room, at, since, value);
        unresolved.put(new Key(w.site, w.room, rule), a);
        out.accept(new AlertEvent(at, AlertEvent.Kind.OPENED, a));
    }

    private void resolve(Alert a, Instant at) {
        unresolved.remove(new Key(a.site(), a.room(), a.rule()));
        escalations.remove(a.id());
        out.accept(new AlertEvent(at, AlertEvent.Kind.RESOLVED, a.resolve(at)));
    }

    private void replace(Alert old, Alert next, AlertEvent.Kind kind, Instant at) {
        unresolved.put(new Key(old.site(), old.room(), old.rule()), next);
        out.accept(new AlertEvent(at, kind, next));
    }

    private Watch watch(RoomId room) {
        return new Watch(room, siteOf(room), model.profileOf(room));
    }

    private SiteId siteOf(RoomId room) {
        RoomLocation l = locations.get(room);
        return l == null ? UNKNOWN_SITE : l.site().id();
    }

    private SchoolCalendar siteCalendar(SiteId site) {
        return model.site(site).map(org.frischluft.rooms.Site::calendar).orElse(SchoolCalendar.germanDefault());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** At most this many temperatures per room for window-open (its window at one reading every 5 s). */
    static final int TEMPS_MAX = 480;

    private record Sample(Instant time, double value) {
    }

    /** What the rules remember of one room. */
    private static final class Watch {
        final RoomId room;
        final SiteId site;
        final Profile profile;
        final RoomAssessor assessor;
        Instant newest;
        Double lastCo2;
        Instant lastCo2At;
        Instant aboveSince;
        double abovePeak;
        Instant redSince;
        Instant redLessonEnd;
        Double batteryLow;
        Instant batteryLowSince;
        final TreeMap<LocalDate, Double> quietMin = new TreeMap<>();
        LocalDate driftDay;
        final ArrayDeque<Sample> temps = new ArrayDeque<>();
        double windowMin;
        int windowDrops;
        /** The calendar's answers for one local day, asked once a day rather than per reading (holidays are costly). */
        LocalDate day;
        boolean schoolDay;
        List<SchoolCalendar.LessonTime> lessons = List.of();

        Watch(RoomId room, SiteId site, Profile profile) {
            this.room = room;
            this.site = site;
            this.profile = profile;
            this.assessor = new RoomAssessor(profile);
        }
    }
}
