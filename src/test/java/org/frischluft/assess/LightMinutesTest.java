package org.frischluft.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.model.Light;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.Profiles;
import org.junit.jupiter.api.Test;

class LightMinutesTest {
    private static final Instant T0 = Instant.parse("2025-11-25T07:00:00Z");

    /** A reading a minute: {@code ppm[i]} for {@code minutes[i]} minutes each, in turn. */
    private static List<LightMinutes.Sample> series(double[] ppm, int[] minutes) {
        List<LightMinutes.Sample> out = new ArrayList<>();
        Instant t = T0;
        for (int i = 0; i < ppm.length; i++) {
            for (int m = 0; m < minutes[i]; m++) {
                out.add(new LightMinutes.Sample(t, ppm[i]));
                t = t.plus(Duration.ofMinutes(1));
            }
        }
        return out;
    }

    @Test
    void anHourAt1500PpmIsYellowUnderUbaAndGreenUnderAProfileFrom1600() {
        List<LightMinutes.Sample> s = series(new double[] {700, 1500, 700}, new int[] {30, 60, 30});
        LightMinutes.Result uba = LightMinutes.of(s, Profiles.UBA);
        // held 2 minutes before turning yellow, 2 minutes before turning back
        assertThat(uba.minutes(Light.YELLOW)).isBetween(57L, 61L);
        assertThat(uba.minutes(Light.RED)).isZero();
        Profile lenient = new Profile("mild", 1600, 2500, null);
        LightMinutes.Result mild = LightMinutes.of(s, lenient);
        assertThat(mild.minutes(Light.YELLOW)).isZero();
        assertThat(mild.minutes(Light.GREEN)).isGreaterThan(100L);
    }

    @Test
    void aStricterProfileMakesTheSameDayRedLonger() {
        List<LightMinutes.Sample> s = series(new double[] {800, 1200, 1700, 900}, new int[] {20, 40, 40, 20});
        assertThat(LightMinutes.of(s, Profiles.UBA).minutes(Light.RED)).isZero();
        assertThat(LightMinutes.of(s, Profiles.INFEKTIONSSCHUTZ).minutes(Light.RED)).isGreaterThan(70L);
    }

    @Test
    void aGapInTheDataShowsGreyAsTheKioskWould() {
        List<LightMinutes.Sample> s = new ArrayList<>(series(new double[] {800}, new int[] {30}));
        Instant later = T0.plus(Duration.ofHours(3));
        for (int m = 0; m < 30; m++) s.add(new LightMinutes.Sample(later.plus(Duration.ofMinutes(m)), 800));
        LightMinutes.Result r = LightMinutes.of(s, Profiles.UBA);
        assertThat(r.minutes(Light.GREY)).isGreaterThan(120L);
        assertThat(r.segments()).extracting(LightMinutes.Segment::light).contains(Light.GREY);
    }
}
