package org.frischluft.ui.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.ui.common.Messages;

/**
 * The room form's rules, as the school file has them: a name, a volume of 0 to 100 000 m³ (comma or point), 0 to
 * 10 000 seats, a display policy Frischluft knows. Every problem at once, in words, keyed by field. Pure.
 */
final class RoomForm {
    static final String NAME = "name";
    static final String VOLUME = "volume";
    static final String SEATS = "seats";
    static final String DISPLAY = "display";

    private RoomForm() {
    }

    /** The problems of the entered texts, by field (empty: it can be saved). */
    static Map<String, String> problems(Messages m, boolean room, String name, String volume, String seats, String display) {
        Map<String, String> out = new LinkedHashMap<>();
        if (name == null || name.isBlank()) out.put(NAME, m.get("admin.problem.name"));
        if (!room) return out;
        if (volume(volume) == null) out.put(VOLUME, m.get("admin.problem.volume"));
        if (seats(seats) == null) out.put(SEATS, m.get("admin.problem.seats"));
        if (display != null && !display.isBlank()) {
            try {
                DisplayPolicy.parse(display);
            } catch (IllegalArgumentException e) {
                out.put(DISPLAY, m.get("admin.problem.display"));
            }
        }
        return out;
    }

    /** The volume in m³, or null if it is none (empty counts as 0: unknown). */
    static Double volume(String text) {
        if (text == null || text.isBlank()) return 0.0;
        try {
            double v = Double.parseDouble(text.strip().replace(',', '.'));
            return v >= 0 && v <= 100_000 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Integer seats(String text) {
        if (text == null || text.isBlank()) return 0;
        try {
            int v = Integer.parseInt(text.strip());
            return v >= 0 && v <= 10_000 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
