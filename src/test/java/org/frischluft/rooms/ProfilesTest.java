package org.frischluft.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfilesTest {
    @ParameterizedTest(name = "[{index}] ''{0}'' is {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "uba | uba | 1000 | 2000 | -", "UBA | uba | 1000 | 2000 | -", "' ' | uba | 1000 | 2000 | -",
            "komfort | komfort | 1000 | 1400 | -", "infektionsschutz | infektionsschutz | 800 | 1000 | -",
            "uba+blue | uba+blue600 | 1000 | 2000 | 600", "komfort+blue550 | komfort+blue550 | 1000 | 1400 | 550",
            "Infektionsschutz+Blue | infektionsschutz+blue600 | 800 | 1000 | 600"})
    void byIdFindsBuiltInProfilesWithOptionalBlueBand(String id, String expectedId, double yellow, double red,
                                                      Double blue) {
        Profile p = Profiles.byId(id);
        assertThat(p.id()).isEqualTo(expectedId);
        assertThat(p.yellowFrom()).isEqualTo(yellow);
        assertThat(p.redFrom()).isEqualTo(red);
        assertThat(p.blueBelow()).isEqualTo(blue);
        assertThat(p.minDuration()).isEqualTo(Profile.DEFAULT_MIN_DURATION);
    }

    @Test
    void nullMeansDefaultAndBuiltInListsTheThree() {
        assertThat(Profiles.byId(null)).isEqualTo(Profiles.UBA);
        assertThat(Profiles.builtIn()).extracting(Profile::id).containsExactly("uba", "komfort", "infektionsschutz");
        assertThat(Profiles.KOMFORT.withBlue(600).withBlue(550).id()).isEqualTo("komfort+blue550");
    }

    @Test
    void unknownIdsAndImpossibleBandsAreRejectedWithAReason() {
        assertThatThrownBy(() -> Profiles.byId("strict")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("known: uba, komfort, infektionsschutz");
        assertThatThrownBy(() -> Profiles.byId("infektionsschutz+blue790")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blue band");
        assertThatThrownBy(() -> new Profile("x", 1000, 900, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
