package org.frischluft.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
        assertThat(p.holdUp()).isEqualTo(Profile.DEFAULT_HOLD);
        assertThat(p.holdDown()).isEqualTo(Profile.DEFAULT_HOLD);
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

    @Test
    void builtInsHaveReadableNamesAndAProfileWithoutOneIsNamedByItsId() {
        assertThat(Profiles.builtIn()).extracting(Profile::name)
                .containsExactly("UBA / ASR A3.6", "Komfort (DIN EN 13779)", "Infektionsschutz (DGUV/IFA)");
        assertThat(Profiles.byId("uba+blue").name()).isEqualTo("UBA / ASR A3.6");
        Profile own = new Profile("schule-x", 900, 1500, null);
        assertThat(own.name()).isEqualTo("schule-x");
        assertThat(own.withBlue(550).name()).isEqualTo("schule-x+blue550");
        assertThat(new Profile("y", " ", 900, 1500, null, 0.05, Duration.ZERO, Duration.ofMinutes(4), 0.3).name())
                .isEqualTo("y");
    }

    @Test
    void holdTimesAreTwoMinutesBothWaysByDefaultAndEachCanBeSet() {
        Profile p = Profiles.KOMFORT.withDamping(0.05, Duration.ofMinutes(1), Duration.ofMinutes(5), 0.3);
        assertThat(p.holdUp()).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.holdDown()).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.id()).isEqualTo("komfort");
        assertThat(p.withBlue(550).holdDown()).isEqualTo(Duration.ofMinutes(5));
        assertThat(Profile.DEFAULT_HOLD).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> Profiles.UBA.withDamping(0.075, Duration.ofMinutes(-1), Duration.ZERO, 0.2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hold");
        assertThatThrownBy(() -> Profiles.UBA.withDamping(0.075, Duration.ZERO, null, 0.2))
                .isInstanceOf(NullPointerException.class);
    }
}
