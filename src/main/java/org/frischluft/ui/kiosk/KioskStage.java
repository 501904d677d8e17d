package org.frischluft.ui.kiosk;

import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.scene.Cursor;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.frischluft.ui.common.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locks a stage down as a classroom kiosk: fullscreen without exit key or hint, no cursor, close requests
 * consumed. Exit only through the admin PIN prompt, opened by holding a finger or mouse button down for
 * {@value #LONG_PRESS_SECONDS} seconds anywhere, or by {@code Ctrl+Alt+Shift+P}. Without a stored PIN hash
 * there is no exit: the prompt then says how to set a PIN.
 */
public final class KioskStage {
    private static final Logger LOG = LoggerFactory.getLogger(KioskStage.class);
    static final int LONG_PRESS_SECONDS = 5;
    /** The hidden key combination that opens the PIN prompt. */
    public static final KeyCombination ADMIN_KEYS = new KeyCodeCombination(KeyCode.P,
            KeyCombination.CONTROL_DOWN, KeyCombination.ALT_DOWN, KeyCombination.SHIFT_DOWN);

    private KioskStage() {
    }

    /** Locks {@code stage} (its scene must be set) with texts in the kiosk's language. */
    public static void lockDown(Stage stage, String pinHash, Runnable onExit) {
        Parent root = stage.getScene() == null ? null : stage.getScene().getRoot();
        Messages messages = root instanceof KioskView kv ? kv.viewModel().room().messages() : Messages.forLocale(Locale.getDefault());
        lockDown(stage, pinHash, onExit, messages);
    }

    /** Locks {@code stage} (its scene must be set); {@code pinHash} null disables exit. */
    public static void lockDown(Stage stage, String pinHash, Runnable onExit, Messages messages) {
        lockDown(stage, pinHash, onExit, messages, PinPrompt.IDLE);
    }

    static void lockDown(Stage stage, String pinHash, Runnable onExit, Messages messages, Duration promptIdle) {
        Scene scene = stage.getScene();
        if (scene == null) throw new IllegalStateException("set the kiosk scene before locking the stage down");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
        stage.setOnCloseRequest(e -> e.consume());
        scene.setCursor(Cursor.NONE);
        // leaving fullscreen by any other way (window manager) is undone
        stage.fullScreenProperty().addListener((obs, was, is) -> {
            if (!is && stage.isShowing()) stage.setFullScreen(true);
        });
        if (pinHash == null || pinHash.isBlank()) {
            LOG.info("kiosk locked without an admin PIN: exit disabled (set one: frischluft pin, then pin = ... in the settings)");
        }
        PinPrompt prompt = new PinPrompt(messages, pinHash, () -> {
            stage.setOnCloseRequest(null);
            onExit.run();
        }, promptIdle);
        StackPane host;
        if (scene.getRoot() instanceof StackPane sp) {
            host = sp;
        } else {
            host = new StackPane();
            Parent old = scene.getRoot();
            scene.setRoot(host);
            host.getChildren().add(old);
        }
        host.getChildren().add(prompt);

        // the shortcut's key press opens the prompt; its key-typed "P", which follows, must not reach the field
        boolean[] swallowTyped = {false};
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (ADMIN_KEYS.match(e)) {
                e.consume();
                swallowTyped[0] = true;
                openPrompt(scene, prompt);
            }
        });
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowTyped[0]) {
                e.consume();
                swallowTyped[0] = false;
            }
        });
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.P) swallowTyped[0] = false;
        });
        PauseTransition hold = new PauseTransition(Duration.seconds(LONG_PRESS_SECONDS));
        hold.setOnFinished(e -> openPrompt(scene, prompt));
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (!prompt.isVisible()) hold.playFromStart();
        });
        scene.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> hold.stop());
        scene.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> hold.stop());
    }

    /**
     * The demo's kiosk: fullscreen like a classroom screen, but no locked kiosk. Escape ends it, and the
     * fullscreen hint says so.
     */
    public static void demoFullScreen(Stage stage, Runnable onExit, Messages messages) {
        Scene scene = stage.getScene();
        if (scene == null) throw new IllegalStateException("set the kiosk scene first");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint(messages.get("kiosk.demo.escape"));
        stage.setFullScreen(true);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                onExit.run();
            }
        });
    }

    private static void openPrompt(Scene scene, PinPrompt prompt) {
        scene.setCursor(Cursor.DEFAULT);
        prompt.open();
        prompt.visibleProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean is) {
                if (!is) {
                    scene.setCursor(Cursor.NONE);
                    obs.removeListener(this);
                }
            }
        });
    }
}
