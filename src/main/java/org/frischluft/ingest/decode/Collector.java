package org.frischluft.ingest.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.frischluft.ingest.codec.Frame;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;

/**
 * Collects the metrics of one message: converts numbers given as 776, 776.0 or "776", drops sentinels and
 * implausible values with a reason, and builds the {@link DecodeResult.Decoded}. One per message, one thread.
 */
final class Collector {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?");

    private final DeviceId device;
    private final Instant time;
    private final EnumMap<Metric, Double> values = new EnumMap<>(Metric.class);
    private final List<Reading> older = new ArrayList<>(0);
    private final List<String> dropped = new ArrayList<>(0);
    private boolean simulated;

    Collector(DeviceId device, Instant time) {
        this.device = device;
        this.time = time;
    }

    DeviceId device() {
        return device;
    }

    boolean has(Metric m) {
        return values.containsKey(m);
    }

    /** True when a metric was read or dropped, i.e. the source had something to say. */
    boolean touched() {
        return !values.isEmpty() || !dropped.isEmpty() || !older.isEmpty();
    }

    void simulated(boolean s) {
        simulated = s;
    }

    /** A reason why no metric could be read, e.g. "no-decoder: ...". */
    void note(String reason) {
        dropped.add(reason);
    }

    static String slug(Metric m) {
        return m.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Puts a JSON value (number or numeric string) scaled as {@code raw * scale + offset}; absent when null. */
    void put(Metric m, JsonNode n, double scale, double offset) {
        if (n == null || n.isNull() || n.isMissingNode() || has(m)) return;
        if (n.isObject() && n.has("value")) {
            n = n.get("value");
        }
        Double raw = number(n);
        if (raw == null) {
            dropped.add("invalid-" + slug(m) + ": " + (n.isTextual() ? '"' + shorten(n.textValue()) + '"' : shorten(n.toString())));
            return;
        }
        put(m, raw * scale + offset);
    }

    void put(Metric m, JsonNode n) {
        put(m, n, 1, 0);
    }

    void put(Metric m, double v) {
        if (has(m)) return;
        if (!m.isPlausible(v)) {
            dropped.add("implausible-" + slug(m) + ": " + format(v) + " " + m.unit());
            return;
        }
        values.put(m, v);
    }

    /** Puts a value given as text (ESPHome, Home Assistant): "812", "21.46", "nan", "None". */
    void putText(Metric m, String text) {
        String t = text.strip();
        if (NUMBER.matcher(t).matches()) {
            put(m, Double.parseDouble(t));
        } else {
            dropped.add("invalid-" + slug(m) + ": \"" + shorten(t) + '"');
        }
    }

    /** Adds what a byte decoder read; older samples become readings with their own times. */
    void frame(Frame f) {
        for (String inv : f.invalid()) {
            int eq = inv.indexOf('=');
            dropped.add("invalid-" + inv.substring(0, eq) + ": " + inv.substring(eq + 1));
        }
        List<Frame.Sample> samples = f.samples();
        for (int i = 0; i < samples.size(); i++) {
            Frame.Sample s = samples.get(i);
            if (i == 0 && s.absolute() == null && s.secondsBefore() == 0) {
                s.values().forEach(this::put);
            } else {
                older(s.timeFor(time), s.values());
            }
        }
    }

    /** An older sample {@code secondsBefore} this message's time; {@code at} wins when given. */
    void older(Instant at, Map<Metric, Double> raw, long secondsBefore) {
        older(at != null ? at : time.minusSeconds(secondsBefore), raw);
    }

    /** An older sample carried in the same message, with its own time. */
    void older(Instant at, Map<Metric, Double> raw) {
        EnumMap<Metric, Double> ok = new EnumMap<>(Metric.class);
        raw.forEach((m, v) -> {
            if (v != null && m.isPlausible(v)) {
                ok.put(m, v);
            } else if (v != null) {
                dropped.add("implausible-" + slug(m) + ": " + format(v) + " " + m.unit() + " (history " + at + ")");
            }
        });
        if (!ok.isEmpty()) older.add(new Reading(device, at, ok));
    }

    private String model;
    private String modelSource;

    /** The raw frame was read with {@code model}'s decoder, known from {@code source} (see {@link DecodeResult.Decoded}). */
    void model(String model, String source) {
        this.model = model;
        this.modelSource = source;
    }

        DecodeResult.Decoded result() {
        List<Reading> out = new ArrayList<>(1 + older.size());
        if (!values.isEmpty()) out.add(new Reading(device, time, values, model, modelSource));
        for (Reading r : older) out.add(model == null ? r : r.withModel(model, modelSource));
        return new DecodeResult.Decoded(out, dropped, simulated, model, modelSource);
    }

    static Double number(JsonNode n) {
        if (n == null) return null;
        if (n.isNumber()) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        if (n.isTextual()) {
            String t = n.textValue().strip();
            if (NUMBER.matcher(t).matches()) return Double.parseDouble(t);
        }
        return null;
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
