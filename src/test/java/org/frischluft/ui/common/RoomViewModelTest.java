package org.frischluft.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.frischluft.model.Advice;
import org.frischluft.model.Light;
import org.frischluft.model.RoomId;
import org.frischluft.model.Sign;
import org.frischluft.rooms.Room;
import org.frischluft.model.Trend;
import org.frischluft.ui.UiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoomViewModelTest {
    private static final String NNBSP = "\u202F";
    private final UiFixtures.MutableClock clock = UiFixtures.clock();
    private final Room room = UiFixtures.room("r-204", "Raum 204");

    private RoomViewModel vm(Locale locale) {
        return new RoomViewModel(room, Messages.forLocale(locale), clock);
    }

    @Test
    void roomWithoutAnySnapshotIsGreyWithNoReadingYet() {
        RoomViewModel vm = vm(Locale.GERMAN);
        assertThat(vm.getLight()).isEqualTo(Light.GREY);
        assertThat(vm.getHeadline()).isEqualTo("Keine aktuellen Daten");
        assertThat(vm.getAgeText()).isEqualTo("noch keine Messung");
        assertThat(vm.roomNameProperty().get()).isEqualTo("Raum 204");
    }

    @Test
    void redRoomSaysVentilateNowWithTheValueGroupedByANarrowSpace() {
        RoomViewModel vm = vm(Locale.GERMAN);
        vm.apply(UiFixtures.snapshot(room.id(), 2100, Light.RED, clock.instant()));
        assertThat(vm.getLight()).isEqualTo(Light.RED);
        assertThat(vm.getHeadline()).isEqualTo("Jetzt lüften!");
        assertThat(vm.getCo2Text()).isEqualTo("2" + NNBSP + "100 ppm");
        assertThat(vm.getAgeText()).isEqualTo("vor 1 min");
    }

    @ParameterizedTest
    @CsvSource({
        "GREEN, de, Gute Luft", "YELLOW, de, Bald lüften", "RED, de, Jetzt lüften!", "BLUE, de, Fenster schließen",
        "GREY, de, Keine aktuellen Daten",
        "GREEN, en, Good air", "YELLOW, en, Ventilate soon", "RED, en, Ventilate now!", "BLUE, en, Close the windows",
        "GREY, en, No current data"})
    void everyLightHasItsWordsInBothLanguages(Light light, String language, String words) {
        RoomViewModel vm = vm(Locale.forLanguageTag(language));
        vm.apply(UiFixtures.snapshot(room.id(), 900, light, clock.instant()));
        assertThat(vm.getHeadline()).isEqualTo(words);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "YELLOW_SOON | 7 | de | Gelb in etwa 7 Minuten",
        "YELLOW_SOON | 1 | de | Gelb in etwa einer Minute",
        "RED_SOON    | 12| de | Rot in etwa 12 Minuten",
        "CLOSE_IN    | 3 | de | Noch etwa 3 Minuten lüften, dann Fenster schließen",
        "CLOSE_IN    | 1 | de | Noch etwa eine Minute lüften, dann Fenster schließen",
        "CLOSE_NOW   | 0 | de | Fenster jetzt schließen",
        "OPEN_NOW    | 0 | de | Fenster jetzt öffnen",
        "YELLOW_SOON | 7 | en | Yellow in about 7 minutes",
        "CLOSE_IN    | 3 | en | About 3 more minutes of airing, then close the windows"})
    void coachLineSaysWhatToDoAndWhen(Advice.Kind kind, int minutes, String language, String line) {
        RoomViewModel vm = vm(Locale.forLanguageTag(language));
        vm.apply(UiFixtures.snapshot(room.id(), 950, Light.GREEN, new Advice(kind, minutes), Set.of(), clock.instant(), Duration.ofMinutes(1)));
        assertThat(vm.getCoachLine()).isEqualTo(line);
    }

    @Test
    void ageFollowsTheClockOnEveryTick() {
        RoomViewModel vm = vm(Locale.GERMAN);
        vm.apply(UiFixtures.snapshot(room.id(), 800, Light.GREEN, null, Set.of(), clock.instant(), Duration.ofSeconds(40)));
        assertThat(vm.getAgeText()).isEqualTo("vor 40 s");
        clock.advance(Duration.ofMinutes(2));
        vm.tick(clock.instant());
        assertThat(vm.getAgeText()).isEqualTo("vor 2 min");
        clock.advance(Duration.ofHours(3));
        vm.tick(clock.instant());
        assertThat(vm.getAgeText()).isEqualTo("vor 3 h");
    }

    @Test
    void greyRoomKeepsItsLastValueWithItsAgeAndGivesNoAdvice() {
        RoomViewModel vm = vm(Locale.GERMAN);
        vm.apply(UiFixtures.snapshot(room.id(), 1105, Light.GREY, new Advice(Advice.Kind.YELLOW_SOON, 5), Set.of(), clock.instant(), Duration.ofMinutes(23)));
        assertThat(vm.getHeadline()).isEqualTo("Keine aktuellen Daten");
        assertThat(vm.getCo2Text()).isEqualTo("1" + NNBSP + "105 ppm");
        assertThat(vm.getAgeText()).isEqualTo("letzter Wert vor 23 min");
        assertThat(vm.getCoachLine()).isEmpty();
    }

    @Test
    void secondarySignsAndClimateAreWordsAndBatteryIsSeparate() {
        RoomViewModel vm = vm(Locale.GERMAN);
        vm.apply(UiFixtures.snapshot(room.id(), 800, Light.GREEN, null, Set.of(Sign.TOO_DRY, Sign.TOO_COLD, Sign.LOW_BATTERY), clock.instant(), Duration.ofMinutes(1)));
        assertThat(vm.getSignsText()).isEqualTo("zu kalt · zu trocken");
        assertThat(vm.getClimateText()).isEqualTo("21,5 °C · 42 %");
        assertThat(vm.lowBatteryProperty().get()).isTrue();
        assertThat(vm.batteryTextProperty().get()).isEqualTo("Batterie 87 %");
    }

    @Test
    void snapshotOfAnotherRoomChangesNothing() {
        RoomViewModel vm = vm(Locale.GERMAN);
        vm.apply(UiFixtures.snapshot(RoomId.of("r-999"), 2500, Light.RED, clock.instant()));
        assertThat(vm.getLight()).isEqualTo(Light.GREY);
        assertThat(vm.getCo2Text()).isEqualTo("– ppm");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "21.5 | 42   |                  | de | 21,5 °C · 42 %",
        "21.2 | 28   | TOO_DRY          | de | 21,2 °C · trocken",
        "18.4 | 45   | TOO_COLD         | de | 18,4 °C kalt · 45 %",
        "18.4 | 25   | TOO_COLD,TOO_DRY | de | 18,4 °C kalt · trocken",
        "26.8 | 70   | TOO_WARM,TOO_HUMID | de | 26,8 °C warm · feucht",
        "21.2 | 28   | TOO_DRY          | en | 21.2 °C · dry",
        "null | 28   | TOO_DRY          | de | trocken",
        "null | null |                  | de | ''"})
    void tileClimateIsOneShortLineWithAWordOnlyWhereAValueIsOutOfRange(Double temperature, Double humidity, String signs,
                                                                        String language, String line) {
        Set<Sign> set = signs == null ? Set.of() : java.util.Arrays.stream(signs.split(",")).map(Sign::valueOf)
                .collect(java.util.stream.Collectors.toSet());
        assertThat(RoomViewModel.tileClimate(Messages.forLocale(Locale.forLanguageTag(language)), temperature, humidity, set))
                .isEqualTo(line);
    }

    @Test
    void tileClimateFollowsTheSnapshotWhileTheKioskKeepsTheFullWords() {
        RoomViewModel vm = vm(Locale.GERMAN);
        var s = UiFixtures.snapshot(room.id(), 800, Light.GREEN, null, Set.of(Sign.TOO_DRY), clock.instant(), Duration.ofMinutes(1));
        vm.apply(new org.frischluft.model.RoomSnapshot(s.room(), s.device(), s.co2(), 21.0, 27.0, null, s.lastReading(), s.assessment()));
        assertThat(vm.getTileClimateText()).isEqualTo("21,0 °C · trocken");
        assertThat(vm.getClimateText()).isEqualTo("21,0 °C · 27 %");
        assertThat(vm.getSignsText()).isEqualTo("zu trocken");
    }

    @ParameterizedTest(name = "{0} {1} in {2}: ''{3}''")
    @CsvSource(nullValues = "-", value = {
        "GREEN,  RISING,  de, steigt", "YELLOW, FALLING, de, sinkt", "RED, FALLING, de, sinkt", "BLUE, RISING, de, steigt",
        "GREEN,  RISING,  en, rising", "YELLOW, FALLING, en, falling",
        "GREEN,  -,       de, ''"})
    void aPendingChangeSaysItsDirectionBesideTheWords(Light light, Trend pending, String language, String words) {
        RoomViewModel vm = vm(Locale.forLanguageTag(language));
        vm.apply(UiFixtures.snapshot(room.id(), 1046, light, null, Set.of(), clock.instant(), Duration.ofMinutes(1), pending));
        assertThat(vm.getTrend()).isEqualTo(pending);
        assertThat(vm.getTrendText()).isEqualTo(words);
    }

    @Test
    void theDirectionGoesOnceTheColourHasFollowed() {
        RoomViewModel vm = vm(Locale.GERMAN);
        vm.apply(UiFixtures.snapshot(room.id(), 1046, Light.GREEN, null, Set.of(), clock.instant(), Duration.ofMinutes(1), Trend.RISING));
        assertThat(vm.getHeadline()).isEqualTo("Gute Luft");
        assertThat(vm.getTrendText()).isEqualTo("steigt");
        vm.apply(UiFixtures.snapshot(room.id(), 1052, Light.YELLOW, clock.instant()));
        assertThat(vm.getHeadline()).isEqualTo("Bald lüften");
        assertThat(vm.getTrend()).isNull();
        assertThat(vm.getTrendText()).isEmpty();
    }
}
