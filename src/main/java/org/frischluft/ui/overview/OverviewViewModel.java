package org.frischluft.ui.overview;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import org.frischluft.model.Light;
import org.frischluft.rooms.RoomLocation;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.ui.common.AlertsViewModel;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModel;
import org.frischluft.ui.common.RoomViewModels;

/**
 * The caretaker's overview: every room's view model grouped by site, building and floor (floors in floor order,
 * rooms in the school file's order; a group is titled with what tells it apart, e.g. "EG" for one building,
 * "Neubau · EG" for several), the number of rooms per light, the connection status, the clock and whether this
 * is the simulated demo school. Follows the school model: a new version rebuilds the groups. Counts follow the
 * rooms' lights as the pump applies snapshots. FX thread only; no nodes.
 */
public final class OverviewViewModel {
    /** Order of the counts: what needs action first. */
    static final List<Light> COUNT_ORDER = List.of(Light.RED, Light.YELLOW, Light.GREEN, Light.BLUE, Light.GREY);

    /** One group of rooms (a floor of a building of a site): its title and its rooms in order. */
    public record Floor(String name, List<RoomViewModel> rooms) {
        public Floor {
            rooms = List.copyOf(rooms);
        }
    }

    private final RoomViewModels rooms;
    private final AppStatusViewModel status;
    private final Messages messages;
    private final boolean demo;
    private final Map<Light, ReadOnlyIntegerWrapper> counts = new EnumMap<>(Light.class);
    private final ReadOnlyStringWrapper countsText = new ReadOnlyStringWrapper(this, "countsText");
    private final ReadOnlyStringWrapper schoolName = new ReadOnlyStringWrapper(this, "schoolName");
    private final ReadOnlyObjectWrapper<List<Floor>> floors = new ReadOnlyObjectWrapper<>(this, "floors", List.of());
    private final ChangeListener<Light> recount = (obs, old, light) -> recount();
    private final ChangeListener<Boolean> refilter = (obs, old, low) -> refilter();
    private final AlertsViewModel alerts;
    private final javafx.beans.property.StringProperty search = new javafx.beans.property.SimpleStringProperty(this, "search", "");
    private final javafx.beans.property.BooleanProperty onlyProblems = new javafx.beans.property.SimpleBooleanProperty(this, "onlyProblems");
    private final javafx.beans.property.BooleanProperty bySeverity = new javafx.beans.property.SimpleBooleanProperty(this, "bySeverity");
    private final javafx.beans.property.ObjectProperty<Light> lightFilter = new javafx.beans.property.SimpleObjectProperty<>(this, "lightFilter");
    private final ReadOnlyObjectWrapper<List<Floor>> shown = new ReadOnlyObjectWrapper<>(this, "shown", List.of());
    private final List<RoomViewModel> watched = new ArrayList<>();

    /** The overview of a real school. */
    public OverviewViewModel(RoomViewModels rooms, AppStatusViewModel status, Messages messages) {
        this(rooms, status, messages, false);
    }

    /** The overview; {@code demo} when the rooms are simulated, so the header says so. */
    public OverviewViewModel(RoomViewModels rooms, AppStatusViewModel status, Messages messages, boolean demo) {
        this(rooms, status, messages, demo, null);
    }

    /** The overview with the caretaker's alert list and sensor health ({@code alerts} null: none). */
    public OverviewViewModel(RoomViewModels rooms, AppStatusViewModel status, Messages messages, boolean demo,
                             AlertsViewModel alerts) {
        this.demo = demo;
        this.alerts = alerts;
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.status = Objects.requireNonNull(status, "status");
        this.messages = Objects.requireNonNull(messages, "messages");
        for (Light l : Light.values()) {
            counts.put(l, new ReadOnlyIntegerWrapper(this, "count-" + l.id()));
        }
        applySchool(rooms.model());
        rooms.onChange(this::applySchool);
        search.addListener((o, a, b) -> refilter());
        onlyProblems.addListener((o, a, b) -> refilter());
        bySeverity.addListener((o, a, b) -> refilter());
        lightFilter.addListener((o, a, b) -> refilter());
        if (alerts != null) alerts.rowsProperty().addListener((o, a, b) -> refilter());
    }

    /** Regroups the rooms of {@code model} (FX thread; the pump calls this through {@link RoomViewModels}). */
    private void applySchool(SchoolModel model) {
        for (RoomViewModel vm : watched) {
            vm.lightProperty().removeListener(recount);
            vm.lowBatteryProperty().removeListener(refilter);
        }
        watched.clear();
        boolean manySites = model.sites().size() > 1;
        Map<String, List<RoomViewModel>> groups = new LinkedHashMap<>();
        for (RoomLocation l : model.roomLocations()) {
            RoomViewModel vm = rooms.get(l.room().id());
            if (vm == null) continue;
            StringJoiner title = new StringJoiner(messages.get("overview.separator"));
            if (manySites) title.add(l.site().name());
            if (l.site().buildings().size() > 1) title.add(l.building().name());
            title.add(l.floor().name());
            groups.computeIfAbsent(title.toString(), t -> new ArrayList<>()).add(vm);
            vm.lightProperty().addListener(recount);
            vm.lowBatteryProperty().addListener(refilter);
            watched.add(vm);
        }
        List<Floor> fs = new ArrayList<>();
        groups.forEach((t, vms) -> fs.add(new Floor(t, vms)));
        schoolName.set(model.name());
        floors.set(List.copyOf(fs));
        recount();
    }

    private void recount() {
        Map<Light, Integer> n = new EnumMap<>(Light.class);
        for (RoomViewModel r : watched) {
            n.merge(r.getLight(), 1, Integer::sum);
        }
        StringJoiner text = new StringJoiner(messages.get("overview.separator"));
        for (Light l : COUNT_ORDER) {
            int c = n.getOrDefault(l, 0);
            counts.get(l).set(c);
            if (c > 0 || l != Light.BLUE) {
                text.add(countText(l, c));
            }
        }
        countsText.set(text.toString());
        refilter();
    }

    /** Whether any filter or the urgency order is on: then the shown groups follow every change of light. */
    public boolean filtering() {
        return !search.get().isBlank() || onlyProblems.get() || bySeverity.get() || lightFilter.get() != null;
    }

    /** The groups as shown: all floors, or with a filter only the matching rooms (by urgency: one group). */
    private void refilter() {
        if (!filtering()) {
            if (shown.get() != floors.get()) shown.set(floors.get());
            return;
        }
        String q = search.get().strip().toLowerCase(messages.locale());
        java.util.function.Predicate<RoomViewModel> keep = r -> (q.isEmpty()
                || r.roomNameProperty().get().toLowerCase(messages.locale()).contains(q)
                || r.id().value().toLowerCase(java.util.Locale.ROOT).contains(q))
                && (lightFilter.get() == null || r.getLight() == lightFilter.get())
                && (!onlyProblems.get() || urgency(r) > 0);
        List<Floor> out = new ArrayList<>();
        if (bySeverity.get()) {
            List<RoomViewModel> all = new ArrayList<>();
            for (Floor f : floors.get()) for (RoomViewModel r : f.rooms()) if (keep.test(r)) all.add(r);
            all.sort(java.util.Comparator.comparingInt(this::urgency).reversed()); // stable: school order within a rank
            if (!all.isEmpty()) out.add(new Floor(messages.get("overview.by-severity"), all));
        } else {
            for (Floor f : floors.get()) {
                List<RoomViewModel> rs = f.rooms().stream().filter(keep).toList();
                if (!rs.isEmpty()) out.add(new Floor(f.name(), rs));
            }
        }
        if (!out.equals(shown.get())) shown.set(List.copyOf(out));
    }

    /**
     * How urgent a room is: an open alert of severity 3 or a red light 6, no data 5, yellow 4, another alert 3 or
     * less, a low battery 1, fine 0.
     */
    int urgency(RoomViewModel r) {
        int alert = alerts == null ? 0 : alerts.severityOf(r.id());
        int light = switch (r.getLight()) {
            case RED -> 6;
            case GREY -> 5;
            case YELLOW -> 4;
            default -> 0;
        };
        int rank = Math.max(alert >= 3 ? 6 : alert, light);
        return Math.max(rank, r.lowBatteryProperty().get() ? 1 : 0);
    }

    /** "3 rot" / "3 red". */
    public String countText(Light light, int count) {
        return messages.get("overview.count", count, messages.get("light.short." + light.id()));
    }

    public String schoolName() {
        return schoolName.get();
    }

    public ReadOnlyStringProperty schoolNameProperty() {
        return schoolName.getReadOnlyProperty();
    }

    public List<Floor> floors() {
        return floors.get();
    }

    /** The groups of rooms; a new list when the school model changed. */
    public ReadOnlyObjectProperty<List<Floor>> floorsProperty() {
        return floors.getReadOnlyProperty();
    }

    /** Rooms in the largest group shown (0 for none). */
    public int longestFloor() {
        return shown().stream().mapToInt(f -> f.rooms().size()).max().orElse(0);
    }

    /** The groups as shown (see {@link #shownProperty()}). */
    public List<Floor> shown() {
        return shown.get();
    }

    /** The groups after the search, the state chip, "only problems" and "by urgency". */
    public ReadOnlyObjectProperty<List<Floor>> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Text searched in room names and ids. */
    public javafx.beans.property.StringProperty searchProperty() {
        return search;
    }

    /** Only rooms that are red, yellow, grey, low on battery or have an alert. */
    public javafx.beans.property.BooleanProperty onlyProblemsProperty() {
        return onlyProblems;
    }

    /** All rooms in one group, most urgent first. */
    public javafx.beans.property.BooleanProperty bySeverityProperty() {
        return bySeverity;
    }

    /** Only rooms showing this light (a click on its count chip); null for all. */
    public javafx.beans.property.ObjectProperty<Light> lightFilterProperty() {
        return lightFilter;
    }

    /** A click on a state chip: show only that light, a second click shows all again. */
    public void toggleLight(Light light) {
        lightFilter.set(lightFilter.get() == light ? null : light);
    }

    /** The alert list and sensor health, or null where the overview has none. */
    public AlertsViewModel alerts() {
        return alerts;
    }

    /** True when the rooms are the simulated demo school. */
    public boolean demo() {
        return demo;
    }

    /** "Demo — simulierte Schule" while {@link #demo()}, else empty. */
    public String demoText() {
        return demo ? messages.get("demo.badge") : "";
    }

    public AppStatusViewModel status() {
        return status;
    }

    public Messages messages() {
        return messages;
    }

    /** Rooms showing {@code light} now. */
    public ReadOnlyIntegerProperty countProperty(Light light) {
        return counts.get(light).getReadOnlyProperty();
    }

    public int count(Light light) {
        return counts.get(light).get();
    }

    /** "3 rot · 5 gelb · 14 grün · 2 ohne Daten" (blue only when some room is blue). */
    public ReadOnlyStringProperty countsTextProperty() {
        return countsText.getReadOnlyProperty();
    }

    public String getCountsText() {
        return countsText.get();
    }
}
