package org.frischluft.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/**
 * The JSON of an alert event for machines (MQTT, webhooks): ids, names of room, building and site, value, times and
 * the words in German and English (or one language). Who acknowledged and their comment stay in the installation:
 * an outgoing message never names a person.
 */
public final class AlertJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertJson() {
    }

    /** One event; {@code languages} the texts to include ({@code de}, {@code en}). */
    public static ObjectNode event(AlertMessage m, List<String> languages) {
        Alert a = m.alert();
        ObjectNode n = alert(a, m);
        n.put("event", m.event().kind().id());
        n.put("time", m.event().time().toString());
        ObjectNode text = n.putObject("text");
        for (String lang : languages) {
            AlertTexts.Text t = m.text(lang);
            ObjectNode l = text.putObject(lang);
            l.put("subject", t.subject());
            l.put("body", t.body());
        }
        return n;
    }

    static ObjectNode alert(Alert a, AlertMessage names) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", a.id());
        n.put("rule", a.rule().id());
        n.put("severity", a.rule().severity());
        n.put("state", a.state().id());
        n.put("site", a.site().value());
        if (names != null) n.put("siteName", names.site());
        if (a.room() != null) n.put("room", a.room().value());
        if (names != null && !names.room().isEmpty()) n.put("roomName", names.room());
        if (names != null && !names.building().isEmpty()) n.put("building", names.building());
        if (a.value() != null) n.put("value", a.value());
        String unit = unit(a);
        if (unit != null) n.put("unit", unit);
        n.put("since", a.since().toString());
        n.put("opened", a.opened().toString());
        n.put("durationMinutes", a.duration().toMinutes());
        if (a.escalated() != null) n.put("escalated", a.escalated().toString());
        if (a.acknowledged() != null) n.put("acknowledged", a.acknowledged().toString());
        if (a.resolved() != null) n.put("resolved", a.resolved().toString());
        return n;
    }

    /** The open alerts of one site, as a JSON array (the retained state topic). */
    static byte[] open(Collection<Alert> alerts) {
        ArrayNode arr = JSON.createArrayNode();
        alerts.forEach(a -> arr.add(alert(a, null)));
        return bytes(arr);
    }

    private static String unit(Alert a) {
        return switch (a.rule()) {
            case CO2_HIGH, RED_IN_LESSON, DRIFT -> "ppm";
            case BATTERY_LOW -> a.value() != null && a.value() <= 5 ? "V" : "%";
            case WINDOW_OPEN -> "K";
            case SENSOR_SILENT -> null;
        };
    }

    public static byte[] bytes(Object node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
