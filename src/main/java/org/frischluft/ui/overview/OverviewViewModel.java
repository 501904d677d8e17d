package org.frischluft.ui.overview;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.frischluft.model.Light;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.RoomConfig;
import org.frischluft.rooms.SchoolConfig;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caretaker's overview: every room's view model grouped by floor (floors in floor order, rooms in
 * configuration order), the number of rooms per light, the connection status, the clock and whether this
 * is the simulated demo school. Counts follow the rooms' lights as the pump applies snapshots.
 * FX thread only; no nodes.
 */
public final class OverviewViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(OverviewViewModel.class);
    /** Order of the counts: what needs action first. */
    static final List<Light> COUNT_ORDER = List.of(Light.RED, Light.YELLOW, Light.GREEN, Light.BLUE, Light.GREY);

    /** One floor: its label and its rooms in order. */
    public record Floor(String name, List<RoomViewModel> rooms) {
        public Floor {
            rooms = List.copyOf(rooms);
        }
    }

    private final SchoolConfig config;
    private final AppStatusViewModel status;
    private final Messages messages;
    private final List<Floor> floors;
    private final boolean demo;
    private final Map<Light, ReadOnlyIntegerWrapper> counts = new EnumMap<>(Light.class);
    private final ReadOnlyStringWrapper countsText = new ReadOnlyStringWrapper(this, "countsText");

    /** The overview of a real school. */
    public OverviewViewModel(SchoolConfig config, Map<RoomId, RoomViewModel> rooms, AppStatusViewModel status, Messages messages) {
        this(config, rooms, status, messages, false);
    }

    /** The overview; {@code demo} when the rooms are simulated, so the header says so. */
    public OverviewViewModel(SchoolConfig config, Map<RoomId, RoomViewModel> rooms, AppStatusViewModel status, Messages messages,
                             boolean demo) {
        this.demo = demo;
        this.config = Objects.requireNonNull(config, "config");
        this.status = Objects.requireNonNull(status, "status");
        this.messages = Objects.requireNonNull(messages, "messages");
        for (Light l : Light.values()) {
            counts.put(l, new ReadOnlyIntegerWrapper(this, "count-" + l.id()));
        }
        List<Floor> fs = new ArrayList<>();
        config.roomsByFloor().forEach((floor, configured) -> {
            List<RoomViewModel> vms = new ArrayList<>();
            for (RoomConfig rc : configured) {
                RoomViewModel vm = rooms.get(rc.id());
                if (vm == null) {
                    LOG.warn("room {} has no view model; not shown", rc.id());
                    continue;
                }
                vms.add(vm);
                vm.lightProperty().addListener((obs, old, light) -> recount());
            }
            fs.add(new Floor(floor, vms));
        });
        floors = List.copyOf(fs);
        recount();
    }

    private void recount() {
        Map<Light, Integer> n = new EnumMap<>(Light.class);
        for (Floor f : floors) {
            for (RoomViewModel r : f.rooms()) {
                n.merge(r.getLight(), 1, Integer::sum);
            }
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
    }

    /** "3 rot" / "3 red". */
    public String countText(Light light, int count) {
        return messages.get("overview.count", count, messages.get("light.short." + light.id()));
    }

    public String schoolName() {
        return config.name();
    }

    public List<Floor> floors() {
        return floors;
    }

    /** Rooms on the floor with the most rooms (0 for a school without rooms). */
    public int longestFloor() {
        return floors.stream().mapToInt(f -> f.rooms().size()).max().orElse(0);
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
