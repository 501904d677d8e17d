package org.frischluft.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.alert.AlertChannel;
import org.frischluft.alert.AlertConfig;
import org.frischluft.alert.AlertConfigFile;
import org.frischluft.alert.AlertService;
import org.frischluft.alert.MailChannel;
import org.frischluft.alert.MqttChannel;
import org.frischluft.alert.StoredAlerts;
import org.frischluft.alert.WebhookChannel;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.ingest.MqttPublisher;
import org.frischluft.ingest.ReadingSink;
import org.frischluft.model.Reading;
import org.frischluft.rooms.ConfigException;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.SchoolVersion;
import org.frischluft.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the alert service of one installation: its settings from {@code alerts.json} beside the school file (the
 * defaults where there is none), its alerts in the history database, and its channels: e-mail per recipient,
 * webhooks, and MQTT on the first broker (a publisher of its own, not the ingest link).
 */
final class AlertWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertWiring.class);

    private final AlertService service;
    private final MqttPublisher publisher;

    private AlertWiring(AlertService service, MqttPublisher publisher) {
        this.service = service;
        this.publisher = publisher;
    }

    static AlertWiring start(Path schoolFile, SchoolModel model, Store store, List<BrokerConfig> brokers, Clock clock)
            throws ConfigException {
        Path file = AlertConfigFile.beside(schoolFile);
        AlertConfig config = file == null ? AlertConfig.standard() : AlertConfigFile.read(file, model);
        if (file != null && Files.exists(file)) LOG.info("alert settings from {}", file);
        StoredAlerts stored = new StoredAlerts(store.alerts());
        List<AlertChannel> channels = new ArrayList<>();
        if (config.smtp() != null) config.recipients().forEach(r -> channels.add(new MailChannel(config.smtp(), r)));
        config.webhooks().forEach(w -> channels.add(new WebhookChannel(w)));
        MqttPublisher publisher = null;
        if (config.mqtt() && !brokers.isEmpty()) {
            try {
                publisher = new MqttPublisher(brokers.get(0));
                channels.add(new MqttChannel(publisher::publish, stored.unresolved()));
            } catch (Exception e) {
                LOG.warn("alerts are not published on MQTT: {}", e.getMessage());
            }
        }
        AlertService service = new AlertService(config, model, stored, channels, clock);
        remember(service, model, store, clock.instant());
        return new AlertWiring(service, publisher);
    }

    /** How far back the history is read at start: enough for the light to learn a sensor's interval. */
    static final java.time.Duration REMEMBER = java.time.Duration.ofHours(6);

    /**
     * Each room's CO2 of the last hours from the history, so the rules know when it was last heard: a sensor that
     * went silent before a restart (a power cut at night) still gets its alert. A history that cannot answer costs
     * only that (logged).
     */
    static void remember(AlertService service, SchoolModel model, Store store, Instant now) {
        int rooms = 0;
        try {
            for (org.frischluft.rooms.Room room : model.rooms()) {
                org.frischluft.store.Co2Series s = store.reports().co2(room.id(), now.minus(REMEMBER), now.plusSeconds(1));
                if (s.size() == 0) continue;
                org.frischluft.model.DeviceId device = room.sensors().isEmpty()
                        ? org.frischluft.model.DeviceId.of(room.id().value()) : room.sensors().get(0).device();
                List<Reading> readings = new ArrayList<>(s.size());
                for (int i = 0; i < s.size(); i++) {
                    readings.add(Reading.of(device, Instant.ofEpochMilli(s.ms(i)), (double) s.value(i), null, null));
                }
                service.remember(room.id(), readings);
                rooms++;
            }
        } catch (RuntimeException e) {
            LOG.warn("alerts: the history could not say when the rooms last reported ({}); silence counts from now on",
                    e.getMessage());
            return;
        }
        if (rooms > 0) LOG.info("alerts: last {} h of {} room(s) read from the history", REMEMBER.toHours(), rooms);
    }

    AlertService service() {
        return service;
    }

    /** The ingest pipeline's {@code alerts} stage. */
    ReadingSink stage() {
        return new ReadingSink() {
            @Override
            public void accept(List<Reading> readings) {
                service.onReadings(readings);
            }

            @Override
            public void tick(Instant now) {
                service.tick(now);
            }

            @Override
            public void school(SchoolVersion version, Instant now) {
                service.school(version.model());
            }
        };
    }

    @Override
    public void close() {
        service.close();
        if (publisher != null) publisher.close();
    }
}
