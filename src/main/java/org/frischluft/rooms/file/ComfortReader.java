package org.frischluft.rooms.file;

import java.util.Set;
import org.frischluft.rooms.ComfortLimits;

/**
 * Reads {@code comfort}: {@code {"tooColdBelow": 20, "tooWarmAbove": 26, "tooDryBelow": 30, "tooHumidAbove": 65,
 * "lowBatteryPct": 20}}; a missing limit keeps {@code base}'s.
 */
final class ComfortReader {
    static final Set<String> KEYS = Set.of("tooColdBelow", "tooWarmAbove", "tooDryBelow", "tooHumidAbove", "lowBatteryPct");

    private ComfortReader() {
    }

    static ComfortLimits read(Node c, ComfortLimits base) {
        if (!c.object("comfort")) return base;
        c.only(KEYS);
        double cold = c.number("tooColdBelow", -20, 40, false).orElse(base.tooColdBelow());
        double warm = c.number("tooWarmAbove", -20, 50, false).orElse(base.tooWarmAbove());
        double dry = c.number("tooDryBelow", 0, 100, false).orElse(base.tooDryBelow());
        double humid = c.number("tooHumidAbove", 0, 100, false).orElse(base.tooHumidAbove());
        double battery = c.number("lowBatteryPct", 0, 100, false).orElse(base.lowBatteryPct());
        if (!(cold < warm)) {
            c.problems.error(c.path, "comfort.temperature", Node.fmt(cold), Node.fmt(warm));
            return base;
        }
        if (!(dry < humid)) {
            c.problems.error(c.path, "comfort.humidity", Node.fmt(dry), Node.fmt(humid));
            return base;
        }
        return new ComfortLimits(cold, warm, dry, humid, battery);
    }
}
