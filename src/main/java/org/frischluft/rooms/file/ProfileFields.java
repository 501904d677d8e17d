package org.frischluft.rooms.file;

import java.time.Duration;
import org.frischluft.rooms.Profile;

/** The one place that knows how the file's profile fields map onto {@link Profile}'s components. */
final class ProfileFields {
    private ProfileFields() {
    }

    /** @param holdUp null for the default; likewise {@code holdDown} */
    static Profile build(String id, String name, double yellow, double red, Double blue, double hysteresis,
                         Duration holdUp, Duration holdDown, double jump) {
        return new Profile(id, name, yellow, red, blue, hysteresis, holdUp != null ? holdUp : Profile.DEFAULT_HOLD,
                holdDown != null ? holdDown : Profile.DEFAULT_HOLD, jump);
    }

    static double holdUpMinutes(Profile p) {
        return p.holdUp().toMillis() / 60_000.0;
    }

    static double holdDownMinutes(Profile p) {
        return p.holdDown().toMillis() / 60_000.0;
    }

    /** The name as the file wrote it; null when it is only the id. */
    static String name(Profile p) {
        return p.name().equals(p.id()) ? null : p.name();
    }
}
