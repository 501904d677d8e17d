package org.frischluft.alert;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frischluft.model.SiteId;

/**
 * Alert events on MQTT for Home Assistant, Node-RED or a city platform: each event as JSON on
 * {@code frischluft/<site>/alerts}, QoS 1, <b>not retained</b> — an event happens once, and a retained one would reach
 * every new subscriber again as if it were news (an automation would fire on each reconnect, and the last event of
 * one room would hide the others). What is open now goes retained on {@code frischluft/<site>/alerts/open} (a JSON
 * array, replaced on each change), so a dashboard that subscribes late still sees the current state.
 */
public final class MqttChannel implements AlertChannel {
    /** Sends bytes on a topic (the ingest side's publisher; the alert feature speaks no MQTT itself). */
    @FunctionalInterface
    public interface Publisher {
        void publish(String topic, byte[] payload, boolean retained) throws Exception;
    }

    private final Publisher publisher;
    private final Map<SiteId, Map<Long, Alert>> open = new HashMap<>(); // alert-out thread only

    /** {@code unresolved}: what is open at start (after a restart). */
    public MqttChannel(Publisher publisher, Collection<Alert> unresolved) {
        this.publisher = publisher;
        unresolved.forEach(a -> open.computeIfAbsent(a.site(), s -> new LinkedHashMap<>()).put(a.id(), a));
    }

    public static String topic(SiteId site) {
        return "frischluft/" + site.value() + "/alerts";
    }

    @Override
    public String name() {
        return "mqtt";
    }

    @Override
    public void send(AlertMessage m) throws Exception {
        Alert a = m.alert();
        Map<Long, Alert> site = open.computeIfAbsent(a.site(), s -> new LinkedHashMap<>());
        if (a.state() == AlertState.RESOLVED) site.remove(a.id());
        else site.put(a.id(), a);
        publisher.publish(topic(a.site()), AlertJson.bytes(AlertJson.event(m, List.of("de", "en"))), false);
        publisher.publish(topic(a.site()) + "/open", AlertJson.open(site.values()), true);
    }
}
