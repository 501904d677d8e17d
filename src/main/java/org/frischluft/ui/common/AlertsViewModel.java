package org.frischluft.ui.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.frischluft.model.Light;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.RoomLocation;
import org.frischluft.rooms.SchoolModel;

/**
 * The caretaker's alert list and sensor-health list: unresolved alerts, most severe first, then oldest first, each
 * with words for its room, rule, value and age, and whether someone has taken it on; newly opened alerts once (for a
 * desktop notification); and the sensors that need a visit (silent, low battery, drifting). FX thread only; no nodes.
 */
public final class AlertsViewModel {
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM. HH:mm");

    /** One alert as a row: its item and the words. */
    public record Row(AlertFeed.Item item, String room, String title, String detail, String stateText) {
        public long id() {
            return item.id();
        }

        public boolean acknowledged() {
            return item.acknowledged();
        }
    }

    /** One sensor that needs a visit: its room and what is wrong ("keine Daten seit 08:12", "Batterie 8 %"). */
    public record Health(RoomId room, String roomName, String kind, String text) {
    }

    private final AlertFeed feed;
    private final RoomViewModels rooms;
    private final Messages messages;
    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<List<Row>> rows = new ReadOnlyObjectWrapper<>(this, "rows", List.of());
    private final ReadOnlyObjectWrapper<List<Row>> fresh = new ReadOnlyObjectWrapper<>(this, "fresh", List.of());
    private final ReadOnlyObjectWrapper<List<Health>> health = new ReadOnlyObjectWrapper<>(this, "health", List.of());
    private final ReadOnlyIntegerWrapper unacknowledged = new ReadOnlyIntegerWrapper(this, "unacknowledged");
    private final ReadOnlyStringWrapper headerText = new ReadOnlyStringWrapper(this, "headerText", "");
    private final Set<Long> seen = new HashSet<>();
    private AlertFeed.Snapshot snapshot = AlertFeed.Snapshot.EMPTY;
    private boolean first = true;
    private Instant now;

    public AlertsViewModel(AlertFeed feed, RoomViewModels rooms, Messages messages, java.time.Clock clock) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.zone = clock.getZone();
        this.now = clock.instant();
        headerText.set(messages.get("alerts.header", 0));
    }

    public AlertFeed feed() {
        return feed;
    }

    /** A new state of the alerts (the pump, when its number changed). */
    public void apply(AlertFeed.Snapshot next) {
        snapshot = Objects.requireNonNull(next, "next");
        rebuild();
        List<Row> news = new ArrayList<>();
        for (Row r : rows.get()) {
            if (seen.add(r.id()) && !first && !r.acknowledged()) news.add(r);
        }
        first = false;
        if (!news.isEmpty()) fresh.set(List.copyOf(news));
        refreshHealth();
    }

    /** Once a second: ages in the words, the health list from the rooms' lights and batteries. */
    public void tick(Instant instant) {
        now = instant;
        rebuild();
        refreshHealth();
    }

    /** Queues the acknowledgement; the list shows it once the ingest side has applied it (about a second). */
    public void acknowledge(long id, String by, String comment) {
        feed.acknowledge(id, by == null ? "" : by.strip(), comment == null ? "" : comment.strip());
    }

    /** Rooms that have an unresolved alert. */
    public Set<RoomId> roomsWithAlerts() {
        Set<RoomId> out = new HashSet<>();
        for (AlertFeed.Item i : snapshot.items()) if (i.room() != null) out.add(i.room());
        return out;
    }

    /** The most severe unresolved alert's severity of {@code room}, 0 for none. */
    public int severityOf(RoomId room) {
        return snapshot.items().stream().filter(i -> room.equals(i.room())).mapToInt(AlertFeed.Item::severity).max().orElse(0);
    }

    private void rebuild() {
        List<AlertFeed.Item> items = new ArrayList<>(snapshot.items());
        items.sort(Comparator.comparing(AlertFeed.Item::acknowledged)
                .thenComparing(Comparator.comparingInt(AlertFeed.Item::severity).reversed())
                .thenComparing(AlertFeed.Item::opened));
        List<Row> out = new ArrayList<>();
        for (AlertFeed.Item i : items) out.add(row(i));
        rows.set(List.copyOf(out));
        int open = (int) items.stream().filter(i -> !i.acknowledged()).count();
        unacknowledged.set(open);
        headerText.set(messages.get("alerts.header", open));
    }

    private Row row(AlertFeed.Item i) {
        String room = i.room() == null ? siteName(i) : roomName(i.room());
        String title = messages.get("alert.rule." + i.rule());
        String value = i.value() == null ? "" : switch (i.rule()) {
            case "battery-low" -> i.value() <= 5 ? messages.oneDecimal(i.value()) + " V" : messages.integer(i.value()) + " %";
            case "window-open" -> "−" + messages.oneDecimal(i.value()) + " K";
            default -> messages.integer(i.value()) + " ppm";
        };
        long minutes = Math.max(0, Duration.between(i.since(), now).toMinutes());
        String since = messages.get("alerts.since", time(i.since()), duration(minutes));
        String detail = value.isEmpty() ? since : value + messages.get("overview.separator") + since;
        String state = switch (i.state()) {
            case "escalated" -> messages.get("alerts.state.escalated");
            case "acknowledged" -> i.acknowledgedBy() == null && i.comment() == null ? messages.get("alerts.state.acknowledged")
                    : messages.get("alerts.state.acknowledged-by", i.acknowledgedBy() == null ? "—" : i.acknowledgedBy(),
                            i.comment() == null ? "" : i.comment());
            default -> messages.get("alerts.state.open");
        };
        return new Row(i, room, title, detail, state);
    }

    private String duration(long minutes) {
        if (minutes < 60) return messages.get("alerts.duration.minutes", minutes);
        if (minutes < 48 * 60) return messages.get("alerts.duration.hours", minutes / 60);
        return messages.get("alerts.duration.days", minutes / (24 * 60));
    }

    private String time(Instant t) {
        boolean today = t.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        return (today ? HHMM : DAY).format(t.atZone(zone));
    }

    private String roomName(RoomId id) {
        RoomViewModel vm = rooms.get(id);
        return vm != null ? vm.roomNameProperty().get() : id.value();
    }

    private String siteName(AlertFeed.Item i) {
        SchoolModel m = rooms.model();
        return messages.get("alerts.site", m.site(i.site()).map(org.frischluft.rooms.Site::name).orElse(i.site().value()));
    }

    private void refreshHealth() {
        List<Health> out = new ArrayList<>();
        Set<RoomId> drifting = new HashSet<>();
        for (AlertFeed.Item i : snapshot.items()) if (i.rule().equals("drift") && i.room() != null) drifting.add(i.room());
        for (RoomLocation l : rooms.model().roomLocations()) {
            RoomViewModel vm = rooms.get(l.room().id());
            if (vm == null) continue;
            if (vm.getLight() == Light.GREY && vm.snapshotProperty().get() != null && vm.snapshotProperty().get().lastReading() != null) {
                out.add(new Health(vm.id(), vm.roomNameProperty().get(), "silent",
                        messages.get("health.silent", time(vm.snapshotProperty().get().lastReading()))));
            }
            if (vm.lowBatteryProperty().get()) {
                out.add(new Health(vm.id(), vm.roomNameProperty().get(), "battery", vm.batteryTextProperty().get()));
            }
            if (drifting.contains(vm.id())) {
                out.add(new Health(vm.id(), vm.roomNameProperty().get(), "drift", messages.get("health.drift")));
            }
        }
        if (!out.equals(health.get())) health.set(List.copyOf(out));
    }

    /** Unresolved alerts: not yet acknowledged first, then by severity, then oldest first. */
    public ReadOnlyObjectProperty<List<Row>> rowsProperty() { return rows.getReadOnlyProperty(); }
    public List<Row> rows() { return rows.get(); }
    /** Alerts opened since the last change (not those there at start): for a desktop notification. */
    public ReadOnlyObjectProperty<List<Row>> freshProperty() { return fresh.getReadOnlyProperty(); }
    /** Sensors that need a visit: silent, low battery, drifting. */
    public ReadOnlyObjectProperty<List<Health>> healthProperty() { return health.getReadOnlyProperty(); }
    public List<Health> health() { return health.get(); }
    public ReadOnlyIntegerProperty unacknowledgedProperty() { return unacknowledged.getReadOnlyProperty(); }
    /** "3 Alarme" / "3 alerts". */
    public ReadOnlyStringProperty headerTextProperty() { return headerText.getReadOnlyProperty(); }
    public String getHeaderText() { return headerText.get(); }
}
