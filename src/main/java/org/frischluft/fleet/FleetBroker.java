package org.frischluft.fleet;

import java.util.Objects;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/** The broker the fleet talks over: URL and the account (kiosk or admin); never logged with its password. */
public record FleetBroker(String url, String username, String password) {
    public FleetBroker {
        Objects.requireNonNull(url, "url");
    }

    MqttConnectOptions options() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(true);
        o.setConnectionTimeout(5);
        o.setKeepAliveInterval(20);
        o.setMaxReconnectDelay(5_000);
        if (username != null) o.setUserName(username);
        if (password != null) o.setPassword(password.toCharArray());
        return o;
    }

    @Override
    public String toString() {
        return url + (username == null ? "" : " as " + username);
    }
}
