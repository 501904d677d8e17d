package org.frischluft.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Light;
import org.frischluft.model.Reading;
import org.frischluft.rooms.Profiles;
import org.junit.jupiter.api.Test;

/** A room's series stay bounded however often its sensor sends (a kiosk's memory over a day, docs/benchmarks.md). */
class RoomAssessorBoundsTest {
    static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");
    static final DeviceId DEV = DeviceId.of("a81758fffe0a0b0c");

    @Test
    void aSensorSendingTenTimesASecondKeepsAtMostTheCapPerSeries() {
        RoomAssessor a = new RoomAssessor(Profiles.UBA);
        // 20,000 readings in 2,000 s: all inside the 40-minute window, so only the count bound holds them
        for (int i = 0; i < 20_000; i++) a.add(Reading.of(DEV, T0.plusMillis(100L * i), 700.0 + i % 7, 21.0, 40.0));
        assertThat(a.keptPoints()).isEqualTo(2 * RoomAssessor.KEEP_MAX);
        Instant last = T0.plusMillis(100L * 19_999);
        assertThat(a.assess(last).light()).isEqualTo(Light.GREEN); // the newest points still make the light
    }

    @Test
    void aSensorAtTheUsualMinuteKeepsItsFortyMinutesWhole() {
        RoomAssessor a = new RoomAssessor(Profiles.UBA);
        for (int i = 0; i < 600; i++) a.add(Reading.of(DEV, T0.plusSeconds(60L * i), 700.0, 21.0, 40.0));
        assertThat(a.keptPoints()).isEqualTo(2 * 41); // 40 minutes back from the newest, both ends included
    }
}
