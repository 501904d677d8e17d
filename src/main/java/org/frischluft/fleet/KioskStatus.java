package org.frischluft.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a kiosk says about itself on {@code frischluft/<site>/kiosk/<id>/status} (retained JSON): whether it is
 * online, its pairing code while it has no room, the room and config version it applied, what it shows now (the
 * light and when the value was measured), its app version, since when it runs, and the configurations it refused.
 * Its last will on the same topic is the bare word {@code offline}.
 *
 * @param code      pairing code while unpaired, else null
 * @param room      room id it shows, or null
 * @param light     the light shown (GREEN, YELLOW, RED, BLUE, GREY), or null before a room
 * @param valueAt   when the value shown was measured, or null
 * @param refusals  refused configuration messages by reason since the start
 */
public record KioskStatus(String kiosk, String site, boolean online, String code, String room, long configVersion,
                          String light, Instant valueAt, String appVersion, Instant startedAt,
                          Map<Refusal.Reason, Integer> refusals, Refusal lastRefusal, Instant at) {
    public static final String OFFLINE = "offline";

    public KioskStatus {
        Objects.requireNonNull(kiosk, "kiosk");
        refusals = Map.copyOf(refusals);
    }

    public int refusalCount() {
        return refusals.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The same status, offline (its last will arrived). */
    public KioskStatus offline(Instant when) {
        return new KioskStatus(kiosk, site, false, code, room, configVersion, light, valueAt, appVersion, startedAt,
                refusals, lastRefusal, when);
    }

    public byte[] toJson() {
        ObjectNode o = ConfigMessage.JSON.createObjectNode();
        o.put("kiosk", kiosk).put("site", site).put("state", online ? "online" : OFFLINE);
        if (code != null) o.put("code", code);
        if (room != null) o.put("room", room);
        o.put("configVersion", configVersion);
        if (light != null) o.put("light", light);
        if (valueAt != null) o.put("valueAt", valueAt.toString());
        if (appVersion != null) o.put("appVersion", appVersion);
        if (startedAt != null) o.put("startedAt", startedAt.toString());
        ObjectNode r = o.putObject("refusals");
        refusals.forEach((k, v) -> r.put(k.key(), v));
        if (lastRefusal != null) {
            o.putObject("lastRefusal").put("reason", lastRefusal.reason().key()).put("detail", lastRefusal.detail())
                    .put("at", lastRefusal.at().toString());
        }
        if (at != null) o.put("at", at.toString());
        try {
            return ConfigMessage.JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A status message as received; {@code offline} (the last will) gives null here: the registry keeps what it knew
     * and marks it offline.
     *
     * @throws IllegalArgumentException when it is neither JSON status nor {@code offline}
     */
    public static KioskStatus parse(String kioskFromTopic, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.equals(OFFLINE)) return null;
        JsonNode o;
        try {
            o = ConfigMessage.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a kiosk status: " + e.getMessage());
        }
        if (o == null || !o.isObject()) throw new IllegalArgumentException("not a kiosk status object");
        Map<Refusal.Reason, Integer> refusals = new EnumMap<>(Refusal.Reason.class);
        JsonNode r = o.path("refusals");
        for (Refusal.Reason reason : Refusal.Reason.values()) {
            if (r.has(reason.key())) refusals.put(reason, r.get(reason.key()).asInt());
        }
        Refusal last = null;
        JsonNode lr = o.path("lastRefusal");
        if (lr.isObject()) {
            for (Refusal.Reason reason : Refusal.Reason.values()) {
                if (reason.key().equals(lr.path("reason").asText())) {
                    last = new Refusal(reason, lr.path("detail").asText(""), instant(lr.path("at").asText(null)));
                }
            }
        }
        return new KioskStatus(kioskFromTopic, text(o, "site"), !OFFLINE.equals(o.path("state").asText()), text(o, "code"),
                text(o, "room"), o.path("configVersion").asLong(0), text(o, "light"), instant(text(o, "valueAt")),
                text(o, "appVersion"), instant(text(o, "startedAt")), refusals, last, instant(text(o, "at")));
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Instant instant(String s) {
        if (s == null) return null;
        try {
            return Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
