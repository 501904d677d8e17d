package org.frischluft.ui.admin;

import java.util.List;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.RoomLocation;
import org.frischluft.rooms.SchoolModel;

/** A room to choose in a list: "1.12 — EG, Haupthaus (Gymnasium Nord)". */
record RoomChoice(RoomId id, String label) {
    static List<RoomChoice> of(SchoolModel m) {
        boolean sites = m.sites().size() > 1;
        return m.roomLocations().stream().map(l -> new RoomChoice(l.room().id(), label(l, sites))).toList();
    }

    private static String label(RoomLocation l, boolean sites) {
        return l.room().name() + " — " + l.floor().name() + ", " + l.building().name() + (sites ? " (" + l.site().name() + ")" : "");
    }

    @Override
    public String toString() {
        return label;
    }
}
