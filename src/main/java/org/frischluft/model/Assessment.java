package org.frischluft.model;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a room's light shows at one moment: the colour (after hysteresis and staleness), since when, an
 * optional coach line, secondary signs, the uplink interval learnt for its sensor, and the direction of a
 * colour change that is waiting for its hold time.
 *
 * @param advice           nullable: no coach line
 * @param expectedInterval the learnt uplink interval (null until learnt)
 * @param pending          nullable: no change pending; never set while the light is GREY
 */
public record Assessment(Light light, Instant since, Advice advice, Set<Sign> signs, Duration expectedInterval,
                         Trend pending) {
    public Assessment {
        Objects.requireNonNull(light, "light");
        Objects.requireNonNull(since, "since");
        signs = signs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(signs));
        if (light == Light.GREY && pending != null) {
            throw new IllegalArgumentException("a grey light has no pending change");
        }
    }

    /** An assessment without a pending change. */
    public Assessment(Light light, Instant since, Advice advice, Set<Sign> signs, Duration expectedInterval) {
        this(light, since, advice, signs, expectedInterval, null);
    }
}
