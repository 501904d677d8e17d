package org.frischluft.rooms.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.frischluft.rooms.Problems;
import org.frischluft.rooms.Spelling;

/**
 * A JSON value with its path in the file ({@code sites[0].buildings[1].floors[0]}), whose typed reads record a
 * problem (and return empty) instead of throwing, so a reader walks the whole file and reports everything.
 */
final class Node {
    final JsonNode json;
    final String path;
    final Problems problems;

    Node(JsonNode json, String path, Problems problems) {
        this.json = json == null ? MissingNode.getInstance() : json;
        this.path = path;
        this.problems = problems;
    }

    /** The path of {@code key} below this node. */
    String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        JsonNode v = json.get(key);
        return v != null && !v.isNull();
    }

    Node get(String key) {
        return new Node(json.get(key), at(key), problems);
    }

    /** Reports every key not in {@code allowed}, with the nearest allowed key when one is close. */
    void only(Set<String> allowed) {
        if (!json.isObject()) return;
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (allowed.contains(key)) continue;
            String near = Spelling.nearest(key, allowed);
            if (near != null) problems.error(at(key), "key.unknown-near", key, near);
            else problems.error(at(key), "key.unknown", key, String.join(", ", allowed.stream().sorted().toList()));
        }
    }

    /** True if this is an object; else a problem "must be an object" (kind: what it describes). */
    boolean object(String kind) {
        if (json.isObject()) return true;
        problems.error(path, "value.not-object", kind, shape(json));
        return false;
    }

    /** The elements of the list at {@code key}; empty (and a problem if present but no list) otherwise. */
    List<Node> list(String key, boolean required) {
        JsonNode v = json.get(key);
        List<Node> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            if (required) problems.error(at(key), "value.missing", key);
            return out;
        }
        if (!v.isArray()) {
            problems.error(at(key), "value.not-list", key, shape(v));
            return out;
        }
        for (int i = 0; i < v.size(); i++) out.add(new Node(v.get(i), at(key) + "[" + i + "]", problems));
        return out;
    }

    /** Non-blank text at {@code key}, stripped. */
    Optional<String> text(String key, boolean required) {
        JsonNode v = json.get(key);
        if (v == null || v.isNull()) {
            if (required) problems.error(at(key), "value.missing", key);
            return Optional.empty();
        }
        if (!v.isTextual()) {
            problems.error(at(key), "value.not-text", key, shape(v));
            return Optional.empty();
        }
        String s = v.textValue().strip();
        if (s.isEmpty()) {
            if (required) problems.error(at(key), "value.blank", key);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** A number in {@code [min, max]} at {@code key}. */
    OptionalDouble number(String key, double min, double max, boolean required) {
        JsonNode v = json.get(key);
        if (v == null || v.isNull()) {
            if (required) problems.error(at(key), "value.missing", key);
            return OptionalDouble.empty();
        }
        if (!v.isNumber()) {
            problems.error(at(key), "value.not-number", key, shape(v));
            return OptionalDouble.empty();
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d) || d < min || d > max) {
            problems.error(at(key), "number.range", v.asText(), fmt(min), fmt(max));
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(d);
    }

    /** A whole number in {@code [min, max]} at {@code key}. */
    Optional<Integer> integer(String key, int min, int max, boolean required) {
        JsonNode v = json.get(key);
        if (v != null && v.isNumber() && !v.canConvertToExactIntegral()) {
            problems.error(at(key), "value.not-integer", key, v.asText());
            return Optional.empty();
        }
        OptionalDouble d = number(key, min, max, required);
        return d.isPresent() ? Optional.of((int) d.getAsDouble()) : Optional.empty();
    }

    /** How a value looks, for messages: "a number (12)", "a list", "nothing (null)". */
    static String shape(JsonNode v) {
        if (v == null || v.isMissingNode()) return "–";
        if (v.isNull()) return "null";
        if (v.isTextual()) return "\"" + cut(v.textValue()) + "\"";
        if (v.isNumber() || v.isBoolean()) return v.asText();
        if (v.isArray()) return "[…]";
        return "{…}";
    }

    static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 39) + "…";
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

}
