package org.frischluft.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.rooms.ConfigException;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.Problem;

/**
 * One installation's settings (a kiosk or the caretaker's desktop), from a {@code .properties} file: the school
 * file, brokers, database, room or kiosk id, language, display policy and admin PIN hash. See
 * {@code kiosk-config/kiosk-example.properties}; {@link SettingsFile} reads and validates it. Secrets can come from
 * the environment or a file ({@code broker.X.password.env}, {@code broker.X.password.file}) so the file itself can
 * be shared.
 *
 * @param school    school file, or null for the demo school
 * @param db        JDBC URL of the history database, or null for the default in the user's data folder
 * @param room      the room a kiosk shows, or null
 * @param kiosk     this screen's kiosk id in the school file (its room, display and language come from there), or null
 * @param display   the kiosk's display policy when neither school file nor kiosk entry names one; null if not set
 * @param pinHash   admin PIN hash (PBKDF2), or null: no settings/exit on the kiosk
 * @param retention how long raw readings are kept (rollups are kept for good); null = the store's default, 90 days
 * @param warnings  what the file said that does not keep it from being used (unknown keys)
 */
public record Settings(Path school, List<BrokerConfig> brokers, String db, String dbUser, String dbPassword,
                       String room, String kiosk, Locale locale, DisplayPolicy display, String pinHash,
                       Duration retention, List<Problem> warnings) {
    public Settings {
        brokers = List.copyOf(brokers);
        locale = locale == null ? defaultLocale() : locale;
        warnings = List.copyOf(warnings);
    }

    public static Settings defaults() {
        return new Settings(null, List.of(), null, null, null, null, null, defaultLocale(), null, null,
                null, List.of());
    }

    /** German for a German system, else English. */
    public static Locale defaultLocale() {
        return Locale.getDefault().getLanguage().equals("de") ? Locale.GERMAN : Locale.ENGLISH;
    }

    /** No broker named: the embedded demo runs. */
    public boolean embedded() {
        return brokers.isEmpty();
    }

    /**
     * Reads and validates {@code file}.
     *
     * @throws ConfigException listing every problem of the file (each key with a bad value), never only the first
     */
    public static Settings read(Path file) throws ConfigException {
        return SettingsFile.read(file);
    }

    @Override
    public String toString() {
        return "Settings[school=" + school + ", brokers=" + brokers + ", db=" + db + ", room=" + room + ", kiosk=" + kiosk
                + ", locale=" + locale + ", display=" + (display == null ? "-" : display.setting()) + ", pin=" + (pinHash == null ? "none" : "set") + "]";
    }
}
