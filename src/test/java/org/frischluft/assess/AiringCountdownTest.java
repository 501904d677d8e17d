package org.frischluft.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.frischluft.model.Advice;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;
import org.frischluft.rooms.Profiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "About N more minutes, then close the windows" counts down during one airing instead of jumping. */
class AiringCountdownTest {
    static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");
    private final AiringCoach coach = new AiringCoach(Profiles.UBA, AssessorOptions.defaults());

    private static Instant at(double minutes) {
        return T0.plusMillis((long) (minutes * 60_000));
    }

    @Test
    void aRefitThatSeesTheDecaySlowingCannotRaiseTheMinutesOfTheSameAiring() {
        assertThat(coach.countdown(at(0), 13)).isEqualTo(13);
        assertThat(coach.countdown(at(1), 16)).as("16 after 13 a minute ago").isEqualTo(13);
        assertThat(coach.countdown(at(2), 46)).isEqualTo(13);
        assertThat(coach.countdown(at(3), 11)).isEqualTo(11);
    }

    @Test
    void aFasterDecayBringsItDownByAtMostAThirdAMinute() {
        assertThat(coach.countdown(at(0), 12)).isEqualTo(12);
        // a minute later 11 are expected: at most a third of that lower
        assertThat(coach.countdown(at(1), 2)).isCloseTo(11 - 11 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void neverMoreThanTheLongestAiringAndANewAiringStartsAfresh() {
        assertThat(coach.countdown(at(0), 46)).isEqualTo(AiringCoach.MAX_AIRING.toMinutes());
        double later = AiringCoach.SAME_AIRING.toMinutes() + 1;
        assertThat(coach.countdown(at(later), 7)).isEqualTo(7);
        assertThat(coach.countdown(at(later + AiringCoach.SAME_AIRING.toMinutes() + 1), 9)).as("another airing").isEqualTo(9);
    }

    /**
     * A room of 25 pupils aired while the wind drops: the air change falls by {@code slope} per hour each minute,
     * so each refit sees a higher steady state and, without the countdown, a longer airing (9 → 11 and 21 minutes
     * with these rooms before the countdown).
     */
    @ParameterizedTest(name = "air change {0}/h falling {1}/h a minute, seed {2}")
    @CsvSource({"6, 0.2, 7", "3.5, 0.05, 7", "6, 0.2, 11", "4, 0.1, 3", "5, 0.15, 5"})
    void inAnAiringWhoseWindDropsTheShownMinutesOnlyCountDown(double start, double slope, long seed) {
        RoomAssessor assessor = new RoomAssessor(Profiles.UBA);
        Random random = new Random(seed);
        double volume = 200;
        double source = 25 * 0.018 / volume * 1e6; // ppm per hour
        double c = 600;
        List<Integer> shown = new ArrayList<>();
        List<String> trace = new ArrayList<>();
        for (int m = 0; m < 70; m++) {
            double lambda = m < 40 ? 0.5 : Math.max(1.0, start - (m - 40) * slope);
            for (int s = 0; s < 60; s++) c += (source - lambda * (c - 420)) / 3600.0;
            double measured = c + (random.nextDouble() - 0.5) * 20;
            Instant t = T0.plus(Duration.ofMinutes(m));
            assessor.add(Reading.of(DeviceId.of("a81758fffe0a0b0c"), t, measured, 21.0, null));
            Advice a = assessor.assess(t).advice();
            if (m >= 40 && a != null && a.kind() == Advice.Kind.CLOSE_IN) {
                shown.add(a.minutes());
                trace.add(m + ":" + a.minutes());
            }
        }
        assertThat(shown).as("the coach spoke during the airing").isNotEmpty();
        assertThat(shown).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(20));
        for (int i = 1; i < shown.size(); i++) {
            assertThat(shown.get(i)).as("minutes shown, minute:value %s", trace).isLessThanOrEqualTo(shown.get(i - 1));
        }
    }
}
