package org.frischluft.ui.admin;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.rooms.Holiday;
import org.frischluft.rooms.IcsHolidays;
import org.frischluft.rooms.Lesson;
import org.frischluft.rooms.PublicHolidays;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Site;
import org.frischluft.ui.common.Messages;

/**
 * The calendar tab without nodes: one site's school holidays (add a period, remove one, take them from a ministry's
 * .ics file), its bell schedule as lines of text ({@code 1 08:00-08:45}) and the state whose public holidays count.
 * Every problem in words, as the admin types; saved through {@link SchoolEditor} only without one. FX thread only.
 */
public final class CalendarViewModel {
    /** The fields of a new holiday period. */
    public enum HolidayField { NAME, FROM, TO }

    private static final Pattern LESSON = Pattern.compile("\\s*(\\S+)\\s+(\\d{1,2}[:.]\\d{2})\\s*[-–]\\s*(\\d{1,2}[:.]\\d{2})\\s*");
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private final SchoolEditor editor;
    private final Supplier<Messages> messages;
    private Site site;
    private final List<Holiday> holidays = new ArrayList<>();
    private final Map<HolidayField, String> holiday = new EnumMap<>(HolidayField.class);
    private String lessons = "";
    private String state;
    private String status = "";
    private boolean alarm;

    public CalendarViewModel(SchoolEditor editor, Supplier<Messages> messages) {
        this.editor = Objects.requireNonNull(editor, "editor");
        this.messages = Objects.requireNonNull(messages, "messages");
        List<Site> sites = sites();
        if (!sites.isEmpty()) select(sites.get(0));
    }

    private Messages m() {
        return messages.get();
    }

    public List<Site> sites() {
        return editor.current().model().sites();
    }

    public Site site() {
        return site;
    }

    /** Shows {@code s}'s calendar as saved. */
    public void select(Site s) {
        site = Objects.requireNonNull(s, "site");
        SchoolCalendar c = s.calendar();
        holidays.clear();
        holidays.addAll(c.holidays());
        StringBuilder text = new StringBuilder();
        for (Lesson l : c.lessons()) text.append(l.name()).append(' ').append(HM.format(l.start())).append('-').append(HM.format(l.end())).append('\n');
        lessons = text.toString();
        state = c.state();
        for (HolidayField f : HolidayField.values()) holiday.put(f, "");
        status = "";
    }

    // --- holidays ---

    /** The school holidays the school file writes, by start. */
    public List<Holiday> holidays() {
        return holidays.stream().sorted(Comparator.comparing(Holiday::from)).toList();
    }

    /** The holidays from the school file's .ics (read-only here; the file names it in {@code holidaysIcs}). */
    public List<Holiday> icsHolidays() {
        return site == null ? List.of() : site.calendar().icsHolidays();
    }

    public String holidayValue(HolidayField f) {
        return holiday.getOrDefault(f, "");
    }

    public void setHoliday(HolidayField f, String text) {
        holiday.put(f, text == null ? "" : text);
    }

    /** Every problem of the new period's fields, in words; empty when it can be added. Blank fields say nothing yet. */
    public Map<HolidayField, String> holidayProblems() {
        Map<HolidayField, String> out = new EnumMap<>(HolidayField.class);
        LocalDate from = date(out, HolidayField.FROM);
        LocalDate to = date(out, HolidayField.TO);
        if (from != null && to != null && to.isBefore(from)) out.put(HolidayField.TO, m().get("admin.calendar.problem.order"));
        return out;
    }

    private LocalDate date(Map<HolidayField, String> out, HolidayField f) {
        String t = holidayValue(f).strip();
        if (t.isEmpty()) return null;
        LocalDate d = parseDate(t);
        if (d == null) out.put(f, m().get("admin.calendar.problem.date", t));
        return d;
    }

    /** {@code 2026-12-21} or {@code 21.12.2026}. */
    static LocalDate parseDate(String t) {
        try {
            if (t.matches("\\d{1,2}\\.\\d{1,2}\\.\\d{4}")) {
                String[] p = t.split("\\.");
                return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
            }
            return LocalDate.parse(t);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The period can be added: a name, a valid start and an end not before it (a single day: the end may stay blank). */
    public boolean canAddHoliday() {
        return holidayProblems().isEmpty() && !holidayValue(HolidayField.NAME).isBlank() && !holidayValue(HolidayField.FROM).isBlank();
    }

    /** Adds the new period to the list (saved with {@link #save}); the fields empty again. */
    public void addHoliday() {
        if (!canAddHoliday()) return;
        LocalDate from = parseDate(holidayValue(HolidayField.FROM).strip());
        String toText = holidayValue(HolidayField.TO).strip();
        LocalDate to = toText.isEmpty() ? from : parseDate(toText);
        holidays.add(new Holiday(holidayValue(HolidayField.NAME).strip(), from, to));
        for (HolidayField f : HolidayField.values()) holiday.put(f, "");
        status = "";
    }

    public void removeHoliday(Holiday h) {
        holidays.remove(h);
        status = "";
    }

    /** Adds the holidays of a ministry's .ics file that the list does not have yet; the status says how many. */
    public void importIcs(Path file) {
        try {
            List<Holiday> read = IcsHolidays.read(file, site.calendar().zone());
            int added = 0;
            for (Holiday h : read) {
                if (!holidays.contains(h)) {
                    holidays.add(h);
                    added++;
                }
            }
            alarm = false;
            status = m().get("admin.calendar.ics.done", added, file.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            alarm = true;
            status = m().get("admin.calendar.ics.failed", file.getFileName().toString(), String.valueOf(e.getMessage()));
        }
    }

    // --- lessons and state ---

    public String lessonsText() {
        return lessons;
    }

    public void setLessons(String text) {
        lessons = text == null ? "" : text;
        status = "";
    }

    /** Every bad line of the bell schedule, in words ({@code line 3: "1 8:00" ...}); empty when it is good. */
    public List<String> lessonProblems() {
        List<String> out = new ArrayList<>();
        parseLessons(out);
        return out;
    }

    private List<Lesson> parseLessons(List<String> problems) {
        List<Lesson> out = new ArrayList<>();
        String[] lines = lessons.split("\\R");
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) continue;
            Matcher mm = LESSON.matcher(line);
            LocalTime start = null;
            LocalTime end = null;
            if (mm.matches()) {
                start = time(mm.group(2));
                end = time(mm.group(3));
            }
            if (start == null || end == null) {
                problems.add(m().get("admin.calendar.problem.lesson", i + 1, line.strip()));
            } else if (!start.isBefore(end)) {
                problems.add(m().get("admin.calendar.problem.lesson-order", i + 1, line.strip()));
            } else if (!names.add(mm.group(1))) {
                problems.add(m().get("admin.calendar.problem.lesson-twice", i + 1, mm.group(1)));
            } else {
                out.add(new Lesson(mm.group(1), start, end));
            }
        }
        out.sort(Comparator.comparing(Lesson::start));
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).start().isBefore(out.get(i - 1).end())) {
                problems.add(m().get("admin.calendar.problem.overlap", out.get(i - 1).name(), out.get(i).name()));
            }
        }
        if (out.isEmpty() && problems.isEmpty()) problems.add(m().get("admin.calendar.problem.no-lessons"));
        return out;
    }

    private static LocalTime time(String t) {
        String[] p = t.split("[:.]");
        int h = Integer.parseInt(p[0]);
        int min = Integer.parseInt(p[1]);
        if (h > 23 || min > 59) return null;
        return LocalTime.of(h, min);
    }

    /** The state whose public holidays count (e.g. {@code SH}), or null for none. */
    public String state() {
        return state;
    }

    public void setState(String s) {
        state = s == null || s.isBlank() ? null : s;
        status = "";
    }

    public List<String> states() {
        return PublicHolidays.STATES;
    }

    public String status() {
        return status;
    }

    /** The status is a failure. */
    public boolean alarm() {
        return alarm;
    }

    /** The calendar as the form has it, or null while the bell schedule has a problem. */
    SchoolCalendar draft() {
        List<String> problems = new ArrayList<>();
        List<Lesson> ls = parseLessons(problems);
        if (!problems.isEmpty()) return null;
        SchoolCalendar c = site.calendar();
        LocalTime from = c.hoursFrom();
        LocalTime to = c.hoursTo();
        boolean inside = !ls.get(0).start().isBefore(from) && !ls.get(ls.size() - 1).end().isAfter(to);
        return new SchoolCalendar(c.zone(), state, c.schoolDays(), ls, inside ? from : null, inside ? to : null,
                holidays, c.holidaysIcs(), c.icsHolidays());
    }

    /** Something to save: the form is good and differs from the saved calendar. */
    public boolean canSave() {
        SchoolCalendar d = site == null ? null : draft();
        return d != null && !d.equals(site.calendar());
    }

    /** Saves the site's calendar as the next version; returns every problem in words (empty: saved). */
    public List<String> save() throws IOException {
        List<String> problems = lessonProblems();
        SchoolCalendar next = draft();
        if (!problems.isEmpty() || next == null) {
            alarm = true;
            status = m().get("admin.form.status.problems", problems.size());
            return problems;
        }
        Site before = site;
        Site changed = new Site(before.id(), before.name(), next, before.profile(), before.display(), before.comfort(),
                before.buildings(), before.kiosks());
        SchoolEditor.Outcome o = editor.save("calendar of " + before.id().value(), model -> replaceSite(model, changed));
        if (!o.errors().isEmpty()) {
            alarm = true;
            status = m().get("admin.form.status.problems", o.errors().size());
            return o.errors().stream().map(p -> p.describe(m().locale())).toList();
        }
        alarm = false;
        o.version().model().site(before.id()).ifPresent(this::select);
        status = o.saved() ? m().get("admin.form.status.saved", o.version().number()) : m().get("admin.form.status.unchanged");
        return List.of();
    }

    private static SchoolModel replaceSite(SchoolModel model, Site changed) {
        List<Site> sites = model.sites().stream().map(s -> s.id().equals(changed.id()) ? changed : s).toList();
        return new SchoolModel(model.operator(), model.defaultProfile(), model.profiles(), model.mappings(),
                model.defaultModels(), sites);
    }
}
