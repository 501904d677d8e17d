package org.frischluft.ui.common;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolModel;

/**
 * The view model of every room of the school model in effect, kept in step with it on the FX thread: a new
 * room gets a view model, a removed one loses it, a renamed one is renamed. Screens that show rooms (overview,
 * kiosk) hear of each new model after the view models are in place. FX thread only; no nodes.
 */
public final class RoomViewModels {
    private final Messages messages;
    private final Clock clock;
    private final Map<RoomId, RoomViewModel> byId = new LinkedHashMap<>();
    private final List<Consumer<SchoolModel>> listeners = new ArrayList<>();
    private SchoolModel model;
    /** Issue 15: view models only for the rooms a screen holds now (see {@link #onDemand}). */
    private final boolean onDemand;
    private final Map<RoomId, Integer> holds = new HashMap<>();

    public RoomViewModels(SchoolModel initial, Messages messages, Clock clock) {
        this(initial, messages, clock, false);
    }

    private RoomViewModels(SchoolModel initial, Messages messages, Clock clock, boolean onDemand) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.model = Objects.requireNonNull(initial, "initial");
        this.onDemand = onDemand;
        if (!onDemand) for (Room r : initial.rooms()) byId.put(r.id(), new RoomViewModel(r, messages, clock));
    }

    /**
     * View models only for the rooms a screen shows now (the city view's visible cells, issue 15): none at first,
     * one per {@link #hold}, gone after as many {@link #release}s. The pump applies snapshots only to these, so a
     * city of 3,000 rooms costs the FX thread what is on screen.
     */
    public static RoomViewModels onDemand(SchoolModel initial, Messages messages, Clock clock) {
        return new RoomViewModels(initial, messages, clock, true);
    }

    /** True for {@link #onDemand} view models: a room without one is simply not on screen. */
    public boolean isOnDemand() {
        return onDemand;
    }

    /**
     * A screen shows {@code id} now: its view model, made on the first hold (then it has no snapshot yet: the
     * caller fills it from the live state). Null for a room the model does not have. FX thread.
     */
    public RoomViewModel hold(RoomId id) {
        RoomViewModel vm = byId.get(id);
        if (vm == null) {
            Room r = model.room(id).orElse(null);
            if (r == null) return null;
            vm = new RoomViewModel(r, messages, clock);
            byId.put(id, vm);
        }
        if (onDemand) holds.merge(id, 1, Integer::sum);
        return vm;
    }

    /** The screen no longer shows {@code id}; an on-demand view model goes with its last hold. FX thread. */
    public void release(RoomId id) {
        if (!onDemand) return;
        Integer n = holds.get(id);
        if (n == null) return;
        if (n <= 1) {
            holds.remove(id);
            byId.remove(id);
        } else {
            holds.put(id, n - 1);
        }
    }

    /** The room's view model, or null for a room the model does not have. */
    public RoomViewModel get(RoomId id) {
        return byId.get(id);
    }

    /** Every room's view model in the model's order. */
    public Collection<RoomViewModel> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    public SchoolModel model() {
        return model;
    }

    public Messages messages() {
        return messages;
    }

    /** Called on the FX thread after every model change, once the view models follow it. */
    public void onChange(Consumer<SchoolModel> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Follows {@code next}: view models for its new rooms, none for rooms it dropped, new names; then tells the
     * listeners. Returns the view models made for new rooms (the pump fills them from the live state).
     */
    public List<RoomViewModel> apply(SchoolModel next) {
        Map<RoomId, RoomViewModel> old = new HashMap<>(byId);
        byId.clear();
        List<RoomViewModel> created = new ArrayList<>();
        if (onDemand) { // only the held rooms follow; a room gone from the model loses its view model
            for (Map.Entry<RoomId, RoomViewModel> e : old.entrySet()) {
                Room r = next.room(e.getKey()).orElse(null);
                if (r == null) {
                    holds.remove(e.getKey());
                    continue;
                }
                e.getValue().applyRoom(r);
                byId.put(e.getKey(), e.getValue());
            }
            model = next;
            for (Consumer<SchoolModel> l : listeners) l.accept(next);
            return created;
        }
        for (Room r : next.rooms()) {
            RoomViewModel vm = old.get(r.id());
            if (vm == null) {
                vm = new RoomViewModel(r, messages, clock);
                created.add(vm);
            } else {
                vm.applyRoom(r);
            }
            byId.put(r.id(), vm);
        }
        model = next;
        for (Consumer<SchoolModel> l : listeners) l.accept(next);
        return created;
    }
}
