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
 * waits two seconds before the next try.
 */
final class PinPrompt extends StackPane {
    private static final Duration PENALTY = Duration.seconds(2);

    private final String pinHash;
    private final Runnable onExit;
    private final PasswordField field = new PasswordField();
    private final Label error = new Label();
    private final Button exit;
    private int failures;

    PinPrompt(Messages messages, String pinHash, Runnable onExit) {
        this.pinHash = Objects.requireNonNull(pinHash, "pinHash");
        this.onExit = Objects.requireNonNull(onExit, "onExit");
        setId("pin-prompt");
        getStyleClass().add("pin-overlay");
        Label title = new Label(messages.get("kiosk.pin.title"));
        Label prompt = new Label(messages.get("kiosk.pin.prompt"));
        field.setId("pin-field");
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
        field.requestFocus();
    }

    void close() {
        field.clear();
        setVisible(false);
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
