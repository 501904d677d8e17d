package org.frischluft.ui.common;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.frischluft.model.RejectionSummary;

/**
 * Rejected MQTT messages as the admin sees them: "12 abgelehnt" for the header (empty while nothing was
 * rejected), counts by reason (most frequent first) and the kept messages newest first, with display
 * strings made here. Fed by the {@link FxPump} through {@link AppStatusViewModel#applyRejections}; the
 * summary is an immutable copy made on the ingest side, so nothing here waits on ingest. FX thread only.
 */
public final class RejectionsViewModel {
    /** One kept rejection, ready to show. */
    public record Row(String time, String topic, String reason, String excerpt) {
    }

    /** How often one reason code occurred since the start. */
    public record Count(String code, long count, String text) {
    }

    private final Messages messages;
    private final Clock clock;
    private final DateTimeFormatter today;
    private final DateTimeFormatter otherDay;

    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(this, "total");
    private final ReadOnlyBooleanWrapper any = new ReadOnlyBooleanWrapper(this, "any");
    private final ReadOnlyStringWrapper headerText = new ReadOnlyStringWrapper(this, "headerText", "");
    private final ReadOnlyStringWrapper shownText = new ReadOnlyStringWrapper(this, "shownText", "");
    private final ReadOnlyObjectWrapper<List<Count>> counts = new ReadOnlyObjectWrapper<>(this, "counts", List.of());
    private final ReadOnlyObjectWrapper<List<Row>> rows = new ReadOnlyObjectWrapper<>(this, "rows", List.of());

    public RejectionsViewModel(Messages messages, Clock clock) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.today = DateTimeFormatter.ofPattern(messages.get("rejections.time.today"), messages.locale());
        this.otherDay = DateTimeFormatter.ofPattern(messages.get("rejections.time.other"), messages.locale());
        shownText.set(messages.get("rejections.none"));
    }

    /** The latest summary from the ingest side. */
    public void apply(RejectionSummary summary) {
        RejectionSummary s = summary == null ? RejectionSummary.NONE : summary;
        ZoneId zone = clock.getZone();
        ZonedDateTime now = clock.instant().atZone(zone);
        List<Row> r = new ArrayList<>(s.recent().size());
        for (RejectionSummary.Entry e : s.recent()) {
            r.add(new Row(time(e.time(), now), e.topic(), e.reason(), e.excerpt()));
        }
        List<Count> c = new ArrayList<>();
        s.counts().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> c.add(new Count(e.getKey(), e.getValue(),
                        messages.get("rejections.reasonCount", e.getKey(), messages.integer(e.getValue())))));
        total.set(s.total());
        any.set(s.total() > 0);
        headerText.set(s.total() > 0 ? messages.get("rejections.count", messages.integer(s.total())) : "");
        shownText.set(s.total() == 0 ? messages.get("rejections.none")
                : messages.get("rejections.shown", messages.integer(r.size()), messages.integer(s.total())));
        counts.set(List.copyOf(c));
        rows.set(List.copyOf(r));
    }

    private String time(Instant t, ZonedDateTime now) {
        ZonedDateTime z = t.atZone(now.getZone());
        return (z.toLocalDate().equals(now.toLocalDate()) ? today : otherDay).format(z);
    }

    /** Rejections since the start. */
    public ReadOnlyLongProperty totalProperty() { return total.getReadOnlyProperty(); }
    /** True once anything was rejected. */
    public ReadOnlyBooleanProperty anyProperty() { return any.getReadOnlyProperty(); }
    /** "12 abgelehnt" / "12 rejected"; empty while nothing was rejected. */
    public ReadOnlyStringProperty headerTextProperty() { return headerText.getReadOnlyProperty(); }
    /** "Die neuesten 37 von 1 204 seit dem Start" / "No rejected messages". */
    public ReadOnlyStringProperty shownTextProperty() { return shownText.getReadOnlyProperty(); }
    /** Counts by reason code, most frequent first. */
    public ReadOnlyObjectProperty<List<Count>> countsProperty() { return counts.getReadOnlyProperty(); }
    /** Kept rejections, newest first. */
    public ReadOnlyObjectProperty<List<Row>> rowsProperty() { return rows.getReadOnlyProperty(); }

    public long getTotal() { return total.get(); }
    public String getHeaderText() { return headerText.get(); }
    public String getShownText() { return shownText.get(); }
    public List<Count> getCounts() { return counts.get(); }
    public List<Row> getRows() { return rows.get(); }
    public Messages messages() { return messages; }
}
