package org.frischluft.ui.city;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.frischluft.model.Light;
import org.frischluft.model.RoomId;
import org.frischluft.model.RoomSnapshot;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.Building;
import org.frischluft.rooms.Floor;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Site;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModel;
import org.frischluft.ui.common.RoomViewModels;

/**
 * The city view's state, on the FX thread and without nodes: every site's summary in attention order, the page
 * shown (the city, one site's drill-down, the problems across the city, search hits), the drill-down's rooms
 * grouped by building and floor, the search. Room view models exist only for rooms a cell shows now
 * ({@link #hold}/{@link #release} over {@link RoomViewModels#onDemand}), filled from the live state when made.
 */
public final class CityViewModel {
    /** What the city view shows. */
    public enum Page { CITY, SITE, PROBLEMS, SEARCH }

    /** A group of the drill-down: "Hauptgebäude · 1. OG" and its rooms in file order. */
    public record Group(String title, List<RoomId> rooms) {
        public Group {
            rooms = List.copyOf(rooms);
        }
    }

    /** A search hit: a site, a building (opens its site there) or a room (opens its site and the room). */
    public record Hit(Kind kind, String text, String detail, SiteId site, String building, RoomId room) {
        public enum Kind { SITE, BUILDING, ROOM }
    }

    private final RoomViewModels rooms;
    private final Function<RoomId, Optional<RoomSnapshot>> latest;
    private final AppStatusViewModel status;
    private final Messages messages;
    private final boolean demo;
    private final java.time.Clock clock;

    private final ReadOnlyObjectWrapper<List<SiteSummary>> sites = new ReadOnlyObjectWrapper<>(this, "sites", List.of());
    private final ReadOnlyObjectWrapper<List<RoomRef>> problems = new ReadOnlyObjectWrapper<>(this, "problems", List.of());
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(this, "page", Page.CITY);
    private final ReadOnlyObjectWrapper<SiteSummary> site = new ReadOnlyObjectWrapper<>(this, "site");
    private final ReadOnlyObjectWrapper<List<Group>> groups = new ReadOnlyObjectWrapper<>(this, "groups", List.of());
    private final ReadOnlyObjectWrapper<RoomId> focus = new ReadOnlyObjectWrapper<>(this, "focus");
    private final ReadOnlyObjectWrapper<List<Hit>> hits = new ReadOnlyObjectWrapper<>(this, "hits", List.of());
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty problemsOnly = new SimpleBooleanProperty(this, "problemsOnly");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper summaryText = new ReadOnlyStringWrapper(this, "summaryText", "");
    private final Map<Light, ReadOnlyIntegerWrapper> counts = new EnumMap<>(Light.class);
    private CityState state = CityState.EMPTY;
    private Page returnTo = Page.CITY;
    private Page beforeSearch = Page.CITY;
    private RoomId opened;

    public CityViewModel(RoomViewModels rooms, Function<RoomId, Optional<RoomSnapshot>> latest, AppStatusViewModel status,
                         Messages messages, boolean demo, java.time.Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.latest = Objects.requireNonNull(latest, "latest");
        this.status = Objects.requireNonNull(status, "status");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.demo = demo;
        for (Light l : Light.values()) counts.put(l, new ReadOnlyIntegerWrapper(this, "count-" + l.id()));
        title.set(titleOf(rooms.model()));
        rooms.onChange(m -> {
            title.set(titleOf(m));
            if (site.get() != null) showGroups(site.get().id());
            refreshHits();
        });
        problemsOnly.addListener((o, was, on) -> {
            if (on) {
                search.set("");
                page.set(Page.PROBLEMS);
            } else if (page.get() == Page.PROBLEMS) {
                page.set(Page.CITY);
            }
        });
        search.addListener((o, was, text) -> {
            boolean any = text != null && !text.isBlank();
            if (any && page.get() != Page.SEARCH) {
                beforeSearch = page.get() == Page.SITE ? Page.CITY : page.get();
                page.set(Page.SEARCH);
            } else if (!any && page.get() == Page.SEARCH) {
                page.set(beforeSearch);
            }
            refreshHits();
        });
    }

    private String titleOf(SchoolModel m) {
        String operator = m.operator().name();
        return operator == null || operator.isBlank() ? m.name() : operator;
    }

    /**
     * A newer state of the city (pump tick, FX thread); the same state twice is nothing (the aggregator hands out
     * the same instance until something changed; its first state follows {@link CityAggregator#beforeAnyReading}).
     */
    public void apply(CityState next) {
        if (next == null || next == state) return;
        state = next;
        sites.set(next.sites());
        problems.set(next.problems());
        for (Light l : Light.values()) counts.get(l).set(next.count(l));
        StringJoiner j = new StringJoiner(messages.get("overview.separator"));
        j.add(messages.get("city.sites", next.sites().size()));
        j.add(messages.get("city.rooms", next.rooms().size()));
        summaryText.set(j.toString());
        if (site.get() != null) {
            SiteId id = site.get().id();
            next.sites().stream().filter(s -> s.id().equals(id)).findFirst().ifPresent(site::set);
        }
    }

    /** Shows one site's buildings and rooms. */
    public void openSite(SiteId id) {
        openSite(id, null);
    }

    /** Shows one site's buildings and rooms, scrolled to {@code room} (null: the top). */
    public void openSite(SiteId id, RoomId room) {
        SiteSummary s = state.sites().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseGet(() -> rooms.model().site(id).map(x -> new SiteSummary(x.id(), x.name(), x.rooms().size(),
                        0, 0, 0, x.rooms().size(), 0, 0, 0, 0, null)).orElse(null));
        if (s == null) return;
        if (page.get() != Page.SITE) returnTo = page.get();
        site.set(s);
        showGroups(id);
        focus.set(room);
        page.set(Page.SITE);
    }

    private void showGroups(SiteId id) {
        Site s = rooms.model().site(id).orElse(null);
        if (s == null) {
            groups.set(List.of());
            return;
        }
        List<Group> out = new ArrayList<>();
        for (Building b : s.buildings()) {
            for (Floor f : b.floors()) {
                String t = s.buildings().size() > 1 ? b.name() + messages.get("overview.separator") + f.name() : f.name();
                out.add(new Group(t, f.rooms().stream().map(Room::id).toList()));
            }
        }
        groups.set(List.copyOf(out));
    }

    /**
     * One step back: from a site to where it was opened from (the city, the problems or the hits), from the
     * problems or the hits to the city. False when already on the city.
     */
    public boolean back() {
        switch (page.get()) {
            case SITE -> {
                site.set(null);
                focus.set(null);
                page.set(returnTo == Page.SEARCH && search.get().isBlank() ? Page.CITY : returnTo);
                if (page.get() == Page.PROBLEMS && !problemsOnly.get()) page.set(Page.CITY);
                return true;
            }
            case PROBLEMS -> {
                problemsOnly.set(false);
                return true;
            }
            case SEARCH -> {
                search.set("");
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Goes where a hit points: its site (at the building or room); a room hit also returns its view model to open. */
    public RoomViewModel choose(Hit hit) {
        RoomId at = hit.room();
        if (hit.kind() == Hit.Kind.BUILDING) {
            at = rooms.model().site(hit.site()).flatMap(s -> s.buildings().stream().filter(b -> b.name().equals(hit.building()))
                    .findFirst()).flatMap(b -> b.floors().stream().flatMap(f -> f.rooms().stream()).findFirst())
                    .map(Room::id).orElse(null);
        }
        openSite(hit.site(), at);
        return hit.kind() == Hit.Kind.ROOM ? open(hit.room()) : null;
    }

    private void refreshHits() {
        String q = search.get() == null ? "" : search.get().strip().toLowerCase(messages.locale());
        if (q.isEmpty()) {
            if (!hits.get().isEmpty()) hits.set(List.of());
            return;
        }
        List<Hit> out = new ArrayList<>();
        for (Site s : rooms.model().sites()) {
            if (matches(s.name(), q) || s.id().value().toLowerCase(Locale.ROOT).contains(q)) {
                out.add(new Hit(Hit.Kind.SITE, s.name(), messages.get("city.hit.site", s.rooms().size()), s.id(), null, null));
            }
            for (Building b : s.buildings()) {
                if (matches(b.name(), q)) out.add(new Hit(Hit.Kind.BUILDING, b.name(), s.name(), s.id(), b.name(), null));
            }
        }
        for (Site s : rooms.model().sites()) {
            for (Building b : s.buildings()) {
                for (Floor f : b.floors()) {
                    for (Room r : f.rooms()) {
                        if (matches(r.name(), q) || r.id().value().toLowerCase(Locale.ROOT).contains(q)) {
                            out.add(new Hit(Hit.Kind.ROOM, r.name(), s.name() + messages.get("overview.separator") + b.name()
                                    + messages.get("overview.separator") + f.name(), s.id(), b.name(), r.id()));
                        }
                    }
                }
            }
        }
        hits.set(List.copyOf(out));
    }

    private boolean matches(String name, String q) {
        return name != null && name.toLowerCase(messages.locale()).contains(q);
    }

    /** A cell shows {@code id} now: its view model (filled from the live state when it is made); release it later. */
    public RoomViewModel hold(RoomId id) {
        RoomViewModel vm = rooms.hold(id);
        if (vm != null && vm.snapshotProperty().get() == null) latest.apply(id).ifPresent(vm::apply);
        return vm;
    }

    /** The cell no longer shows {@code id}. */
    public void release(RoomId id) {
        rooms.release(id);
    }

    /**
     * The view model of a room to show in depth (the room detail): held until the next room is opened, so the
     * detail keeps updating while it is open.
     */
    public RoomViewModel open(RoomId id) {
        RoomViewModel vm = hold(id);
        if (vm == null) return null;
        if (opened != null) release(opened);
        opened = id;
        return vm;
    }

    /** The line of a room (light, CO2, site) from the newest state; null before the first state. */
    public RoomRef line(RoomId id) {
        return state.rooms().get(id);
    }

    /** "12 s" style CO2 text of a room line: "1 234 ppm" or "– ppm". */
    public String co2Text(RoomRef r) {
        return r.co2() == null ? messages.get("co2.none") : messages.get("co2.value", messages.integer(r.co2()));
    }

    /** "3 rot · 5 gelb · 30 grün · 2 ohne Daten" of one site (blue only when there). */
    public String countsText(SiteSummary s) {
        StringJoiner j = new StringJoiner(messages.get("overview.separator"));
        j.add(countText(Light.RED, s.red()));
        j.add(countText(Light.YELLOW, s.yellow()));
        j.add(countText(Light.GREEN, s.green()));
        if (s.blue() > 0) j.add(countText(Light.BLUE, s.blue()));
        j.add(countText(Light.GREY, s.grey()));
        return j.toString();
    }

    /** "5 gelb · 30 grün · 2 ohne Daten" of one site, after its red count (grey and blue only when there). */
    public String countsWithoutRed(SiteSummary s) {
        StringJoiner j = new StringJoiner(messages.get("overview.separator"));
        j.add(countText(Light.YELLOW, s.yellow()));
        j.add(countText(Light.GREEN, s.green()));
        if (s.blue() > 0) j.add(countText(Light.BLUE, s.blue()));
        if (s.grey() > 0) j.add(countText(Light.GREY, s.grey()));
        return j.toString();
    }

    /** "3 rot" / "3 red". */
    public String countText(Light light, int count) {
        return messages.get("overview.count", count, messages.get("light.short." + light.id()));
    }

    /** The site's worst room with its value ("Schlechtester Raum: R 204 — 10a, 2 140 ppm"), or "all fine". */
    public String worstText(SiteSummary s) {
        RoomRef w = s.worst();
        if (w == null) return messages.get(s.grey() == s.rooms() ? "city.worst.waiting" : "city.worst.none");
        if (w.light() == Light.GREY) return messages.get("city.worst.silent", w.name());
        return messages.get("city.worst", w.name(), co2Text(w));
    }

    /** "2 Sensoren stumm · 1 Batterie schwach · 1 Alarm offen", only what is there; empty when nothing. */
    public String issuesText(SiteSummary s) {
        StringJoiner j = new StringJoiner(messages.get("overview.separator"));
        if (s.silent() > 0) j.add(messages.get("city.silent", s.silent()));
        if (s.lowBattery() > 0) j.add(messages.get("city.battery", s.lowBattery()));
        if (s.openAlerts() > 0) j.add(messages.get("city.alerts", s.openAlerts()));
        return j.toString();
    }

    /** "vor 3 min" / "letzter Wert vor 26 min" of a room line, now. */
    public String ageText(RoomRef r) {
        String age = org.frischluft.ui.common.Ages.format(messages, r.lastReading(), clock.instant());
        return r.light() == Light.GREY && r.lastReading() != null ? messages.get("age.stale", age) : age;
    }

    /** The words for a room line's state: "Jetzt lüften!", "Sensor stumm", "Keine Daten". */
    public String stateText(RoomRef r) {
        if (r.silent()) return messages.get("city.state.silent");
        return messages.get("tile." + r.light().id());
    }

    public ReadOnlyObjectProperty<List<SiteSummary>> sitesProperty() { return sites.getReadOnlyProperty(); }
    public List<SiteSummary> sites() { return sites.get(); }
    public ReadOnlyObjectProperty<List<RoomRef>> problemsProperty() { return problems.getReadOnlyProperty(); }
    public List<RoomRef> problems() { return problems.get(); }
    public ReadOnlyObjectProperty<Page> pageProperty() { return page.getReadOnlyProperty(); }
    public Page page() { return page.get(); }
    public ReadOnlyObjectProperty<SiteSummary> siteProperty() { return site.getReadOnlyProperty(); }
    public SiteSummary site() { return site.get(); }
    public ReadOnlyObjectProperty<List<Group>> groupsProperty() { return groups.getReadOnlyProperty(); }
    public List<Group> groups() { return groups.get(); }
    public ReadOnlyObjectProperty<RoomId> focusProperty() { return focus.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<Hit>> hitsProperty() { return hits.getReadOnlyProperty(); }
    public List<Hit> hits() { return hits.get(); }
    public StringProperty searchProperty() { return search; }
    public BooleanProperty problemsOnlyProperty() { return problemsOnly; }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryTextProperty() { return summaryText.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty countProperty(Light l) { return counts.get(l).getReadOnlyProperty(); }
    public int count(Light l) { return counts.get(l).get(); }
    public AppStatusViewModel status() { return status; }
    public Messages messages() { return messages; }
    public boolean demo() { return demo; }
    public RoomViewModels rooms() { return rooms; }
}
