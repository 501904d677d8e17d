package org.frischluft.assess;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.frischluft.model.Assessment;
import org.frischluft.model.Light;
import org.frischluft.model.Reading;

/**
 * The light of one room from its readings: green below the profile's yellow threshold, yellow up to red,
 * red above, grey when no reading came for 15 minutes. Not thread-safe: one instance per room, owned by
 * the ingest worker.
 */
public final class RoomAssessor {
    static final Duration STALE_AFTER = Duration.ofMinutes(15);

    private final Profile profile;
    private Reading latestCo2;
    private Light light = Light.GREY;
    private Instant since;

    public RoomAssessor(Profile profile) {
        this.profile = profile;
    }

    public void add(Reading reading) {
        if (reading.co2() == null) return;
        if (latestCo2 == null || !reading.time().isBefore(latestCo2.time())) {
            latestCo2 = reading;
        }
    }

    public Assessment assess(Instant now) {
        Light next = colour(now);
        if (next != light || since == null) {
            light = next;
            since = now;
        }
        return new Assessment(light, since, null, Set.of(), null);
    }

    private Light colour(Instant now) {
        if (latestCo2 == null || Duration.between(latestCo2.time(), now).compareTo(STALE_AFTER) > 0) {
            return Light.GREY;
        }
        double co2 = latestCo2.co2();
        if (co2 > profile.redFrom()) return Light.RED;
        if (co2 >= profile.yellowFrom()) return Light.YELLOW;
        return Light.GREEN;
    }
}
