package org.frischluft.model;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a room's light shows at one moment: the colour (after hysteresis and staleness), since when, an
 * optional coach line, secondary signs, and the uplink interval learnt for its sensor.
 *
 * @param advice          nullable: no coach line
 * @param expectedInterval the learnt uplink interval (null until learnt)
 */
public record Assessment(Light light, Instant since, Advice advice, Set<Sign> signs, Duration expectedInterval) {
    public Assessment {
        Objects.requireNonNull(light, "light");
        Objects.requireNonNull(since, "since");
        signs = signs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(signs));
    }

    public static Assessment noData(Instant since) {
        return new Assessment(Light.GREY, since, null, Set.of(), null);
    }
}
