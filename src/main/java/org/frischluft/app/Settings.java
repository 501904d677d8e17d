package org.frischluft.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.rooms.ConfigException;

/**
 * One installation's settings (a kiosk or the caretaker's desktop), from a {@code .properties} file: the
 * school file, brokers, database, room, language, display policy and admin PIN hash. See
 * {@code kiosk-config/kiosk-example.properties}. Secrets can come from the environment or a file
 * ({@code broker.X.password.env}, {@code broker.X.password.file}) so the file itself can be shared.
 *
 * @param school   school configuration file, or null for the demo school
 * @param db       JDBC URL of the history database, or null for the default in the user's data folder
 * @param room     the room a kiosk shows, or null
 * @param display  display policy id ("always", "quiet", "schedule")
 * @param pinHash  admin PIN hash (PBKDF2), or null: no settings/exit on the kiosk
 * @param retention how long raw readings are kept (rollups are kept for good); null = the store's default, 90 days
 */
public record Settings(Path school, List<BrokerConfig> brokers, String db, String dbUser, String dbPassword,
                       String room, Locale locale, String display, String pinHash, Duration retention) {
    public Settings {
        brokers = List.copyOf(brokers);
        locale = locale == null ? Locale.GERMAN : locale;
        display = display == null ? "always" : display;
    }

    public static Settings defaults() {
        return new Settings(null, List.of(), null, null, null, null, defaultLocale(), "always", null, null);
    }

    static Locale defaultLocale() {
        return Locale.getDefault().getLanguage().equals("de") ? Locale.GERMAN : Locale.ENGLISH;
    }

    public boolean embedded() {
        return brokers.isEmpty();
    }

    public static Settings read(Path file) throws ConfigException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        try {
            return parse(p, dir);
        } catch (IllegalArgumentException | ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    static Settings parse(Properties p, Path dir) throws ConfigException {
        Path school = get(p, "school") == null ? null : dir.resolve(get(p, "school"));
        List<BrokerConfig> brokers = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("broker.")) {
                String rest = key.substring("broker.".length());
                int dot = rest.indexOf('.');
                if (dot > 0) ids.add(rest.substring(0, dot));
            }
        }
        for (String id : ids) {
            String pre = "broker." + id + ".";
            String url = require(p, pre + "url");
            List<String> topics = Arrays.stream(require(p, pre + "topics").split("[,\\s]+"))
                    .filter(s -> !s.isBlank()).toList();
            int qos = Integer.parseInt(get(p, pre + "qos", "1"));
            boolean clean = Boolean.parseBoolean(get(p, pre + "clean-session", "false"));
            String password = secret(p, pre + "password", dir);
            brokers.add(new BrokerConfig(id, url, get(p, pre + "username"), password, topics, qos, clean,
                    get(p, pre + "client-id"), path(p, pre + "ca-file", dir), path(p, pre + "client-cert", dir),
                    path(p, pre + "client-key", dir),
                    Duration.ofSeconds(Long.parseLong(get(p, pre + "max-backoff-seconds", "8")))));
        }
        String lang = get(p, "language");
        String days = get(p, "retention.days");
        Duration retention = days == null ? null : Duration.ofDays(Long.parseLong(days));
        if (retention != null && retention.isNegative()) throw new ConfigException("retention.days must be 0 (keep forever) or more");
        return new Settings(school, brokers, get(p, "db"), get(p, "db.user"), secret(p, "db.password", dir),
                get(p, "room"), lang == null ? defaultLocale() : Locale.forLanguageTag(lang), get(p, "display"),
                get(p, "pin"), retention);
    }

    private static String secret(Properties p, String key, Path dir) throws ConfigException {
        String env = get(p, key + ".env");
        if (env != null) {
            String v = System.getenv(env);
            if (v == null) throw new ConfigException(key + ".env names " + env + ", which is not set");
            return v;
        }
        Path file = path(p, key + ".file", dir);
        if (file != null) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new ConfigException(key + ".file: cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return get(p, key);
    }

    private static Path path(Properties p, String key, Path dir) {
        String v = get(p, key);
        return v == null ? null : dir.resolve(v);
    }

    private static String require(Properties p, String key) throws ConfigException {
        String v = get(p, key);
        if (v == null) throw new ConfigException("missing " + key);
        return v;
    }

    private static String get(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String get(Properties p, String key, String fallback) {
        String v = get(p, key);
        return v == null ? fallback : v;
    }

    @Override
    public String toString() {
        return "Settings[school=" + school + ", brokers=" + brokers + ", db=" + db + ", room=" + room
                + ", locale=" + locale + ", display=" + display + ", pin=" + (pinHash == null ? "none" : "set") + "]";
    }
}
