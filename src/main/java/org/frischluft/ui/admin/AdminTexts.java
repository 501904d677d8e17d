package org.frischluft.ui.admin;

import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.frischluft.ui.common.Messages;

/**
 * The admin area's current language: the shell switches it (de/en) without a restart, and every tab reads its texts
 * from {@link #get()} when the shell calls its {@link AdminTab#relabel()}. FX thread only.
 */
public final class AdminTexts {
    private final ReadOnlyObjectWrapper<Messages> messages;

    public AdminTexts(Locale locale) {
        this.messages = new ReadOnlyObjectWrapper<>(this, "messages", Messages.forLocale(Objects.requireNonNull(locale, "locale")));
    }

    public Messages get() {
        return messages.get();
    }

    /** {@code key} in the current language. */
    public String text(String key, Object... args) {
        return messages.get().get(key, args);
    }

    public Locale locale() {
        return messages.get().locale();
    }

    /** Switches the language; listeners of {@link #messagesProperty()} hear of it. */
    public void switchTo(Locale locale) {
        if (locale.getLanguage().equals(locale().getLanguage())) return;
        messages.set(Messages.forLocale(locale));
    }

    public ReadOnlyObjectProperty<Messages> messagesProperty() {
        return messages.getReadOnlyProperty();
    }
}
