package org.frischluft.admin.broker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.rooms.ConfigException;
import org.frischluft.rooms.Problem;
import org.frischluft.settings.SettingsFile;

/**
 * One broker entry of a settings file as the admin edits it: the {@code broker.<id>.*} values as text, exactly as
 * they stand in the file (a password may be given through {@code password.env} or {@code password.file} instead).
 * {@link #problems} checks it with the settings file's own rules, each problem at its key ({@code url},
 * {@code topics}, …); {@link #toConfig} gives the connection the app would make.
 *
 * @param values key (without {@code broker.<id>.}) → value; blank values are left out
 * @param dir    the settings file's folder: relative ca-file, client-cert, client-key and password.file paths start there
 */
public record BrokerEntry(String id, Map<String, String> values, Path dir) {
    /** The keys the admin pane edits; other broker keys (password.env, clean-session, …) are kept as they are. */
    public static final List<String> EDITED = List.of("url", "username", "password", "topics", "qos", "ca-file",
            "client-cert", "client-key", "client-id");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

    public BrokerEntry {
        id = id == null ? "" : id.strip();
        Map<String, String> clean = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null && !v.isBlank()) clean.put(k, v.strip());
        });
        values = java.util.Collections.unmodifiableMap(clean);
    }

    /** A new entry with a plain TCP URL and topic filters. */
    public static BrokerEntry of(String id, String url, String topics, Path dir) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("url", url);
        v.put("topics", topics);
        return new BrokerEntry(id, v, dir);
    }

    public String get(String key) {
        return values.getOrDefault(key, "");
    }

    public String url() {
        return get("url");
    }

    /** The same entry with {@code key} set to {@code value} (blank: removed). */
    public BrokerEntry with(String key, String value) {
        Map<String, String> v = new LinkedHashMap<>(values);
        if (value == null || value.isBlank()) v.remove(key);
        else v.put(key, value);
        return new BrokerEntry(id, v, dir);
    }

    public BrokerEntry withId(String newId) {
        return new BrokerEntry(newId, values, dir);
    }

    /** Its lines in a settings file: {@code broker.<id>.<key>} → value, in the order the keys were given. */
    Map<String, String> properties() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put("broker." + id + "." + k, v));
        return out;
    }

    /**
     * Every problem of the entry, each at its key ({@code id} for the name): what the settings file would say about
     * it, in the same words. Empty when the entry can be saved and tested.
     */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        if (id.isEmpty()) out.add(Problem.error("id", "broker.id-missing"));
        else if (!ID.matcher(id).matches()) out.add(Problem.error("id", "broker.id-invalid", id));
        if (!out.isEmpty()) return out;
        Properties p = new Properties();
        p.putAll(properties());
        try {
            SettingsFile.parse(p, dir, "broker " + id);
        } catch (ConfigException e) {
            String prefix = "broker." + id + ".";
            for (Problem x : e.problems()) {
                if (!x.isError()) continue;
                String key = x.path().startsWith(prefix) ? x.path().substring(prefix.length()) : x.path();
                out.add(new Problem(x.severity(), key, x.code(), x.args()));
            }
        }
        return out;
    }

    /**
     * The connection the app would make from this entry (secrets from the environment or a file resolved).
     *
     * @throws IllegalArgumentException naming the first problem when the entry has any (see {@link #problems})
     */
    public BrokerConfig toConfig() {
        List<Problem> problems = problems();
        if (!problems.isEmpty()) throw new IllegalArgumentException(problems.get(0).describe(java.util.Locale.ENGLISH));
        Properties p = new Properties();
        p.putAll(properties());
        try {
            return SettingsFile.parse(p, dir, "broker " + id).brokers().get(0);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** An entry for a broker given on the command line (no settings file). */
    public static BrokerEntry fromConfig(BrokerConfig c) {
        Objects.requireNonNull(c, "c");
        Map<String, String> v = new LinkedHashMap<>();
        v.put("url", c.url());
        if (c.username() != null) v.put("username", c.username());
        if (c.password() != null) v.put("password", c.password());
        v.put("topics", String.join(", ", c.topics()));
        v.put("qos", Integer.toString(c.qos()));
        if (c.caFile() != null) v.put("ca-file", c.caFile().toString());
        if (c.clientCert() != null) v.put("client-cert", c.clientCert().toString());
        if (c.clientKey() != null) v.put("client-key", c.clientKey().toString());
        return new BrokerEntry(c.id(), v, null);
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(values);
        if (shown.containsKey("password")) shown.put("password", "***");
        return "BrokerEntry[" + id + " " + shown + "]";
    }
}
