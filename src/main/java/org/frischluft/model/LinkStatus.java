package org.frischluft.model;

import java.time.Instant;
import java.util.Objects;

/** State of one broker connection, data like any other, shown on every screen. Never holds credentials. */
public record LinkStatus(String broker, State state, Instant since, String detail) {
    public enum State { CONNECTING, CONNECTED, RECONNECTING, DISCONNECTED }

    public LinkStatus {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        detail = detail == null ? "" : detail;
    }
}
