package org.frischluft.ui.report;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.frischluft.report.PeriodSummary;
import org.frischluft.report.RoomReport;
import org.frischluft.report.Terms;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Site;

/**
 * The report view's state (FX thread): site, period and room choices, the rows of the table, a status line. Loads
 * through {@link ReportQuery} off the FX thread; results come back through {@code fx} (in the app
 * {@code Platform::runLater}); an answer to an older request is dropped. Holds no nodes.
 */
public final class ReportViewModel {
    /** The periods offered. */
    public enum Period { WEEK, FOUR_WEEKS, TERM }

    /** One row of the table: a room over the period, or one week of the chosen room. */
    public record Row(String label, String lessons, String complete, String pctAbove, String mean, String warnstufe2,
                      String flags, boolean flagged) {
    }

    private final ReportQuery query;
    private final Supplier<SchoolModel> school;
    private final Clock clock;
    private final Executor fx;
    private final ResourceBundle texts;
    private final Locale locale;
    private final ObjectProperty<Site> site = new SimpleObjectProperty<>();
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(Period.TERM);
    /** null: all rooms of the site. */
    private final ObjectProperty<Room> room = new SimpleObjectProperty<>();
    private final ObservableList<Site> sites = FXCollections.observableArrayList();
    private final ObservableList<Room> rooms = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private int generation;

    public ReportViewModel(ReportQuery query, Supplier<SchoolModel> school, Clock clock, Locale locale, Executor fx) {
        this.query = query;
        this.school = school;
        this.clock = clock;
        this.fx = fx;
        this.locale = locale;
        this.texts = ResourceBundle.getBundle("org.frischluft.ui.report.reportview", locale);
        site.addListener((o, a, b) -> {
            rooms.setAll(b == null ? List.of() : b.rooms());
            room.set(null);
            refresh();
        });
        period.addListener((o, a, b) -> refresh());
        room.addListener((o, a, b) -> refresh());
    }

    public String text(String key, Object... args) {
        String s = texts.getString(key);
        return args.length == 0 ? s : new MessageFormat(s, locale).format(args);
    }

    public Locale locale() {
        return locale;
    }

    /** Reads the school's sites (on opening); keeps the chosen site where it still exists. */
    public void open() {
        SchoolModel m = school.get();
        sites.setAll(m.sites());
        Site keep = site.get() == null ? null : m.site(site.get().id()).orElse(null);
        if (keep == null && !sites.isEmpty()) keep = sites.get(0);
        if (keep != null && keep.equals(site.get())) refresh();
        else site.set(keep);
    }

    /** The current request, or null without a site. */
    public ReportRequest request() {
        Site s = site.get();
        if (s == null) return null;
        LocalDate today = LocalDate.now(clock.withZone(s.calendar().zone()));
        LocalDate from = switch (period.get()) {
            case WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case FOUR_WEEKS -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(3);
            case TERM -> Terms.around(s.calendar(), today)[0];
        };
        if (from.isAfter(today)) from = today;
        Room r = room.get();
        return new ReportRequest(s.id(), from, today, r == null ? null : r.id());
    }

    public void refresh() {
        ReportRequest req = request();
        int gen = ++generation;
        rows.clear();
        if (req == null) {
            status.set(text("status.nosite"));
            heading.set("");
            return;
        }
        DateTimeFormatter d = DateTimeFormatter.ofPattern(text("date.pattern"), locale);
        heading.set(text("heading", d.format(req.from()), d.format(req.to())));
        busy.set(true);
        status.set(text("status.loading"));
        query.load(req).whenComplete((result, error) -> fx.execute(() -> {
            if (gen != generation) return;
            busy.set(false);
            if (error != null) {
                status.set(text("status.failed", rootMessage(error)));
                return;
            }
            show(result, req);
        }));
    }

    private void show(List<RoomReport> result, ReportRequest req) {
        DateTimeFormatter d = DateTimeFormatter.ofPattern(text("date.short"), locale);
        if (req.room() != null && result.size() == 1) {
            for (PeriodSummary w : result.get(0).weeks()) {
                if (w.lessons() == 0) continue;
                rows.add(row(text("week", w.from().get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR), d.format(w.from()),
                        d.format(w.to())), w));
            }
            rows.add(row(text("whole"), result.get(0).term()));
        } else {
            for (RoomReport r : result) rows.add(row(r.roomName(), r.term()));
        }
        long flagged = rows.stream().filter(Row::flagged).count();
        status.set(result.isEmpty() ? text("status.norooms")
                : req.room() != null ? text("status.room", result.get(0).roomName(), flagged)
                : text("status.done", result.size(), flagged));
    }

    private Row row(String label, PeriodSummary s) {
        String flags = "";
        if (s.ventilationPlanNeeded()) flags = text("flag.plan");
        if (s.warnstufe2Flag()) flags = flags.isEmpty() ? text("flag.w2") : flags + " · " + text("flag.w2");
        return new Row(label, Integer.toString(s.lessons()), Integer.toString(s.complete()),
                Double.isNaN(s.pctMeanAbove1000()) ? "–" : Math.round(s.pctMeanAbove1000()) + " %",
                Double.isNaN(s.meanPpm()) ? "–" : Math.round(s.meanPpm()) + " ppm", Integer.toString(s.warnstufe2()),
                flags.isEmpty() ? "–" : flags, s.ventilationPlanNeeded() || s.warnstufe2Flag());
    }

    /** A file name for an export of the current choice, e.g. {@code frischluft-gs-lindenpark-2026-11-02.pdf}. */
    public String suggestedName(String format) {
        ReportRequest r = request();
        if (r == null) return "frischluft." + format;
        return "frischluft-" + (r.room() != null ? r.room().value() : r.site().value()) + "-" + r.from() + "-" + r.to() + "." + format;
    }

    /** Exports the current choice to {@code file} ({@code csv} or {@code pdf}); the status line says where. */
    public void export(String format, Path file) {
        ReportRequest req = request();
        if (req == null || file == null) return;
        busy.set(true);
        status.set(text("status.exporting", file.getFileName()));
        query.export(req, format, file, locale).whenComplete((done, error) -> fx.execute(() -> {
            busy.set(false);
            status.set(error != null ? text("status.exportfailed", rootMessage(error)) : text("status.exported", done));
        }));
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return String.valueOf(t.getMessage());
    }

    public ObservableList<Site> sites() {
        return sites;
    }

    public ObservableList<Room> rooms() {
        return rooms;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Site> siteProperty() {
        return site;
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public ObjectProperty<Room> roomProperty() {
        return room;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
