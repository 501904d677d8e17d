package org.frischluft.ui.room;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.frischluft.model.Light;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caretaker's room detail: which room is open, which {@link Range}, and the CO2 history loaded for it
 * through a {@link RoomHistory}, as chart points, a stats row per hour, day or week and a summary that answers
 * "was this room above 1 000 ppm, and how long?". Mutated on the FX thread only; results come back through
 * {@code fx} (in the app {@code Platform::runLater}), once per load. It activates only while open: closed, it
 * holds nothing and asks nothing; a result for a room or range that is no longer shown is dropped; a failed
 * query becomes a short message, never an exception. Holds no nodes, so plain JUnit tests it.
 */
public final class RoomDetailViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(RoomDetailViewModel.class);

    /** One row of the stats table, ready to show; {@code light} is the state of the period's mean. */
    public record Row(String period, String mean, String max, String above, Light light) {
    }

    private final RoomHistory history;
    private final Supplier<SchoolModel> school;
    private final Clock clock;
    private final Messages messages;
    private final Executor fx;

    private final ReadOnlyObjectWrapper<RoomViewModel> room = new ReadOnlyObjectWrapper<>(this, "room");
    private final ObjectProperty<Range> range = new SimpleObjectProperty<>(this, "range", Range.TODAY);
    private final ReadOnlyObjectWrapper<Profile> profile = new ReadOnlyObjectWrapper<>(this, "profile", Profile.UBA);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<RoomHistoryData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyObjectWrapper<List<Row>> rows = new ReadOnlyObjectWrapper<>(this, "rows", List.of());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper summaryDetail = new ReadOnlyStringWrapper(this, "summaryDetail", "");
    private final ReadOnlyObjectWrapper<Light> summaryLight = new ReadOnlyObjectWrapper<>(this, "summaryLight", Light.GREY);
    private final ReadOnlyStringWrapper chartTitle = new ReadOnlyStringWrapper(this, "chartTitle", "");
    private final ReadOnlyStringWrapper statsTitle = new ReadOnlyStringWrapper(this, "statsTitle", "");

    private int maxPoints = 800;
    private long generation;
    private long dropped;

    /**
     * @param school the school model in effect (a room's threshold profile, its yellow and red lines, yellow the
     *               stats' threshold; and its site's calendar, the school hours the stats are measured over)
     * @param fx     runs a result on the FX thread ({@code Platform::runLater}; a direct executor in tests)
     */
    public RoomDetailViewModel(RoomHistory history, Supplier<SchoolModel> school, Clock clock, Messages messages,
                               Executor fx) {
        this.history = Objects.requireNonNull(history, "history");
        this.school = Objects.requireNonNull(school, "school");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.fx = Objects.requireNonNull(fx, "fx");
        range.addListener((o, a, b) -> {
            titles();
            reload();
        });
        titles();
    }

    /** Opens the detail of {@code r} (today's range) and loads its history. */
    public void open(RoomViewModel r) {
        Objects.requireNonNull(r, "room");
        clear();
        room.set(r);
        profile.set(school.get().profileOf(r.id()));
        if (range.get() != Range.TODAY) {
            range.set(Range.TODAY); // reloads
        } else {
            titles();
            reload();
        }
    }

    /** Closes the detail: pending results are dropped, nothing more is asked. */
    public void close() {
        generation++;
        room.set(null);
        clear();
    }

    private void clear() {
        generation++;
        loading.set(false);
        message.set("");
        data.set(null);
        rows.set(List.of());
        summary.set("");
        summaryDetail.set("");
        summaryLight.set(Light.GREY);
    }

    /** Asks again for the open room and range (the view does this once a minute); nothing while closed. */
    public void reload() {
        RoomViewModel r = room.get();
        if (r == null) return;
        long gen = ++generation;
        titles(); // "today" turns into "the last hours" at the end of school hours
        loading.set(true);
        if (data.get() == null) message.set(messages.get("room.loading"));
        RoomHistoryRequest request = new RoomHistoryRequest(r.id(), plan(),
                maxPoints, profile.get().yellowFrom());
        CompletableFuture<RoomHistoryData> f;
        try {
            f = history.load(request);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((d, e) -> fx.execute(() -> accept(gen, d, e)));
    }

    /** The plan of the current range at the clock's now, on the open room's site calendar. */
    public HistoryPlan plan() {
        RoomViewModel r = room.get();
        SchoolCalendar calendar = r == null ? SchoolCalendar.germanDefault() : school.get().calendarOf(r.id());
        return HistoryPlan.of(range.get(), clock.instant(), calendar);
    }

    private void accept(long gen, RoomHistoryData d, Throwable e) {
        if (gen != generation || room.get() == null) {
            dropped++;
            return;
        }
        loading.set(false);
        if (e != null) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            LOG.warn("room history of {} failed: {}", room.get().id(), cause.toString());
            String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            int nl = why.indexOf('\n');
            message.set(messages.get("room.failed", nl > 0 ? why.substring(0, nl) : why));
            return;
        }
        data.set(d);
        rows.set(rowsOf(d));
        summarize(d);
        message.set(d.points().isEmpty() ? messages.get("room.summary.none") : "");
    }

    private List<Row> rowsOf(RoomHistoryData d) {
        Profile p = profile.get();
        List<Row> out = new ArrayList<>();
        for (RoomHistoryData.PeriodStats s : d.periods()) {
            boolean none = s.count() == 0;
            Light l = none ? Light.GREY : s.mean() >= p.redFrom() ? Light.RED : s.mean() >= p.yellowFrom() ? Light.YELLOW : Light.GREEN;
            out.add(new Row(periodLabel(d.request().plan(), s.period()), none ? "–" : messages.integer(s.mean()),
                    none ? "–" : messages.integer(s.max()), none ? "–" : duration(s.minutesAbove()), l));
        }
        return List.copyOf(out);
    }

    private void summarize(RoomHistoryData d) {
        Profile p = profile.get();
        String key = range.get().id();
        String threshold = messages.integer(p.yellowFrom());
        List<RoomHistoryData.PeriodStats> measured = d.periods().stream().filter(s -> s.count() > 0).toList();
        if (measured.isEmpty()) {
            summary.set(messages.get("room.summary.none"));
            summaryDetail.set("");
            summaryLight.set(Light.GREY);
            return;
        }
        double minutes = measured.stream().mapToDouble(RoomHistoryData.PeriodStats::minutesAbove).sum();
        long meanAbove = measured.stream().filter(s -> s.mean() >= p.yellowFrom()).count();
        double peak = measured.stream().mapToDouble(RoomHistoryData.PeriodStats::max).max().orElse(Double.NaN);
        summary.set(Math.round(minutes) == 0 ? messages.get("room.summary.never." + key, threshold)
                : messages.get("room.summary.above." + key, duration(minutes), threshold));
        summaryDetail.set(messages.get("room.summary.detail",
                messages.get("room.summary.periods." + key, meanAbove, measured.size(), threshold), messages.integer(peak)));
        summaryLight.set(meanAbove > 0 ? Light.RED : Math.round(minutes) > 0 ? Light.YELLOW : Light.GREEN);
    }

    /** "35 min", "2 h 05 min". */
    String duration(double minutes) {
        long m = Math.round(minutes);
        return m < 60 ? messages.get("room.duration.min", m) : messages.get("room.duration.hm", m / 60, String.format(java.util.Locale.ROOT, "%02d", m % 60));
    }

    private String periodLabel(HistoryPlan plan, HistoryPlan.Period p) {
        return switch (plan.range()) {
            case TODAY -> messages.get("room.period.hour", hour(p.start(), plan.zone()), hour(p.end(), plan.zone()));
            case WEEK -> DateTimeFormatter.ofPattern(messages.get("room.period.day"), messages.locale())
                    .format(p.start().atZone(plan.zone()));
            case MONTH -> messages.get("room.period.week", p.start().atZone(plan.zone()).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                    DateTimeFormatter.ofPattern(messages.get("room.period.weekStart"), messages.locale())
                            .format(p.start().atZone(plan.zone())));
        };
    }

    private static String hour(Instant t, ZoneId zone) {
        return String.format(java.util.Locale.ROOT, "%02d", t.atZone(zone).getHour());
    }

    /** Titles naming the school hours of the open room's site ("CO₂ heute, 7 bis 17 Uhr"). */
    private void titles() {
        RoomViewModel r = room.get();
        SchoolCalendar c = r == null ? SchoolCalendar.germanDefault() : school.get().calendarOf(r.id());
        String from = clockTime(c.hoursFrom());
        String to = clockTime(c.hoursTo());
        HistoryPlan plan = HistoryPlan.of(range.get(), clock.instant(), c);
        if (plan.lastHours()) {
            // outside school hours "today" is the last hours, and the title says so
            chartTitle.set(messages.get("room.chart.lastHours", plan.periods().size(), from, to));
            statsTitle.set(messages.get("room.stats." + range.get().id(), from, to));
            return;
        }
        chartTitle.set(messages.get("room.chart." + range.get().id(), from, to));
        statsTitle.set(messages.get("room.stats." + range.get().id(), from, to));
    }

    /** 7 / 7:30 (de), 7 am / 7:30 am (en): a time of day as people say it. */
    private String clockTime(java.time.LocalTime t) {
        String key = t.getMinute() == 0 ? "room.hour" : "room.hourMinutes";
        return DateTimeFormatter.ofPattern(messages.get(key), messages.locale()).format(t).toLowerCase(messages.locale());
    }

    /** Chart points wanted per load (the chart's width in pixels); used from the next load on. */
    public void setMaxPoints(int points) {
        maxPoints = Math.max(2, points);
    }

    public Messages messages() {
        return messages;
    }

    /** Results dropped because the room or range changed meanwhile, or the detail was closed. */
    public long dropped() {
        return dropped;
    }

    public boolean isOpen() {
        return room.get() != null;
    }

    /** The open room, null while closed. */
    public ReadOnlyObjectProperty<RoomViewModel> roomProperty() { return room.getReadOnlyProperty(); }
    /** Today, 7 days or 30 days; setting it loads again. */
    public ObjectProperty<Range> rangeProperty() { return range; }
    /** The open room's thresholds (UBA when it names none). */
    public ReadOnlyObjectProperty<Profile> profileProperty() { return profile.getReadOnlyProperty(); }
    /** True from a request until its answer. */
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    /** "Lade Verlauf …", "Verlauf nicht verfügbar: …", "Keine Messwerte …"; empty when the chart says it all. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** The latest answer for the open room and range, null before the first. */
    public ReadOnlyObjectProperty<RoomHistoryData> dataProperty() { return data.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<Row>> rowsProperty() { return rows.getReadOnlyProperty(); }
    /** "Heute 2 h 05 min über 1 000 ppm" or "Heute nie über 1 000 ppm". */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    /** "Mittelwert in 3 von 7 Stunden über 1 000 ppm · Spitze 2 140 ppm". */
    public ReadOnlyStringProperty summaryDetailProperty() { return summaryDetail.getReadOnlyProperty(); }
    /** Red when some period's mean was above the threshold, yellow when only some minutes were, else green. */
    public ReadOnlyObjectProperty<Light> summaryLightProperty() { return summaryLight.getReadOnlyProperty(); }
    public ReadOnlyStringProperty chartTitleProperty() { return chartTitle.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statsTitleProperty() { return statsTitle.getReadOnlyProperty(); }

    public Range getRange() { return range.get(); }
    public void setRange(Range r) { range.set(Objects.requireNonNull(r, "range")); }
    public String getMessage() { return message.get(); }
    public String getSummary() { return summary.get(); }
    public String getSummaryDetail() { return summaryDetail.get(); }
    public List<Row> getRows() { return rows.get(); }
    public RoomHistoryData getData() { return data.get(); }
    public boolean isLoading() { return loading.get(); }
}
