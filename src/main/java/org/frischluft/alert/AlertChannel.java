package org.frischluft.alert;

/**
 * One way alerts leave the installation (e-mail, MQTT, webhook). Called only on the {@code alert-out} thread, never
 * on the ingest worker; a send that throws is retried later and counted.
 */
public interface AlertChannel {
    /** e.g. {@code mail}, {@code mqtt}, {@code webhook}: in logs and counters. */
    String name();

    /** Whether this channel sends {@code m} at all (e.g. e-mail skips acknowledgements). */
    default boolean wants(AlertMessage m) {
        return true;
    }

    /** Sends {@code m}; throws when it could not (then it is tried again). */
    void send(AlertMessage m) throws Exception;
}
