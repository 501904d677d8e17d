package org.frischluft.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything a screen needs about one room at one moment; immutable, handed from the ingest side to the FX
 * thread. Metric values are the latest known per metric (a partial frame keeps the previous temperature).
 *
 * @param co2         latest CO2 in ppm, null if never seen
 * @param temperature latest temperature in °C, null if never seen
 * @param humidity    latest relative humidity in %, null if never seen
 * @param batteryPct  latest battery in %, null if unknown
 * @param lastReading time of the latest CO2 reading, null if never seen
 */
public record RoomSnapshot(
        RoomId room,
        DeviceId device,
        Double co2,
        Double temperature,
        Double humidity,
        Double batteryPct,
        Instant lastReading,
        Assessment assessment) {
    public RoomSnapshot {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(assessment, "assessment");
    }

    public Light light() {
        return assessment.light();
    }
}
