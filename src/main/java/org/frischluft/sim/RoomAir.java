package org.frischluft.sim;

/**
 * The air of one room as a single, well-mixed zone (mutable; confined to the simulation's thread). Inputs are
 * held constant over a step, so every quantity follows the exact solution of its linear balance
 * {@code dX/dt = a − b·X}, {@code X(t+h) = X∞ + (X − X∞)·e^(−b·h)}: stable for any step, no integration error.
 *
 * <ul>
 * <li>CO2: {@code dC/dt = G·n/V·1e6 + λ·(C_out − C)} with G = {@value #CO2_M3_PER_H_PER_PERSON} m³/h per person,
 *     so the steady state is {@code C_out + G·n/(λ·V)·1e6}.</li>
 * <li>Temperature: the heating pulls towards its set point (rate {@value #HEATING_PER_H}/h, standing for the
 *     radiators and the walls' stored heat), people warm the room, and the exchanged air pulls towards outdoors
 *     with {@value #AIR_COUPLING}·λ (most of the fresh air's chill goes into walls and furniture).</li>
 * <li>Humidity: absolute moisture with {@value #MOISTURE_G_PER_H_PER_PERSON} g/h per person; surfaces buffer
 *     moisture, modelled as an extra {@value #MOISTURE_BUFFER_PER_H}/h exchange. Relative humidity from the
 *     Magnus formula.</li>
 * </ul>
 */
final class RoomAir {
    /** 18 L/h CO2 per person: a typical literature value for people sitting quietly (adults ≈ 18–20 L/h). */
    static final double CO2_M3_PER_H_PER_PERSON = 0.018;
    static final double HEATING_PER_H = 4.0;
    static final double AIR_COUPLING = 0.15;
    static final double PERSON_HEAT_K_PER_H_IN_200_M3 = 0.06;
    static final double MOISTURE_G_PER_H_PER_PERSON = 40;
    static final double MOISTURE_BUFFER_PER_H = 0.8;
    /** Extra exchange with the corridor while the door stands open in breaks. */
    static final double DOOR_ACH = 1.0;
    /** Winter outdoor air: about 4 °C at 80 % RH. */
    static final double OUTDOOR_MOISTURE_G_M3 = 5.1;

    final double volumeM3;
    private final double[] airChangesPerHour;
    double co2;
    double temperature;
    double moisture;

    /**
     * @param airChangesPerHour λ per window state, indexed by {@link RoomState.Window#ordinal()}
     */
    RoomAir(double volumeM3, double[] airChangesPerHour, double co2, double temperature, double moisture) {
        if (volumeM3 <= 0) throw new IllegalArgumentException("volume must be positive");
        this.volumeM3 = volumeM3;
        this.airChangesPerHour = airChangesPerHour.clone();
        this.co2 = co2;
        this.temperature = temperature;
        this.moisture = moisture;
    }

    double airChangesPerHour(RoomState.Window window) {
        return airChangesPerHour[window.ordinal()];
    }

    /**
     * Advances by {@code seconds} with constant occupants, windows, door, outdoor temperature and heating set
     * point. An open door adds {@value #DOOR_ACH}/h of corridor air (treated like outdoor air: a simplification).
     */
    void advance(double seconds, int people, RoomState.Window window, boolean doorOpen, double outdoorC,
                 double setpointC) {
        double h = seconds / 3600.0;
        double lambda = airChangesPerHour(window) + (doorOpen ? DOOR_ACH : 0);

        double co2Eq = SchoolSimulation.steadyStatePpm(people, volumeM3, lambda);
        co2 = co2Eq + (co2 - co2Eq) * Math.exp(-lambda * h);

        double people200 = PERSON_HEAT_K_PER_H_IN_200_M3 * people * 200.0 / volumeM3;
        double b = HEATING_PER_H + AIR_COUPLING * lambda;
        double tEq = (HEATING_PER_H * setpointC + people200 + AIR_COUPLING * lambda * outdoorC) / b;
        temperature = tEq + (temperature - tEq) * Math.exp(-b * h);

        double lambdaH = lambda + MOISTURE_BUFFER_PER_H;
        double xEq = OUTDOOR_MOISTURE_G_M3 + MOISTURE_G_PER_H_PER_PERSON * people / (lambdaH * volumeM3);
        moisture = xEq + (moisture - xEq) * Math.exp(-lambdaH * h);
    }

    double humidityPct() {
        return Math.max(5, Math.min(100, 100 * moisture / saturationMoisture(temperature)));
    }

    /** Water vapour density at saturation in g/m³ (Magnus formula over water). */
    static double saturationMoisture(double tempC) {
        double hPa = 6.112 * Math.exp(17.62 * tempC / (243.12 + tempC));
        return 216.7 * hPa / (273.15 + tempC);
    }
}
