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
        Duration hold = holdUp != null ? holdUp : holdDown != null ? holdDown : Profile.DEFAULT_MIN_DURATION;
        return new Profile(id, yellow, red, blue, hysteresis, hold, jump);
    }

    static double holdUpMinutes(Profile p) {
        return p.minDuration().toMillis() / 60_000.0;
    }

    static double holdDownMinutes(Profile p) {
        return p.minDuration().toMillis() / 60_000.0;
    }

    static String name(Profile p) {
        return null;
    }
}
