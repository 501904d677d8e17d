package org.frischluft.ui.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.frischluft.model.Advice;
import org.frischluft.model.Light;
import org.frischluft.model.LinkStatus;
import org.frischluft.model.Sign;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.model.Trend;
import org.frischluft.ui.UiFixtures;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModel;
import org.frischluft.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The kiosk on a real (headless) stage: words, lamp, value, age, coach line, status line, brightness. */
@ExtendWith(ApplicationExtension.class)
class KioskViewTest {
    private static final PseudoClass LIT = PseudoClass.getPseudoClass("lit");
    private final UiFixtures.MutableClock clock = UiFixtures.clock();
    private final Room room = UiFixtures.room("r-204", "Raum 204");
    private Stage stage;
    private RoomViewModel roomVm;
    private AppStatusViewModel status;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        show(Locale.GERMAN, DisplayPolicy.always());
        stage.show();
    }

    private void show(Locale locale, DisplayPolicy policy) {
        show(locale, policy, false);
    }

    private void show(Locale locale, DisplayPolicy policy, boolean demo) {
        Messages messages = Messages.forLocale(locale);
        roomVm = new RoomViewModel(room, messages, clock);
        status = new AppStatusViewModel(messages, clock);
        Scene scene = new Scene(new KioskView(new KioskViewModel(roomVm, status, policy, SchoolCalendar.germanDefault(), clock, demo)), 1280, 800);
        Theme.apply(scene);
        stage.setScene(scene);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static boolean lit(FxRobot robot, String id) {
        return robot.lookup(id).query().getPseudoClassStates().contains(LIT);
    }

    @Test
    void redRoomShowsVentilateNowInWordsAndLightsTheTopLamp(FxRobot robot) {
        robot.interact(() -> roomVm.apply(UiFixtures.snapshot(room.id(), 2100, Light.RED, clock.instant())));
        assertThat(text(robot, "#headline")).isEqualTo("Jetzt lüften!");
        assertThat(text(robot, "#co2")).isEqualTo("2\u202F100 ppm");
        assertThat(text(robot, "#age")).isEqualTo("vor 1 min");
        assertThat(text(robot, "#room-name")).isEqualTo("Raum 204");
        assertThat(text(robot, "#clock")).isEqualTo("10:42");
        assertThat(lit(robot, "#lamp-red")).isTrue();
        assertThat(lit(robot, "#lamp-yellow")).isFalse();
        assertThat(lit(robot, "#lamp-green")).isFalse();
        Node icon = robot.lookup("#lamp-red .state-icon").query();
        assertThat(icon.getPseudoClassStates()).contains(Theme.ALARM);
        assertThat(icon.isVisible()).isTrue();
    }

    @Test
    void simulatedRoomSaysDemoBesideTheClockAndARealRoomDoesNot(FxRobot robot) {
        assertThat(robot.lookup("#demo-badge").tryQuery()).isEmpty();
        robot.interact(() -> show(Locale.ENGLISH, DisplayPolicy.always(), true));
        assertThat(text(robot, "#demo-badge")).isEqualTo("Demo — simulated school");
        assertThat(robot.lookup("#demo-badge").query().isVisible()).isTrue();
        assertThat(text(robot, "#clock")).isEqualTo("10:42");
    }

    @Test
    void redRoomSpeaksEnglishWhenTheKioskIsEnglish(FxRobot robot) {
        robot.interact(() -> {
            show(Locale.ENGLISH, DisplayPolicy.always());
            roomVm.apply(UiFixtures.snapshot(room.id(), 2100, Light.RED, clock.instant()));
        });
        assertThat(text(robot, "#headline")).isEqualTo("Ventilate now!");
        assertThat(text(robot, "#age")).isEqualTo("1 min ago");
        assertThat(lit(robot, "#lamp-red")).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({
        "GREEN,  742,  Gute Luft,             lamp-green,  ok",
        "YELLOW, 1234, Bald lüften,           lamp-yellow, warn",
        "RED,    2100, Jetzt lüften!,         lamp-red,    alarm",
        "BLUE,   520,  Fenster schließen,     lamp-green,  blue",
        "GREY,   1105, Keine aktuellen Daten, lamp-yellow, stale"})
    void everyStateShowsItsWordsItsLampAndItsIcon(Light light, double co2, String words, String lamp, String pseudo, FxRobot robot) {
        robot.interact(() -> roomVm.apply(UiFixtures.snapshot(room.id(), co2, light, clock.instant())));
        assertThat(text(robot, "#headline")).isEqualTo(words);
        for (String each : new String[] {"lamp-red", "lamp-yellow", "lamp-green"}) {
            assertThat(lit(robot, "#" + each)).as(each).isEqualTo(each.equals(lamp));
        }
        assertThat(robot.lookup("#" + lamp + " .state-icon").query().getPseudoClassStates())
                .contains(PseudoClass.getPseudoClass(pseudo));
        assertThat(robot.lookup("#headline").query().getPseudoClassStates()).contains(PseudoClass.getPseudoClass(pseudo));
    }

    @Test
    void staleRoomShowsItsLastValueGreyWithItsAge(FxRobot robot) {
        robot.interact(() -> roomVm.apply(UiFixtures.snapshot(room.id(), 1105, Light.GREY, null, Set.of(), clock.instant(), Duration.ofMinutes(23))));
        assertThat(text(robot, "#headline")).isEqualTo("Keine aktuellen Daten");
        assertThat(text(robot, "#age")).isEqualTo("letzter Wert vor 23 min");
        assertThat(robot.lookup("#co2").query().getPseudoClassStates()).contains(Theme.STALE);
        assertThat(robot.lookup("#coach").query().isVisible()).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "GREEN  | YELLOW_SOON | 7 | Gelb in etwa 7 Minuten",
        "YELLOW | RED_SOON    | 12| Rot in etwa 12 Minuten",
        "YELLOW | CLOSE_IN    | 3 | Noch etwa 3 Minuten lüften, dann Fenster schließen",
        "BLUE   | CLOSE_NOW   | 0 | Fenster jetzt schließen"})
    void coachLineIsShownWithTheLight(Light light, Advice.Kind kind, int minutes, String line, FxRobot robot) {
        robot.interact(() -> roomVm.apply(UiFixtures.snapshot(room.id(), 1100, light, new Advice(kind, minutes), Set.of(Sign.TOO_COLD), clock.instant(), Duration.ofMinutes(1))));
        assertThat(text(robot, "#coach")).isEqualTo(line);
        assertThat(robot.lookup("#coach").query().isVisible()).isTrue();
        assertThat(text(robot, "#signs")).isEqualTo("zu kalt");
        assertThat(text(robot, "#climate")).isEqualTo("21,5 °C · 42 %");
    }

    @Test
    void lostBrokerIsShownWithTheAgeOfTheLastUpdate(FxRobot robot) {
        assertThat(robot.lookup("#status").query().isVisible()).isFalse();
        robot.interact(() -> {
            status.applyLink(new LinkStatus("tcp://b", LinkStatus.State.RECONNECTING, clock.instant(), ""));
            clock.advance(Duration.ofMinutes(12));
            status.tick(clock.instant());
        });
        assertThat(robot.lookup("#status").query().isVisible()).isTrue();
        assertThat(text(robot, "#status")).isEqualTo("Keine Verbindung zum Server — letzter Stand vor 12 min");
        assertThat(text(robot, "#clock")).isEqualTo("10:54");
        robot.interact(() -> status.applyLink(new LinkStatus("tcp://b", LinkStatus.State.CONNECTED, clock.instant(), "")));
        assertThat(robot.lookup("#status").query().isVisible()).isFalse();
    }

    @Test
    void quietKioskDimsWhileTheAirIsGood(FxRobot robot) {
        robot.interact(() -> {
            show(Locale.GERMAN, DisplayPolicy.quiet());
            roomVm.apply(UiFixtures.snapshot(room.id(), 700, Light.GREEN, clock.instant()));
        });
        Node kiosk = robot.lookup("#kiosk").query();
        // the dimmer's opacity comes from CSS: apply it now rather than racing the next pulse on a busy machine
        robot.interact(kiosk::applyCss);
        assertThat(kiosk.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("dim"));
        assertThat(robot.lookup("#dimmer").query().getOpacity()).isGreaterThan(0.3);
        robot.interact(() -> {
            roomVm.apply(UiFixtures.snapshot(room.id(), 2100, Light.RED, clock.instant()));
            kiosk.applyCss();
        });
        assertThat(kiosk.getPseudoClassStates()).doesNotContain(PseudoClass.getPseudoClass("dim"));
        assertThat(robot.lookup("#dimmer").query().getOpacity()).isZero();
    }

    @Test
    void rootFontFollowsTheWindowSoEverythingScalesTogether(FxRobot robot) {
        // Monocle's headless screen is 1280x800, so scale down from there: 20 px root font at 1920x1080
        robot.interact(() -> roomVm.apply(UiFixtures.snapshot(room.id(), 2100, Light.RED, clock.instant())));
        double at1280 = robot.lookup("#co2").queryAs(Label.class).getFont().getSize();
        robot.interact(() -> {
            stage.setWidth(960);
            stage.setHeight(600);
        });
        robot.interact(() -> stage.getScene().getRoot().applyCss());
        double at960 = robot.lookup("#co2").queryAs(Label.class).getFont().getSize();
        assertThat(at1280).isCloseTo(11 * 20 * 1280 / 1920.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(at960).isCloseTo(11 * 20 * 960 / 1920.0, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void aPendingChangeShowsItsDirectionBesideTheWordsAndGoesWhenTheColourFollows(FxRobot robot) {
        assertThat(robot.lookup("#trend").query().isVisible()).isFalse();
        robot.interact(() -> roomVm.apply(UiFixtures.snapshot(room.id(), 1046, Light.GREEN, null, Set.of(), clock.instant(),
                Duration.ofSeconds(40), Trend.RISING)));
        Node trend = robot.lookup("#trend").query();
        assertThat(trend.isVisible()).isTrue();
        assertThat(text(robot, "#trend")).isEqualTo("steigt");
        assertThat(trend.getPseudoClassStates()).contains(Theme.RISING);
        assertThat(robot.lookup("#trend .trend-icon").query().getPseudoClassStates()).contains(Theme.RISING);
        assertThat(text(robot, "#headline")).isEqualTo("Gute Luft");
        // beside the words, and inside the window
        robot.interact(() -> stage.getScene().getRoot().layout());
        javafx.geometry.Bounds words = robot.lookup("#headline").query().localToScene(robot.lookup("#headline").query().getLayoutBounds());
        javafx.geometry.Bounds arrow = trend.localToScene(trend.getLayoutBounds());
        assertThat(arrow.getMinX()).isGreaterThan(words.getMaxX());
        assertThat(arrow.getMaxX()).isLessThanOrEqualTo(stage.getScene().getWidth());
        robot.interact(() -> roomVm.apply(UiFixtures.snapshot(room.id(), 1052, Light.YELLOW, clock.instant())));
        assertThat(robot.lookup("#trend").query().isVisible()).isFalse();
    }

    @Test
    void aDirectionBesideLongWordsMovesUnderThemRatherThanOffTheScreen(FxRobot robot) {
        robot.interact(() -> {
            show(Locale.ENGLISH, DisplayPolicy.always());
            roomVm.apply(UiFixtures.snapshot(room.id(), 612, Light.BLUE, null, Set.of(), clock.instant(), Duration.ofSeconds(40),
                    Trend.RISING));
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
        Node trend = robot.lookup("#trend").query();
        Node words = robot.lookup("#headline").query();
        assertThat(text(robot, "#trend")).isEqualTo("rising");
        javafx.geometry.Bounds t = trend.localToScene(trend.getLayoutBounds());
        javafx.geometry.Bounds w = words.localToScene(words.getLayoutBounds());
        assertThat(t.getMaxX()).isLessThanOrEqualTo(stage.getScene().getWidth());
        assertThat(t.getMinY()).isGreaterThanOrEqualTo(w.getMaxY() - 1);
    }
}
