package org.frischluft.ui.common;

import java.time.Duration;
import java.time.Instant;

/** "vor 2 min" / "2 min ago": how old something is, in the coarsest unit that is still honest. */
public final class Ages {
    private Ages() {
    }

    public static String format(Messages messages, Instant then, Instant now) {
        if (then == null) {
            return messages.get("age.none");
        }
        long seconds = Math.max(0, Duration.between(then, now).getSeconds());
        if (seconds < 60) {
            return messages.get("age.seconds", seconds);
        }
        long minutes = seconds / 60;
        if (minutes < 120) {
            return messages.get("age.minutes", minutes);
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return messages.get("age.hours", hours);
        }
        return messages.get("age.days", hours / 24);
    }
}
