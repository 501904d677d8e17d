package org.frischluft.ui.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.frischluft.admin.KioskAssignments;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.model.RoomId;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.ui.common.Messages;

/**
 * The fleet tab's state: one line of words per kiosk (room, online/offline, configuration, what it shows and how old
 * the value is, app version, uptime, refusals), the kiosks waiting for a room, and pairing: a code typed or a
 * waiting kiosk picked, a room chosen, saved through the {@link SchoolEditor} and sent signed by the {@link Sender}.
 * Saving and sending run on {@code background}, results come back on {@code fx}. FX thread; no nodes.
 */
public final class FleetViewModel {
    /** Signs and publishes the site's configuration (the app's fleet publisher); returns the version sent. */
    public interface Sender {
        long send(SchoolModel school, SiteId site) throws Exception;
    }

    /** A kiosk in words, as the table shows it; {@code state} is {@code online}, {@code offline} or {@code waiting}. */
    public record Line(String kiosk, String room, String state, String stateText, String version, String showing,
                       String app, String uptime, String refusals, int refusalCount) {
    }

    private final SchoolEditor editor;
    private final SiteId site;
    private final Sender sender;
    private final Clock clock;
    private final Supplier<Messages> messages;
    private final Executor background;
    private final Executor fx;
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ObservableList<String> waiting = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyBooleanWrapper resultOk = new ReadOnlyBooleanWrapper(this, "resultOk", true);
    private List<FleetRow> rows = List.of();

    public FleetViewModel(SchoolEditor editor, SiteId site, Sender sender, Clock clock, Supplier<Messages> messages,
                          Executor background, Executor fx) {
        this.editor = Objects.requireNonNull(editor, "editor");
        this.site = Objects.requireNonNull(site, "site");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    public Messages messages() {
        return messages.get();
    }

    public SiteId site() {
        return site;
    }

    /** The rooms of the site, for the room choice. */
    public List<Room> rooms() {
        return editor.current().model().site(site).map(s -> s.rooms()).orElse(List.of());
    }

    /** The fleet as the registry knows it now (FX thread). */
    public void apply(List<FleetRow> next) {
        rows = List.copyOf(next);
        relabel();
    }

    /** The texts again, in the language now in effect; and every age and uptime against the clock. */
    public void relabel() {
        Messages m = messages.get();
        Instant now = clock.instant();
        SchoolModel school = editor.current().model();
        List<Line> out = new ArrayList<>();
        List<String> wait = new ArrayList<>();
        int online = 0;
        for (FleetRow r : rows) {
            if (r.online()) online++;
            if (r.waiting()) wait.add(r.kiosk() + " — " + display(r.code()));
            String state = !r.online() ? "offline" : r.waiting() ? "waiting" : "online";
            String stateText = state.equals("waiting") ? m.get("fleet.state.unpaired", display(r.code())) : m.get("fleet.state." + state);
            String room = r.room() == null ? m.get("fleet.none")
                    : school.room(RoomId.of(r.room())).map(Room::name).orElse(r.room());
            String showing = r.light() == null ? m.get("fleet.none")
                    : r.valueAt() == null ? m.get("fleet.light." + r.light().name())
                    : m.get("fleet.showing", m.get("fleet.light." + r.light().name()), age(m, r.valueAt(), now));
            String uptime = r.startedAt() == null || !r.online() ? m.get("fleet.none") : uptime(m, Duration.between(r.startedAt(), now));
            int count = r.refusals().values().stream().mapToInt(Integer::intValue).sum();
            String refusals = count == 0 ? m.get("fleet.refusals.none") : refusalText(m, r.refusals());
            out.add(new Line(r.kiosk(), room, state, stateText, version(m, r.configVersion()),
                    showing, r.appVersion() == null ? m.get("fleet.none") : r.appVersion(), uptime, refusals, count));
        }
        lines.setAll(out);
        waiting.setAll(wait);
        countText.set(m.get("fleet.count", rows.size(), online, wait.size()));
    }

    private static String refusalText(Messages m, Map<String, Integer> refusals) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(refusals).forEach((k, v) -> {
            if (v > 0) parts.add(m.get("fleet.refusals", v, m.get("fleet.refusal.short." + k)));
        });
        return String.join(", ", parts);
    }

    private static String age(Messages m, Instant then, Instant now) {
        if (then == null) return m.get("age.none");
        long s = Math.max(0, Duration.between(then, now).getSeconds());
        if (s < 60) return m.get("age.seconds", s);
        if (s < 7200) return m.get("age.minutes", s / 60);
        if (s < 48 * 3600) return m.get("age.hours", s / 3600);
        return m.get("age.days", s / 86400);
    }

    /** A version the tools made (the issue time in ms) as that time, in the zone of the clock; any other as its number. */
    private String version(Messages m, long v) {
        if (v <= 0) return m.get("fleet.none");
        if (v < 1_000_000_000_000L) return Long.toString(v);
        java.text.MessageFormat f = new java.text.MessageFormat(m.get("fleet.version"), m.locale());
        for (Object fmt : f.getFormats()) {
            if (fmt instanceof java.text.DateFormat df) df.setTimeZone(java.util.TimeZone.getTimeZone(clock.getZone()));
        }
        return f.format(new Object[] {new java.util.Date(v)});
    }

    static String uptime(Messages m, Duration d) {
        long min = Math.max(0, d.toMinutes());
        if (min < 60) return m.get("fleet.uptime.minutes", min);
        if (min < 48 * 60) return m.get("fleet.uptime.hours", min / 60, min % 60);
        return m.get("fleet.uptime.days", min / 1440, (min % 1440) / 60);
    }

    private static String display(String code) {
        return code == null || code.length() != 6 ? String.valueOf(code) : code.substring(0, 3) + "-" + code.substring(3);
    }

    /**
     * Pairs the kiosk that shows {@code typedCode} (or the {@code picked} waiting one) with {@code room}: saved through
     * the editor (checked by the school file's rules), then the site's configuration is sent signed. The outcome in
     * words in {@link #resultProperty()}.
     *
     * @param picked a line of the waiting list ({@code "k-id — ABC-234"}) or null
     */
    public void pair(String typedCode, String picked, RoomId room) {
        Messages m = messages.get();
        String kiosk = null;
        String code = normalise(typedCode);
        if (code != null) {
            for (FleetRow r : rows) if (r.waiting() && code.equals(r.code())) kiosk = r.kiosk();
            if (kiosk == null) {
                say(false, m.get("fleet.pair.unknown-code", typedCode.strip()));
                return;
            }
        } else if (picked != null && !picked.isBlank()) {
            kiosk = picked.split(" ")[0];
        }
        if (kiosk == null) {
            say(false, m.get("fleet.pair.no-code"));
            return;
        }
        if (room == null) {
            say(false, m.get("fleet.pair.no-room"));
            return;
        }
        String id = kiosk;
        String roomName = editor.current().model().room(room).map(Room::name).orElse(room.value());
        background.execute(() -> {
            try {
                SchoolEditor.Outcome o = editor.save("kiosk " + id + " shows " + room.value(),
                        model -> KioskAssignments.assign(model, site, id, room, null));
                if (!o.errors().isEmpty()) {
                    String why = o.errors().get(0).describe(m.locale());
                    fx.execute(() -> say(false, m.get("fleet.pair.failed", why)));
                    return;
                }
                long version = sender.send(o.version().model(), site);
                fx.execute(() -> say(true, m.get("fleet.pair.done", id, roomName, Long.toString(version))));
            } catch (Exception e) {
                fx.execute(() -> say(false, m.get("fleet.pair.failed", String.valueOf(e.getMessage()))));
            }
        });
    }

    /** Sends the site's configuration as it is now to every kiosk (after a school-wide change elsewhere in the admin). */
    public void publishAll() {
        Messages m = messages.get();
        SchoolModel now = editor.current().model();
        background.execute(() -> {
            try {
                long version = sender.send(now, site);
                fx.execute(() -> say(true, m.get("fleet.publish.done", Long.toString(version))));
            } catch (Exception e) {
                fx.execute(() -> say(false, m.get("fleet.pair.failed", String.valueOf(e.getMessage()))));
            }
        });
    }

    private void say(boolean ok, String text) {
        resultOk.set(ok);
        result.set(text);
    }

    /** {@code k7m 4px} → {@code K7M4PX}; null if it is not six characters of letters and digits. */
    static String normalise(String typed) {
        if (typed == null) return null;
        String c = typed.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "");
        return c.matches("[A-Z0-9]{6}") ? c : null;
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    public ObservableList<String> waiting() {
        return waiting;
    }

    public ReadOnlyStringProperty countTextProperty() { return countText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty resultOkProperty() { return resultOk.getReadOnlyProperty(); }
    public String getResult() { return result.get(); }
}
