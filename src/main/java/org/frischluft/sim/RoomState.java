package org.frischluft.sim;

import java.time.Instant;
import java.util.Objects;
import org.frischluft.model.RoomId;

/**
 * The true state of one simulated room at one moment (before sensor noise).
 *
 * @param occupants people in the room (pupils and teacher)
 * @param window    how the windows are open
 * @param batteryMv the sensor's supply voltage
 */
public record RoomState(RoomId room, Instant time, double co2Ppm, double temperatureC, double humidityPct,
                        int occupants, Window window, int batteryMv) {
    /** How far the windows are open. */
    public enum Window { CLOSED, TILTED, OPEN }

    public RoomState {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(window, "window");
    }

    /** True while the windows are wide open (Stoßlüften). */
    public boolean airing() {
        return window == Window.OPEN;
    }
}
