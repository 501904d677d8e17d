package org.frischluft.ui.admin;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.ui.common.Pin;

/**
 * The admin area's shell state: locked until the admin PIN is entered (PBKDF2, {@link Pin}, checked off the FX thread),
 * the language (de/en, switched without a restart) and the gate's message. Without a configured PIN the area is open
 * and says so. Holds no nodes; FX thread only, except where it says.
 */
public final class AdminViewModel {
    private final SchoolEditor editor;
    private final AdminTexts texts;
    private final String pinHash;
    private final Executor fx;
    private final ReadOnlyBooleanWrapper unlocked = new ReadOnlyBooleanWrapper(this, "unlocked");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ReadOnlyStringWrapper gateMessage = new ReadOnlyStringWrapper(this, "gateMessage", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");

    /**
     * @param pinHash the admin PIN's hash ({@code pin = pbkdf2-sha256$…} in the settings), or null: no PIN set
     * @param fx      runs on the FX thread ({@code Platform::runLater}; tests: direct)
     */
    public AdminViewModel(SchoolEditor editor, AdminTexts texts, String pinHash, Executor fx) {
        this.editor = Objects.requireNonNull(editor, "editor");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.pinHash = pinHash == null || pinHash.isBlank() ? null : pinHash;
        this.fx = Objects.requireNonNull(fx, "fx");
        unlocked.set(this.pinHash == null);
        relabel();
        texts.messagesProperty().addListener((o, a, b) -> relabel());
    }

    private void relabel() {
        warning.set(pinHash == null ? texts.text("admin.pin.none") : "");
        if (!gateMessage.get().isEmpty()) gateMessage.set(texts.text("admin.pin.wrong"));
    }

    /** Checks {@code pin} on the admin's thread; the area opens when it matches. The buffer is wiped afterwards. */
    public CompletableFuture<Boolean> unlock(char[] pin) {
        char[] copy = pin == null ? new char[0] : Arrays.copyOf(pin, pin.length);
        Pin.wipe(pin);
        checking.set(true);
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        editor.later(() -> {
            try {
                return pinHash == null || Pin.verify(copy, pinHash);
            } finally {
                Pin.wipe(copy);
            }
        }).whenComplete((ok, e) -> fx.execute(() -> {
            checking.set(false);
            boolean yes = e == null && Boolean.TRUE.equals(ok);
            unlocked.set(yes);
            gateMessage.set(yes ? "" : texts.text("admin.pin.wrong"));
            done.complete(yes);
        }));
        return done;
    }

    /** Locks the area again (closing it, or the admin walks away). */
    public void lock() {
        if (pinHash != null) unlocked.set(false);
        gateMessage.set("");
    }

    public void switchLanguage(Locale locale) {
        texts.switchTo(locale);
    }

    public SchoolEditor editor() {
        return editor;
    }

    public AdminTexts texts() {
        return texts;
    }

    public boolean pinRequired() {
        return pinHash != null;
    }

    public ReadOnlyBooleanProperty unlockedProperty() { return unlocked.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty checkingProperty() { return checking.getReadOnlyProperty(); }
    /** "Wrong PIN" after a failed attempt, else empty. */
    public ReadOnlyStringProperty gateMessageProperty() { return gateMessage.getReadOnlyProperty(); }
    /** Said while no PIN is set, else empty. */
    public ReadOnlyStringProperty warningProperty() { return warning.getReadOnlyProperty(); }
    public boolean isUnlocked() { return unlocked.get(); }
}
