package org.frischluft.assess;

import java.time.Duration;
import java.time.Instant;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.frischluft.model.Assessment;
import org.frischluft.model.Light;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;
import org.frischluft.rooms.ComfortLimits;
import org.frischluft.rooms.Profile;

/**
 * The light of one room from its readings, as a pure function of the readings added so far, the profile and
 * the instant asked about. A facade over four parts:
 *
 * <ul>
 *   <li>Colour ({@link LightMachine}): the profile's thresholds with hysteresis and a hold time each way; a
 *   reading far past a threshold changes the light at once (see {@link Profile}). While a change waits for its
 *   hold, the assessment names its direction ({@link Assessment#pending()}).</li>
 *   <li>Staleness ({@link UplinkIntervals}): each device's uplink interval is learnt as the median of its recent
 *   gaps (bounded by the options); after about three missed uplinks the light is GREY, from the instant it would
 *   have turned grey.</li>
 *   <li>Signs ({@link ComfortSigns}): temperature (ASR A3.5), humidity and battery against the room's
 *   {@link ComfortLimits}; they never change the colour.</li>
 *   <li>Airing coach ({@link AiringCoach}): "yellow (red) in about N minutes" while CO2 rises and "about N more
 *   minutes, then close the windows" while the room is aired; silent unless its fit is good, never changing the
 *   colour.</li>
 * </ul>
 * Readings may arrive in any order and twice; a reading older than one already used for the colour still feeds
 * the fit and the interval, but does not rewrite the colour's history. Not thread-safe: one instance per room,
 * owned by one thread.
 */
public final class RoomAssessor {
    /** How much of the CO2 and temperature series is kept: enough for the coach's windows. */
    private static final Duration KEEP = Duration.ofMinutes(40);
    /**
     * And at most this many points per series (40 minutes of a sensor sending every 5 s): a device that sends
     * far more often, or a burst of late deliveries, costs the oldest points rather than the kiosk's memory.
     */
    static final int KEEP_MAX = 480;

    private final Profile profile;
    private final UplinkIntervals intervals;
    private final LightMachine colour;
    private final ComfortSigns signs;
    private final AiringCoach coach;

    private final NavigableMap<Instant, Double> co2 = new TreeMap<>();
    private final NavigableMap<Instant, Double> temperature = new TreeMap<>();
    private Instant firstAsked;

    /** An assessor with the default comfort limits and options. */
    public RoomAssessor(Profile profile) {
        this(profile, ComfortLimits.DEFAULT, AssessorOptions.defaults());
    }

    /** An assessor with the default comfort limits. */
    public RoomAssessor(Profile profile, AssessorOptions options) {
        this(profile, ComfortLimits.DEFAULT, options);
    }

    /** An assessor whose signs (too cold, too dry, low battery …) begin at {@code comfort}. */
    public RoomAssessor(Profile profile, ComfortLimits comfort, AssessorOptions options) {
        this(profile, comfort, options, LightMachine.HoldRule.NEXT_READING);
    }

    /** With another rule for completing a hold, to measure it against the one in use. */
    RoomAssessor(Profile profile, ComfortLimits comfort, AssessorOptions options, LightMachine.HoldRule rule) {
        this.profile = Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(comfort, "comfort");
        Objects.requireNonNull(options, "options");
        this.intervals = new UplinkIntervals(options);
        this.colour = new LightMachine(profile, Objects.requireNonNull(rule, "rule"));
        this.signs = new ComfortSigns(comfort);
        this.coach = new AiringCoach(profile, options);
    }

    public Profile profile() {
        return profile;
    }

    /** Adds a reading of a device in this room; uses CO2, temperature, humidity and battery. */
    public void add(Reading reading) {
        Instant t = reading.time();
        Double c = reading.co2();
        boolean withCo2 = c != null && Metric.CO2.isPlausible(c);
        intervals.add(reading.device(), t, withCo2);
        if (withCo2) co2.put(t, c);
        Double temp = reading.temperature();
        if (temp != null && Metric.TEMPERATURE.isPlausible(temp)) temperature.put(t, temp);
        signs.add(reading);
        Instant newest = co2.isEmpty() ? t : co2.lastKey();
        Instant cut = newest.minus(KEEP);
        trim(co2, cut);
        trim(temperature, cut);
    }

    private static void trim(NavigableMap<Instant, Double> series, Instant cut) {
        while (series.size() > 2 && series.firstKey().isBefore(cut)) series.pollFirstEntry();
        while (series.size() > KEEP_MAX) series.pollFirstEntry();
    }

    /** How many CO2 and temperature points are kept (for the bound's test). */
    int keptPoints() {
        return co2.size() + temperature.size();
    }

    /** What the room's light shows at {@code now}. */
    public Assessment assess(Instant now) {
        if (firstAsked == null) firstAsked = now;
        Duration allowance = intervals.staleAllowance();
        colour.advance(co2, now, intervals.longest(), allowance);
        Instant greyAt = greyAt();
        Duration interval = expectedInterval();
        Light light = colour.light();
        if (light == null || greyAt == null || !now.isBefore(greyAt)) {
            Instant since = light == null || greyAt == null ? firstAsked : greyAt;
            return new Assessment(Light.GREY, since, null, signs.whileGrey(), interval);
        }
        return new Assessment(light, colour.since(), coach.advise(now, light, co2, temperature, intervals.longest()),
                signs.current(now.minus(allowance)), interval, colour.pending());
    }

    /**
     * The instant the light turns grey if no further CO2 reading comes, or null before any CO2 reading: the
     * latest CO2 reading of any device in the room plus its staleness allowance.
     */
    public Instant greyAt() {
        return intervals.greyAt();
    }

    /** The learnt uplink interval of the room's most recent CO2 device, or null while none is learnt. */
    public Duration expectedInterval() {
        return intervals.expectedInterval();
    }
}
