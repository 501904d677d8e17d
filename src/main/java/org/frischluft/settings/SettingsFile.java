package org.frischluft.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.model.TopicFilter;
import org.frischluft.rooms.ConfigException;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.Problem;
import org.frischluft.rooms.Problems;
import org.frischluft.rooms.Spelling;

/**
 * Reads a settings file ({@code .properties}) and says everything that is wrong with it at once: each key with a
 * bad value is named ({@code retention.days: "ten" is not a number}), a missing required key too, and unknown
 * keys are warned about (with the nearest known key) but do not stop the file from being used. Relative paths are
 * resolved against the file's folder.
 */
public final class SettingsFile {
    static final Set<String> KEYS = Set.of("school", "room", "kiosk", "language", "display", "db", "db.user",
            "db.password", "db.password.env", "db.password.file", "retention.days", "pin",
            "fleet.site", "fleet.public-key", "fleet.kiosk", "fleet.signing-key");
    static final Set<String> BROKER_KEYS = Set.of("url", "username", "password", "password.env", "password.file",
            "topics", "qos", "clean-session", "client-id", "ca-file", "client-cert", "client-key", "max-backoff-seconds");

    private final Properties p;
    private final Path dir;
    private final Problems problems = new Problems();

    private SettingsFile(Properties p, Path dir) {
        this.p = p;
        this.dir = dir;
    }

    public static Settings read(Path file) throws ConfigException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), List.of(Problem.error("", "file.missing", file)));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(file.toString(), List.of(Problem.error("", "file.unreadable", e.getMessage())));
        }
        return parse(p, file.toAbsolutePath().getParent(), file.toString());
    }

    /** @param origin named in the exception's lines */
    public static Settings parse(Properties p, Path dir, String origin) throws ConfigException {
        SettingsFile f = new SettingsFile(p, dir);
        Settings s = f.settings();
        if (f.problems.hasErrors()) throw new ConfigException(origin, f.problems.list());
        return s;
    }

    private Settings settings() {
        unknownKeys();
        Path school = path("school");
        List<BrokerConfig> brokers = new ArrayList<>();
        for (String id : brokerIds()) broker(id, brokers);
        Locale locale = get("language") == null ? null : language("language");
        DisplayPolicy display = get("display") == null ? null : parsed("display", DisplayPolicy::parse, "display.invalid");
        Long days = whole("retention.days", 0, 36_500);
        Duration retention = days == null ? null : Duration.ofDays(days);
        return new Settings(school, brokers, get("db"), get("db.user"), secret("db.password"), get("room"), get("kiosk"),
                locale, display, get("pin"), retention, problems.list().stream().filter(x -> !x.isError()).toList());
    }

    private void broker(String id, List<BrokerConfig> out) {
        String pre = "broker." + id + ".";
        String url = require(pre + "url");
        if (url != null && !url.startsWith("tcp://") && !url.startsWith("ssl://")) {
            problems.error(pre + "url", "settings.url", url);
            url = null;
        }
        String topicsText = require(pre + "topics");
        List<String> topics = topicsText == null ? List.of()
                : Arrays.stream(topicsText.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        for (String t : topics) {
            try {
                TopicFilter.parse(t);
            } catch (IllegalArgumentException e) {
                problems.error(pre + "topics", "settings.topic", t);
            }
        }
        String qosText = get(pre + "qos");
        int qos = 1;
        if (qosText != null) {
            if (qosText.equals("0") || qosText.equals("1")) qos = Integer.parseInt(qosText);
            else problems.error(pre + "qos", "settings.qos", qosText);
        }
        Boolean clean = bool(pre + "clean-session");
        Long backoff = whole(pre + "max-backoff-seconds", 1, 3600);
        Path cert = path(pre + "client-cert");
        Path key = path(pre + "client-key");
        if ((cert == null) != (key == null)) problems.error(pre + (cert == null ? "client-cert" : "client-key"), "settings.client-cert");
        String password = secret(pre + "password");
        if (url == null || topics.isEmpty() || problems.hasErrors()) return;
        try {
            out.add(new BrokerConfig(id, url, get(pre + "username"), password, topics, qos, clean != null && clean,
                    get(pre + "client-id"), path(pre + "ca-file"), cert, key,
                    backoff == null ? null : Duration.ofSeconds(backoff)));
        } catch (IllegalArgumentException e) { // every rule BrokerConfig checks was checked above
            problems.error(pre + "url", "file.inconsistent", e.getMessage());
        }
    }

    private TreeSet<String> brokerIds() {
        TreeSet<String> ids = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith("broker.")) continue;
            String rest = key.substring("broker.".length());
            int dot = rest.indexOf('.');
            if (dot > 0) ids.add(rest.substring(0, dot));
        }
        return ids;
    }

    private void unknownKeys() {
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (KEYS.contains(key)) continue;
            if (key.startsWith("broker.")) {
                String rest = key.substring("broker.".length());
                int dot = rest.indexOf('.');
                if (dot <= 0) {
                    problems.error(key, "settings.broker-key");
                    continue;
                }
                String sub = rest.substring(dot + 1);
                if (BROKER_KEYS.contains(sub)) continue;
                String near = Spelling.nearest(sub, BROKER_KEYS);
                if (near != null) problems.warning(key, "settings.key-unknown-near", key, "broker." + rest.substring(0, dot) + "." + near);
                else problems.warning(key, "settings.key-unknown", key);
                continue;
            }
            String near = Spelling.nearest(key, KEYS);
            if (near != null) problems.warning(key, "settings.key-unknown-near", key, near);
            else problems.warning(key, "settings.key-unknown", key);
        }
    }

    private String secret(String key) {
        String env = get(key + ".env");
        if (env != null) {
            String v = System.getenv(env);
            if (v == null) problems.error(key + ".env", "settings.env-unset", env);
            return v;
        }
        Path file = path(key + ".file");
        if (file != null) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                problems.error(key + ".file", "settings.file-unreadable", file, e.getMessage());
                return null;
            }
        }
        return get(key);
    }

    private Locale language(String key) {
        String l = get(key).toLowerCase(Locale.ROOT);
        if (l.equals("de") || l.startsWith("de-") || l.startsWith("de_")) return Locale.GERMAN;
        if (l.equals("en") || l.startsWith("en-") || l.startsWith("en_")) return Locale.ENGLISH;
        problems.error(key, "settings.language", get(key));
        return null;
    }

    private <T> T parsed(String key, Function<String, T> parse, String code) {
        try {
            return parse.apply(get(key));
        } catch (IllegalArgumentException e) {
            problems.error(key, code, get(key));
            return null;
        }
    }

    private Long whole(String key, long min, long max) {
        String v = get(key);
        if (v == null) return null;
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            try {
                Double.parseDouble(v);
                problems.error(key, "settings.not-whole", v);
            } catch (NumberFormatException notNumber) {
                problems.error(key, "settings.not-number", v);
            }
            return null;
        }
        if (n < min || n > max) {
            problems.error(key, "settings.range", v, min, max);
            return null;
        }
        return n;
    }

    private Boolean bool(String key) {
        String v = get(key);
        if (v == null) return null;
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes")) return true;
        if (v.equalsIgnoreCase("false") || v.equalsIgnoreCase("no")) return false;
        problems.error(key, "settings.not-boolean", v);
        return null;
    }

    private Path path(String key) {
        String v = get(key);
        return v == null ? null : dir == null ? Path.of(v) : dir.resolve(v);
    }

    private String require(String key) {
        String v = get(key);
        if (v == null) problems.error(key, "settings.missing", key);
        return v;
    }

    private String get(String key) {
        String v = p.getProperty(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

}
