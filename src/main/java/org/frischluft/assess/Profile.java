package org.frischluft.assess;

import java.util.Objects;

/**
 * A threshold profile: CO2 from which the light turns yellow and red, and an optional blue band below which
 * the class may close the windows.
 *
 * @param blueBelow ppm below which the light is blue ("you may close the windows"), or null for no blue band
 */
public record Profile(String id, double yellowFrom, double redFrom, Double blueBelow) {
    public Profile {
        Objects.requireNonNull(id, "id");
        if (!(yellowFrom > 0 && redFrom > yellowFrom)) {
            throw new IllegalArgumentException("profile " + id + ": need 0 < yellow < red");
        }
        if (blueBelow != null && !(blueBelow > 0 && blueBelow < yellowFrom)) {
            throw new IllegalArgumentException("profile " + id + ": blue band must lie below yellow");
        }
    }

    /** Default: UBA guide values / ASR A3.6, 1000 and 2000 ppm. */
    public static final Profile UBA = new Profile("uba", 1000, 2000, null);
}
