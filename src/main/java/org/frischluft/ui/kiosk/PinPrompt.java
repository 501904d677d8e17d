package org.frischluft.ui.kiosk;

import java.util.Arrays;
import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.Pin;

/**
 * The admin PIN prompt laid over the kiosk (no second window, which a fullscreen kiosk could hide).
 * The PIN is checked against the stored PBKDF2 hash off the FX thread; after a wrong PIN the prompt
 * waits two seconds before the next try. It closes by itself after {@link #IDLE} without a key or click, so a
 * prompt opened by a curious pupil does not cover the light for the rest of the lesson. Without a stored PIN
 * it only says how to set one.
 */
final class PinPrompt extends StackPane {
    private static final Duration PENALTY = Duration.seconds(2);
    /** The prompt closes by itself after this long without input. */
    static final Duration IDLE = Duration.seconds(30);

    private final String pinHash;
    private final Runnable onExit;
    private final PasswordField field = new PasswordField();
    private final Label error = new Label();
    private final Button exit;
    private final PauseTransition idle;
    private int failures;

    /** {@code pinHash} null: no PIN is set, the prompt says how to set one and offers no exit. */
    PinPrompt(Messages messages, String pinHash, Runnable onExit, Duration idleTimeout) {
        this.pinHash = pinHash;
        this.onExit = Objects.requireNonNull(onExit, "onExit");
        setId("pin-prompt");
        getStyleClass().add("pin-overlay");
        idle = new PauseTransition(idleTimeout);
        idle.setOnFinished(e -> close());
        // any key or click inside the prompt keeps it open for another idle period
        addEventFilter(javafx.scene.input.KeyEvent.ANY, e -> restartIdle());
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> restartIdle());
        Label title = new Label(messages.get("kiosk.pin.title"));
        title.getStyleClass().add("pin-title");
        if (pinHash == null || pinHash.isBlank()) {
            Label how = new Label(messages.get("kiosk.pin.none"));
            how.setId("pin-none");
            how.setWrapText(true);
            how.getStyleClass().add("pin-none");
            Button ok = new Button(messages.get("kiosk.pin.close"));
            ok.setId("pin-cancel");
            ok.setDefaultButton(true);
            ok.setCancelButton(true);
            ok.setOnAction(e -> close());
            HBox buttons = new HBox(12, ok);
            buttons.setAlignment(Pos.CENTER_RIGHT);
            VBox box = new VBox(title, how, buttons);
            box.getStyleClass().addAll("pin-dialog", "pin-dialog-wide");
            getChildren().add(box);
            exit = null;
            setVisible(false);
            return;
        }
        Label prompt = new Label(messages.get("kiosk.pin.prompt"));
        field.setId("pin-field");
        // a PIN is digits: a character typed with Ctrl, Alt or Meta held (the shortcut's own "P") never lands in it
        field.addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, e -> {
            if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) e.consume();
        });
        error.setId("pin-error");
        error.getStyleClass().add("pin-error");
        exit = new Button(messages.get("kiosk.pin.exit"));
        exit.setId("pin-exit");
        exit.setDefaultButton(true);
        Button cancel = new Button(messages.get("kiosk.pin.cancel"));
        cancel.setId("pin-cancel");
        cancel.setCancelButton(true);
        HBox buttons = new HBox(12, exit, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(title, prompt, field, error, buttons);
        box.getStyleClass().add("pin-dialog");
        getChildren().add(box);
        exit.setOnAction(e -> check(messages));
        cancel.setOnAction(e -> close());
        setVisible(false);
    }

    void open() {
        field.clear();
        error.setText("");
        setVisible(true);
        toFront();
        if (exit != null) field.requestFocus();
        idle.playFromStart();
    }

    void close() {
        idle.stop();
        field.clear();
        setVisible(false);
    }

    private void restartIdle() {
        if (isVisible()) idle.playFromStart();
    }

    private void check(Messages messages) {
        char[] pin = field.getText().toCharArray();
        field.clear();
        exit.setDisable(true);
        Task<Boolean> verify = new Task<>() {
            @Override
            protected Boolean call() {
                try {
                    return Pin.verify(pin, pinHash);
                } finally {
                    Arrays.fill(pin, '\0');
                }
            }
        };
        verify.setOnSucceeded(e -> {
            if (Boolean.TRUE.equals(verify.getValue())) {
                close();
                exit.setDisable(false);
                onExit.run();
            } else {
                failures++;
                error.setText(messages.get("kiosk.pin.wrong"));
                PauseTransition wait = new PauseTransition(PENALTY.multiply(Math.min(failures, 5)));
                wait.setOnFinished(x -> exit.setDisable(false));
                wait.play();
            }
        });
        verify.setOnFailed(e -> exit.setDisable(false));
        Thread t = new Thread(verify, "pin-verify");
        t.setDaemon(true);
        t.start();
    }
}
