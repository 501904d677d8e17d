package org.frischluft.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.frischluft.model.SensorModel;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.ConfigException;
import org.frischluft.rooms.Problem;
import org.frischluft.rooms.Problems;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Spelling;

/**
 * Reads the alert settings file ({@code alerts.json}, beside the school file) and checks it like the school file:
 * every problem at once, with its path and what to do, never a stack trace. Shape:
 * <pre>{@code
 * {"defaults": {"co2HighPpm": 2000, "co2HighMinutes": 30, "off": ["window-open"]},
 *  "sites": {"gs-lindenpark": {"co2HighMinutes": 20}},
 *  "recipients": [{"email": "hausmeister@example.org", "language": "de"},
 *                 {"email": "schultraeger@example.org", "escalation": true, "sites": ["gs-lindenpark"]}],
 *  "smtp": {"host": "mail.example.org", "port": 587, "from": "frischluft@example.org", "user": "frischluft",
 *           "passwordEnv": "FRISCHLUFT_SMTP_PASSWORD", "startTls": true},
 *  "webhooks": [{"url": "https://example.org/hook", "language": "en"}],
 *  "mqtt": true}
 * }</pre>
 * A site's section changes only the keys it names. Why a file of its own rather than a section of the school
 * file: the thresholds are the school's, but recipients, the mail server and webhooks belong to the installation
 * (a city server sends to other people than a school's own PC), and the school file is shared between them.
 */
public final class AlertConfigFile {
    /** The file's name beside the school file. */
    public static final String FILE_NAME = "alerts.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP = Set.of("defaults", "sites", "recipients", "smtp", "webhooks", "mqtt");
    private static final Set<String> RECIPIENT = Set.of("email", "language", "sites", "escalation");
    private static final Set<String> SMTP = Set.of("host", "port", "from", "user", "passwordEnv", "startTls");
    private static final Set<String> WEBHOOK = Set.of("url", "language");

    /** A number setting: its key and allowed range. */
    private record Num(String key, double min, double max, boolean integer) {
    }

    private static final List<Num> NUMBERS = List.of(
            new Num("co2HighPpm", 400, 10_000, false), new Num("co2HighMinutes", 1, 600, true),
            new Num("co2ResolvePpm", 400, 10_000, false), new Num("redInLessonMinutes", 1, 120, true),
            new Num("silentSettleMinutes", 0, 1440, true), new Num("silentRepeatHours", 1, 720, true),
            new Num("siteSilentMinRooms", 1, 10_000, true), new Num("batteryPct", 0, 100, false),
            new Num("driftBelowPpm", 200, 1000, false), new Num("driftAbovePpm", 200, 2000, false),
            new Num("driftDays", 2, 60, true), new Num("windowDropK", 0.5, 30, false),
            new Num("windowMinutes", 5, 240, true), new Num("windowCo2BelowPpm", 300, 2000, false),
            new Num("escalateSchoolDays", 1, 30, true));
    private static final Set<String> SETTING_KEYS;

    static {
        Set<String> keys = new HashSet<>();
        NUMBERS.forEach(n -> keys.add(n.key()));
        keys.addAll(Set.of("batteryVolts", "heatingMonths", "off"));
        SETTING_KEYS = Set.copyOf(keys);
    }

    /** The result of a check: the configuration when it has no error, and every problem. */
    public record Result(AlertConfig config, List<Problem> problems) {
        public boolean ok() {
            return config != null;
        }
    }

    private AlertConfigFile() {
    }

    /**
     * The alert configuration of {@code file}; the standard one when the file does not exist.
     *
     * @param model the school model: site ids must name its sites
     * @throws ConfigException with every problem when the file is invalid
     */
    public static AlertConfig read(Path file, SchoolModel model) throws ConfigException {
        if (!Files.exists(file)) return AlertConfig.standard();
        Result r = check(file, model);
        if (!r.ok()) throw new ConfigException(file.toString(), r.problems());
        return r.config();
    }

    /** {@code alerts.json} beside the school file, or null where there is no school file. */
    public static Path beside(Path schoolFile) {
        if (schoolFile == null) return null;
        Path dir = schoolFile.toAbsolutePath().getParent();
        return dir == null ? Path.of(FILE_NAME) : dir.resolve(FILE_NAME);
    }

    public static Result check(Path file, SchoolModel model) {
        Problems p = new Problems();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            p.error("", "file.missing", file);
            return new Result(null, p.list());
        } catch (IOException e) {
            p.error("", "file.unreadable", e.getMessage());
            return new Result(null, p.list());
        }
        return parse(text, model, p);
    }

    /** Checks the text of an alert settings file. */
    public static Result parse(String text, SchoolModel model, Problems p) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            p.error("", "json.syntax", e.getLocation() == null ? "?" : e.getLocation().getLineNr(),
                    e.getLocation() == null ? "?" : e.getLocation().getColumnNr(), e.getOriginalMessage());
            return new Result(null, p.list());
        }
        if (root == null || !root.isObject()) {
            p.error("", "file.not-object", root == null ? "nothing" : root.getNodeType().name().toLowerCase());
            return new Result(null, p.list());
        }
        only(root, "", TOP, p);
        AlertSettings defaults = settings(root.get("defaults"), "defaults", AlertSettings.DEFAULTS, p);
        Map<SiteId, AlertSettings> sites = new LinkedHashMap<>();
        JsonNode sitesNode = root.get("sites");
        if (sitesNode != null && object(sitesNode, "sites", "sites section", p)) {
            Set<String> known = new TreeSet<>();
            model.sites().forEach(s -> known.add(s.id().value()));
            for (Iterator<Map.Entry<String, JsonNode>> it = sitesNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = "sites." + e.getKey();
                if (!known.contains(e.getKey())) {
                    String near = Spelling.nearest(e.getKey(), known);
                    p.error(path, "alert.site-unknown", e.getKey(), near != null ? near : String.join(", ", known));
                    continue;
                }
                sites.put(SiteId.of(e.getKey()), settings(e.getValue(), path, defaults, p));
            }
        }
        List<AlertConfig.Recipient> recipients = new ArrayList<>();
        JsonNode rs = root.get("recipients");
        if (rs != null && list(rs, "recipients", p)) {
            for (int i = 0; i < rs.size(); i++) {
                String path = "recipients[" + i + "]";
                JsonNode r = rs.get(i);
                if (!object(r, path, "recipient", p)) continue;
                only(r, path, RECIPIENT, p);
                String email = text(r, "email", path, true, p);
                if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    p.error(path + ".email", "alert.email-invalid", email);
                    email = null;
                }
                String lang = language(r, path, p);
                Set<SiteId> only = new HashSet<>();
                JsonNode ss = r.get("sites");
                if (ss != null && list(ss, path + ".sites", p)) {
                    for (int j = 0; j < ss.size(); j++) {
                        String id = ss.get(j).asText();
                        if (model.sites().stream().noneMatch(s -> s.id().value().equals(id))) {
                            p.error(path + ".sites[" + j + "]", "alert.site-unknown", id,
                                    String.join(", ", model.sites().stream().map(s -> s.id().value()).toList()));
                        } else {
                            only.add(SiteId.of(id));
                        }
                    }
                }
                boolean escalation = bool(r, "escalation", path, p);
                if (email != null) recipients.add(new AlertConfig.Recipient(email, lang, only, escalation));
            }
        }
        AlertConfig.Smtp smtp = null;
        JsonNode m = root.get("smtp");
        if (m != null && object(m, "smtp", "mail server", p)) {
            only(m, "smtp", SMTP, p);
            String host = text(m, "host", "smtp", true, p);
            String from = text(m, "from", "smtp", true, p);
            Double port = number(m, new Num("port", 1, 65_535, true), "smtp", p);
            String user = text(m, "user", "smtp", false, p);
            String env = text(m, "passwordEnv", "smtp", false, p);
            boolean tls = !m.has("startTls") || bool(m, "startTls", "smtp", p);
            if (host != null && from != null) smtp = new AlertConfig.Smtp(host, port == null ? 587 : port.intValue(), from, user, env, tls);
        }
        if (rs != null && rs.isArray() && rs.size() > 0 && m == null) p.error("smtp", "alert.smtp-missing", rs.size());
        List<AlertConfig.Webhook> hooks = new ArrayList<>();
        JsonNode ws = root.get("webhooks");
        if (ws != null && list(ws, "webhooks", p)) {
            for (int i = 0; i < ws.size(); i++) {
                String path = "webhooks[" + i + "]";
                JsonNode w = ws.get(i);
                if (!object(w, path, "webhook", p)) continue;
                only(w, path, WEBHOOK, p);
                String url = text(w, "url", path, true, p);
                if (url != null && !validUrl(url)) p.error(path + ".url", "alert.url-invalid", url);
                else if (url != null) hooks.add(new AlertConfig.Webhook(url, language(w, path, p)));
            }
        }
        boolean mqtt = !root.has("mqtt") || bool(root, "mqtt", "", p);
        if (p.hasErrors()) return new Result(null, p.list());
        return new Result(new AlertConfig(defaults, sites, recipients, smtp, hooks, mqtt), p.list());
    }

    private static boolean validUrl(String url) {
        try {
            URI u = URI.create(url);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static AlertSettings settings(JsonNode n, String path, AlertSettings base, Problems p) {
        if (n == null || !object(n, path, "rule settings section", p)) return base;
        only(n, path, SETTING_KEYS, p);
        Map<String, Double> v = new HashMap<>();
        for (Num num : NUMBERS) {
            Double d = number(n, num, path, p);
            if (d != null) v.put(num.key(), d);
        }
        Map<SensorModel, Double> volts = base.batteryVolts();
        JsonNode bv = n.get("batteryVolts");
        if (bv != null && object(bv, at(path, "batteryVolts"), "list of sensor models and volts", p)) {
            Map<SensorModel, Double> m = new EnumMap<>(SensorModel.class);
            for (Iterator<Map.Entry<String, JsonNode>> it = bv.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String where = at(path, "batteryVolts") + "." + e.getKey();
                var model = SensorModel.byId(e.getKey());
                if (model.isEmpty()) {
                    p.error(where, "model.unknown", e.getKey(), String.join(", ",
                            java.util.Arrays.stream(SensorModel.values()).map(SensorModel::id).toList()));
                } else if (!e.getValue().isNumber()) {
                    p.error(where, "value.not-number", e.getKey(), e.getValue().toString());
                } else if (e.getValue().asDouble() < 1 || e.getValue().asDouble() > 30) {
                    p.error(where, "number.range", e.getValue().asText(), 1, 30);
                } else {
                    m.put(model.get(), e.getValue().asDouble());
                }
            }
            volts = m;
        }
        Set<Month> months = base.heatingMonths();
        JsonNode hm = n.get("heatingMonths");
        if (hm != null && list(hm, at(path, "heatingMonths"), p)) {
            Set<Month> ms = EnumSet.noneOf(Month.class);
            for (int i = 0; i < hm.size(); i++) {
                JsonNode x = hm.get(i);
                if (!x.canConvertToInt() || x.asInt() < 1 || x.asInt() > 12) {
                    p.error(at(path, "heatingMonths") + "[" + i + "]", "alert.month-invalid", x.asText());
                } else {
                    ms.add(Month.of(x.asInt()));
                }
            }
            months = ms;
        }
        Set<Rule> off = base.off();
        JsonNode o = n.get("off");
        if (o != null && list(o, at(path, "off"), p)) {
            Set<Rule> rules = EnumSet.noneOf(Rule.class);
            for (int i = 0; i < o.size(); i++) {
                String id = o.get(i).asText();
                var rule = Rule.byId(id);
                if (rule.isEmpty()) {
                    p.error(at(path, "off") + "[" + i + "]", "alert.rule-unknown", id,
                            String.join(", ", java.util.Arrays.stream(Rule.values()).map(Rule::id).toList()));
                } else {
                    rules.add(rule.get());
                }
            }
            off = rules;
        }
        AlertSettings s = new AlertSettings(
                v.getOrDefault("co2HighPpm", base.co2HighPpm()),
                v.getOrDefault("co2HighMinutes", (double) base.co2HighMinutes()).intValue(),
                v.getOrDefault("co2ResolvePpm", v.containsKey("co2HighPpm") && !v.containsKey("co2ResolvePpm")
                        ? v.get("co2HighPpm") - (base.co2HighPpm() - base.co2ResolvePpm()) : base.co2ResolvePpm()),
                v.getOrDefault("redInLessonMinutes", (double) base.redInLessonMinutes()).intValue(),
                v.getOrDefault("silentSettleMinutes", (double) base.silentSettleMinutes()).intValue(),
                v.getOrDefault("silentRepeatHours", (double) base.silentRepeatHours()).intValue(),
                v.getOrDefault("siteSilentMinRooms", (double) base.siteSilentMinRooms()).intValue(),
                v.getOrDefault("batteryPct", base.batteryPct()), volts,
                v.getOrDefault("driftBelowPpm", base.driftBelowPpm()),
                v.getOrDefault("driftAbovePpm", base.driftAbovePpm()),
                v.getOrDefault("driftDays", (double) base.driftDays()).intValue(),
                v.getOrDefault("windowDropK", base.windowDropK()),
                v.getOrDefault("windowMinutes", (double) base.windowMinutes()).intValue(),
                v.getOrDefault("windowCo2BelowPpm", base.windowCo2BelowPpm()), months,
                v.getOrDefault("escalateSchoolDays", (double) base.escalateSchoolDays()).intValue(), off);
        if (s.co2ResolvePpm() > s.co2HighPpm()) {
            p.error(at(path, "co2ResolvePpm"), "alert.resolve-above", fmt(s.co2ResolvePpm()), fmt(s.co2HighPpm()));
        }
        if (s.driftBelowPpm() >= s.driftAbovePpm()) {
            p.error(at(path, "driftBelowPpm"), "alert.drift-band", fmt(s.driftBelowPpm()), fmt(s.driftAbovePpm()));
        }
        return s;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String at(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static void only(JsonNode n, String path, Set<String> allowed, Problems p) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (allowed.contains(key)) continue;
            String near = Spelling.nearest(key, allowed);
            if (near != null) p.error(at(path, key), "key.unknown-near", key, near);
            else p.error(at(path, key), "key.unknown", key, String.join(", ", new TreeSet<>(allowed)));
        }
    }

    private static boolean object(JsonNode n, String path, String kind, Problems p) {
        if (n.isObject()) return true;
        p.error(path, "value.not-object", kind, n.getNodeType().name().toLowerCase());
        return false;
    }

    private static boolean list(JsonNode n, String path, Problems p) {
        if (n.isArray()) return true;
        p.error(path, "value.not-list", path, n.getNodeType().name().toLowerCase());
        return false;
    }

    private static Double number(JsonNode n, Num num, String path, Problems p) {
        JsonNode v = n.get(num.key());
        if (v == null || v.isNull()) return null;
        String where = at(path, num.key());
        if (!v.isNumber()) {
            p.error(where, "value.not-number", num.key(), v.toString());
            return null;
        }
        double d = v.asDouble();
        if (num.integer() && d != Math.rint(d)) {
            p.error(where, "value.not-integer", num.key(), v.asText());
            return null;
        }
        if (d < num.min() || d > num.max()) {
            p.error(where, "number.range", v.asText(), fmt(num.min()), fmt(num.max()));
            return null;
        }
        return d;
    }

    private static String text(JsonNode n, String key, String path, boolean required, Problems p) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (required) p.error(at(path, key), "value.missing", key);
            return null;
        }
        if (!v.isTextual()) {
            p.error(at(path, key), "value.not-text", key, v.toString());
            return null;
        }
        if (v.asText().isBlank()) {
            p.error(at(path, key), "value.blank", key);
            return null;
        }
        return v.asText().strip();
    }

    private static boolean bool(JsonNode n, String key, String path, Problems p) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) return false;
        if (!v.isBoolean()) {
            p.error(at(path, key), "alert.not-boolean", key, v.toString());
            return false;
        }
        return v.asBoolean();
    }

    private static String language(JsonNode n, String path, Problems p) {
        String lang = text(n, "language", path, false, p);
        if (lang != null && !lang.equals("de") && !lang.equals("en")) {
            p.error(at(path, "language"), "alert.language", lang);
            return null;
        }
        return lang;
    }
}
