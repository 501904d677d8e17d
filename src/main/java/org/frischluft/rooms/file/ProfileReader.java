package org.frischluft.rooms.file;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.Profiles;

/**
 * Reads the profiles a school file defines:
 * {@code {"id": "streng", "name": "Streng (Grundschule)", "yellowFrom": 900, "redFrom": 1500, "blueBelow": 600,
 * "hysteresis": 0.075, "holdUpMinutes": 2, "holdDownMinutes": 2, "jump": 0.2}}; only id and the two thresholds
 * are required.
 */
final class ProfileReader {
    static final Set<String> KEYS = Set.of("id", "name", "yellowFrom", "redFrom", "blueBelow", "hysteresis",
            "holdUpMinutes", "holdDownMinutes", "jump");

    private ProfileReader() {
    }

    static List<Profile> read(Node root) {
        List<Profile> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node p : root.list("profiles", false)) {
            if (!p.object("profile")) continue;
            p.only(KEYS);
            Optional<String> id = p.text("id", true);
            id.ifPresent(i -> {
                if (!i.matches("[A-Za-z0-9_-]+")) p.problems.error(p.at("id"), "profile-id.invalid", i);
                else if (builtIn(i)) p.problems.error(p.at("id"), "profile-id.built-in", i);
                else if (!ids.add(i.toLowerCase(Locale.ROOT))) p.problems.error(p.at("id"), "id.twice", "profile", i);
            });
            p.text("name", false);
            OptionalDouble yellow = p.number("yellowFrom", 400, 10_000, true);
            OptionalDouble red = p.number("redFrom", 400, 40_000, true);
            OptionalDouble blue = p.number("blueBelow", 300, 10_000, false);
            double hysteresis = p.number("hysteresis", 0, 0.49, false).orElse(Profile.DEFAULT_HYSTERESIS);
            OptionalDouble up = p.number("holdUpMinutes", 0, 60, false);
            OptionalDouble down = p.number("holdDownMinutes", 0, 60, false);
            double jump = p.number("jump", 0.01, 10, false).orElse(Profile.DEFAULT_JUMP);
            if (yellow.isEmpty() || red.isEmpty()) continue;
            if (!(red.getAsDouble() > yellow.getAsDouble())) {
                p.problems.error(p.at("redFrom"), "profile.order", Node.fmt(yellow.getAsDouble()), Node.fmt(red.getAsDouble()));
                continue;
            }
            if (blue.isPresent() && !(blue.getAsDouble() < yellow.getAsDouble() * (1 - hysteresis))) {
                p.problems.error(p.at("blueBelow"), "profile.blue", Node.fmt(blue.getAsDouble()),
                        Node.fmt(yellow.getAsDouble() * (1 - hysteresis)));
                continue;
            }
            if (id.isEmpty()) continue;
            out.add(ProfileFields.build(id.get(), p.text("name", false).orElse(null), yellow.getAsDouble(),
                    red.getAsDouble(), blue.isPresent() ? blue.getAsDouble() : null, hysteresis,
                    minutes(up), minutes(down), jump));
        }
        return out;
    }

    private static Duration minutes(OptionalDouble m) {
        return m.isPresent() ? Duration.ofMillis(Math.round(m.getAsDouble() * 60_000)) : null;
    }

    private static boolean builtIn(String id) {
        try {
            Profiles.byId(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
