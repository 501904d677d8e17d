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

    public RoomViewModels(SchoolModel initial, Messages messages, Clock clock) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.model = Objects.requireNonNull(initial, "initial");
        for (Room r : initial.rooms()) byId.put(r.id(), new RoomViewModel(r, messages, clock));
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
