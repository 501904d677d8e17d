package org.frischluft.ui.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.ui.UiFixtures;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.Pin;
import org.frischluft.ui.common.RoomViewModel;
import org.frischluft.ui.common.Theme;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class KioskStageTest {
    private static String hash;
    private final AtomicInteger exits = new AtomicInteger();
    private Stage stage;

    @BeforeAll
    static void hashPin() {
        hash = Pin.hash("4711".toCharArray());
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        UiFixtures.MutableClock clock = UiFixtures.clock();
        Messages messages = Messages.forLocale(Locale.GERMAN);
        RoomViewModel room = new RoomViewModel(UiFixtures.room("r-1", "Raum 1"), messages, clock);
        KioskView view = new KioskView(new KioskViewModel(room, new AppStatusViewModel(messages, clock), DisplayPolicy.always(), SchoolCalendar.germanDefault(), clock));
        Scene scene = new Scene(view, 1280, 800);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    private void lock(FxRobot robot, String pinHash) {
        robot.interact(() -> KioskStage.lockDown(stage, pinHash, exits::incrementAndGet));
    }

    @Test
    void lockedKioskIsFullscreenWithoutExitKeyOrCursorAndIgnoresCloseRequests(FxRobot robot) {
        lock(robot, hash);
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(stage.getFullScreenExitKeyCombination()).isEqualTo(KeyCombination.NO_MATCH);
        assertThat(stage.getScene().getCursor()).isEqualTo(Cursor.NONE);
        WindowEvent close = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
        robot.interact(() -> stage.getOnCloseRequest().handle(close));
        assertThat(close.isConsumed()).isTrue();
        robot.push(KeyCode.ESCAPE);
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(robot.lookup("#pin-prompt").query().isVisible()).isFalse();
    }

    @Test
    void adminKeysOpenThePinPromptAndTheRightPinExits(FxRobot robot) {
        lock(robot, hash);
        robot.push(KeyCode.CONTROL, KeyCode.ALT, KeyCode.SHIFT, KeyCode.P);
        assertThat(robot.lookup("#pin-prompt").query().isVisible()).isTrue();
        assertThat(stage.getScene().getCursor()).isEqualTo(Cursor.DEFAULT);

        robot.interact(() -> robot.lookup("#pin-field").queryAs(PasswordField.class).setText("4711"));
        robot.interact(() -> robot.lookup("#pin-exit").queryAs(Button.class).fire());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(exits.get()).isEqualTo(1);
        });
        assertThat(robot.lookup("#pin-prompt").query().isVisible()).isFalse();
    }

    @Test
    void wrongPinKeepsTheKioskLockedAndSaysSo(FxRobot robot) {
        lock(robot, hash);
        robot.push(KeyCode.CONTROL, KeyCode.ALT, KeyCode.SHIFT, KeyCode.P);
        robot.interact(() -> robot.lookup("#pin-field").queryAs(PasswordField.class).setText("1234"));
        robot.interact(() -> robot.lookup("#pin-exit").queryAs(Button.class).fire());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#pin-error").queryAs(Label.class).getText()).isEqualTo("Falsche PIN");
        });
        assertThat(exits.get()).isZero();
        assertThat(robot.lookup("#pin-prompt").query().isVisible()).isTrue();
        assertThat(robot.lookup("#pin-field").queryAs(PasswordField.class).getText()).isEmpty();
    }

    @Test
    void withoutAStoredPinThereIsNoWayOutAndThePromptSaysHowToSetOne(FxRobot robot) {
        lock(robot, null);
        robot.push(KeyCode.CONTROL, KeyCode.ALT, KeyCode.SHIFT, KeyCode.P);
        assertThat(robot.lookup("#pin-prompt").query().isVisible()).isTrue();
        assertThat(robot.lookup("#pin-field").tryQuery()).isEmpty();
        assertThat(robot.lookup("#pin-exit").tryQuery()).isEmpty();
        assertThat(robot.lookup("#pin-none").queryAs(Label.class).getText())
                .contains("frischluft pin").contains("pin = pbkdf2-sha256$").contains("/etc/frischluft/kiosk.properties");
        robot.interact(() -> robot.lookup("#pin-cancel").queryAs(Button.class).fire());
        assertThat(robot.lookup("#pin-prompt").query().isVisible()).isFalse();
        assertThat(stage.getFullScreenExitKeyCombination()).isEqualTo(KeyCombination.NO_MATCH);
        assertThat(exits.get()).isZero();
    }

    @Test
    void theShortcutTypesNothingIntoTheFieldSoTheFirstCorrectPinTypedExits(FxRobot robot) {
        lock(robot, hash);
        robot.push(KeyCode.CONTROL, KeyCode.ALT, KeyCode.SHIFT, KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#pin-field").queryAs(PasswordField.class).getText()).isEmpty();
        robot.type(KeyCode.DIGIT4, KeyCode.DIGIT7, KeyCode.DIGIT1, KeyCode.DIGIT1);
        assertThat(robot.lookup("#pin-field").queryAs(PasswordField.class).getText()).isEqualTo("4711");
        robot.type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(exits.get()).isEqualTo(1);
        });
    }

    @Test
    void thePromptClosesByItselfWhenNobodyTypes(FxRobot robot) {
        robot.interact(() -> KioskStage.lockDown(stage, hash, exits::incrementAndGet, Messages.forLocale(Locale.GERMAN),
                javafx.util.Duration.millis(600)));
        robot.push(KeyCode.CONTROL, KeyCode.ALT, KeyCode.SHIFT, KeyCode.P);
        assertThat(robot.lookup("#pin-prompt").query().isVisible()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#pin-prompt").query().isVisible()).isFalse();
        });
        assertThat(stage.getScene().getCursor()).isEqualTo(Cursor.NONE);
        assertThat(exits.get()).isZero();
    }

    @Test
    void theDemosFullscreenKioskEndsWithEscapeAndSaysSo(FxRobot robot) {
        robot.interact(() -> KioskStage.demoFullScreen(stage, exits::incrementAndGet, Messages.forLocale(Locale.GERMAN)));
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(stage.getFullScreenExitHint()).isEqualTo("Demo: Esc beendet sie");
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(exits.get()).isEqualTo(1);
    }

    @Test
    void theRealPromptWaitsThirtySeconds() {
        assertThat(PinPrompt.IDLE).isEqualTo(javafx.util.Duration.seconds(30));
    }
}
