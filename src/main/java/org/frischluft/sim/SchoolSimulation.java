package org.frischluft.sim;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.sim.RoomState.Window;
import org.frischluft.sim.Timetable.Kind;
import org.frischluft.sim.Timetable.Slot;

/**
 * The physics and the people of a school on a winter day: per room a single-zone CO2, heat and moisture balance
 * ({@link RoomAir}), a lesson {@link Timetable}, occupancy from a deterministic plan (some rooms stay empty,
 * some classes are out for the day), and teachers who air — or don't.
 *
 * <p>Air change rates per window state, drawn per room (window sizes differ): closed 0.2–0.5 /h (infiltration),
 * tilted 1–2 /h, wide open 6–15 /h. These follow the classic table of window ventilation rates (Recknagel,
 * Taschenbuch für Heizung + Klimatechnik: tilted 0.8–4 /h, wide open 9–15 /h, cross ventilation up to 40 /h),
 * kept conservative for one-sided classroom windows. With 28 people in 200 m³, a closed room rises by about
 * 2,500 ppm per hour and a tilted one settles near 2,100 ppm: tilted windows are not enough, as UBA/KMK say.
 *
 * <p>Teachers' habits are dealt per room from the seed: diligent (air in every break and 1–4 minutes after the
 * light turns yellow at 1,000 ppm, for 3–5 minutes as UBA recommends in winter), reactive (air late, when it is
 * close to red), tilters (tilt during lessons, never air wide) and neglectful (never air: these rooms go red).
 * The Aula/Mensa (any room over 600 m³) is full at lunch and aired by the caretaker.
 *
 * <p>Time advances in fixed {@link #TICK}s on a grid of the epoch, so the state at an instant depends only on the
 * seed, the start and that instant — not on how often {@link #step} is called. Not thread-safe: one thread
 * steps and reads.
 */
public final class SchoolSimulation {
    public static final double OUTDOOR_CO2_PPM = 420;
    public static final Duration TICK = Duration.ofSeconds(10);
    public static final ZoneId DEFAULT_ZONE = SchoolCalendar.DEFAULT_ZONE;

    static final double HALL_VOLUME_M3 = 600;
    private static final long TICK_S = TICK.getSeconds();
    private static final Duration WARM_UP = Duration.ofHours(3);
    /** When a demo school day starts: before the first lesson, rooms at outdoor level. */
    public static final LocalTime DEMO_MORNING = LocalTime.of(7, 40);

    /** How a room's teachers air. */
    enum Habit { DILIGENT, REACTIVE, TILTER, NEGLECTFUL }

    private final List<org.frischluft.rooms.Room> rooms;
    private final List<RoomSim> state;
    private final long seed;
    private final ZoneId zone;
    private final SchoolCalendar calendar;
    private final Timetable timetable;
    private long now; // epoch seconds, on the tick grid

    /**
     * @param start the simulation starts here (rounded down to the tick grid), after a silent warm-up of three
     *              hours so a start in the middle of a lesson shows a lesson's air
     */
    public SchoolSimulation(List<org.frischluft.rooms.Room> rooms, long seed, Instant start, SchoolCalendar calendar) {
        this.rooms = List.copyOf(rooms);
        this.seed = seed;
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.zone = calendar.zone();
        this.timetable = Timetable.of(calendar);
        long startS = Math.floorDiv(start.getEpochSecond(), TICK_S) * TICK_S;
        this.now = startS - WARM_UP.getSeconds();
        List<Habit> habits = dealHabits(this.rooms.size(), seed);
        this.state = new ArrayList<>(this.rooms.size());
        for (int i = 0; i < this.rooms.size(); i++) {
            state.add(new RoomSim(i, this.rooms.get(i), habits.get(i), seed));
        }
        advanceTo(startS);
    }

    /** The rooms of {@code model} on the calendar of its first site. */
    public static SchoolSimulation of(SchoolModel model, long seed, Instant start) {
        return new SchoolSimulation(model.rooms(), seed, start, calendarOf(model));
    }

    /** The calendar the simulator follows: the first site's (the German default for a model without sites). */
    public static SchoolCalendar calendarOf(SchoolModel model) {
        return model.sites().isEmpty() ? SchoolCalendar.germanDefault() : model.sites().get(0).calendar();
    }

    /** CO2 a room settles at with {@code people} inside and λ air changes per hour: C_out + G·n/(λ·V)·10⁶. */
    public static double steadyStatePpm(int people, double volumeM3, double airChangesPerHour) {
        return OUTDOOR_CO2_PPM + RoomAir.CO2_M3_PER_H_PER_PERSON * people / (airChangesPerHour * volumeM3) * 1e6;
    }

    /**
     * Where a demo's simulated time starts: {@code now} during the lessons of a school day, else the next school
     * morning at 07:40 (the calendar's: no weekend, holiday or public holiday) — so a demo started in the evening,
     * at the weekend or in the holidays still shows lessons.
     */
    public static Instant demoStart(Instant now, SchoolCalendar calendar) {
        ZonedDateTime local = now.atZone(calendar.zone());
        Timetable t = Timetable.of(calendar);
        LocalTime time = local.toLocalTime();
        if (calendar.isSchoolDay(local.toLocalDate()) && !time.isBefore(DEMO_MORNING) && time.isBefore(t.lastLesson())) {
            return now;
        }
        LocalDate day = time.isBefore(DEMO_MORNING) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return calendar.at(calendar.schoolDayOnOrAfter(day), DEMO_MORNING);
    }

    /** Advances to {@code time} in whole ticks; a time in the past does nothing. */
    public void step(Instant time) {
        advanceTo(time.getEpochSecond());
    }

    private void advanceTo(long epochSecond) {
        while (now + TICK_S <= epochSecond) {
            tick();
        }
    }

    /** The simulation's current time (on the tick grid). */
    public Instant time() {
        return Instant.ofEpochSecond(now);
    }

    public int size() {
        return rooms.size();
    }

    public List<org.frischluft.rooms.Room> rooms() {
        return rooms;
    }

    public Timetable timetable() {
        return timetable;
    }

    public RoomState state(int index) {
        return state.get(index).snapshot(Instant.ofEpochSecond(now));
    }

    public List<RoomState> states() {
        Instant t = Instant.ofEpochSecond(now);
        List<RoomState> out = new ArrayList<>(state.size());
        for (RoomSim r : state) out.add(r.snapshot(t));
        return List.copyOf(out);
    }

    /**
     * What the room's sensor reads now: CO2 with the error of a typical NDIR sensor (a fixed offset plus noise,
     * together within ±(30 ppm + 3 %)), in whole ppm; temperature and humidity with small noise; light and motion
     * from occupancy and daylight. Deterministic for the seed, the room and the time.
     */
    public SensorReading measure(int index) {
        RoomSim r = state.get(index);
        SplittableRandom noise = new SplittableRandom(TtnUplinks.mix(seed ^ TtnUplinks.mix(index + 1L) ^ now));
        double c = r.air.co2;
        double band = 30 + 0.03 * c;
        double error = Math.max(-band, Math.min(band, r.co2Bias * band + noise.nextGaussian() * (6 + 0.01 * c)));
        int co2 = (int) Math.round(Math.max(0, c + error));
        double temp = r.air.temperature + noise.nextGaussian() * 0.08;
        double rh = r.air.humidityPct() + noise.nextGaussian() * 0.6;
        LocalTime local = Instant.ofEpochSecond(now).atZone(zone).toLocalTime();
        int daylight = daylightLux(local);
        int light = r.occupants > 0 ? 320 + (int) (noise.nextDouble() * 180) + daylight / 4 : daylight;
        int motion = r.occupants > 0 ? Math.min(255, 3 + r.occupants / 2 + noise.nextInt(8)) : 0;
        double pressure = 1013.0 + 8 * Math.sin(now / 86_400.0 / 3) + noise.nextGaussian() * 0.2;
        int tvoc = (int) Math.max(5, 25 + (c - OUTDOOR_CO2_PPM) / 12 + noise.nextGaussian() * 3);
        return new SensorReading(Instant.ofEpochSecond(now), co2, temp, rh, light, motion, r.batteryMv(now),
                pressure, tvoc);
    }

    /** Winter daylight through classroom windows: 0 at night, up to about 150 lx at noon. */
    private static int daylightLux(LocalTime t) {
        double h = t.toSecondOfDay() / 3600.0;
        if (h < 8 || h > 16.5) return 0;
        return (int) Math.round(150 * Math.sin(Math.PI * (h - 8) / 8.5));
    }

    private void tick() {
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochSecond(now), zone);
        Slot slot = timetable.at(local);
        long slotKey = local.toLocalDate().toEpochDay() * 64 + (slot.kind() == Kind.OFF ? 63 : timetable.day().indexOf(slot));
        double hour = local.toLocalTime().toSecondOfDay() / 3600.0;
        double outdoorC = 4 - 2.5 * Math.cos(2 * Math.PI * (hour - 3) / 24); // coldest at 03:00, 6.5 °C at 15:00
        boolean heating = calendar.isSchoolDay(local.toLocalDate()) && hour >= 6 && hour < 17;
        double setpoint = heating ? 21.0 : 17.0;
        for (RoomSim r : state) {
            if (r.slotKey != slotKey) {
                r.enter(slot, slotKey, local.toLocalDate(), now);
            }
            r.behave(slot, now);
            boolean doorOpen = !r.hall && (slot.kind() == Kind.BREAK || slot.kind() == Kind.LUNCH);
            r.air.advance(TICK_S, r.occupants, r.window, doorOpen, outdoorC, setpoint);
        }
        now += TICK_S;
    }

    /** Deals habits by a seeded shuffle: about 40 % diligent, 30 % reactive, 15 % tilters, 15 % (at least one) neglectful. */
    static List<Habit> dealHabits(int n, long seed) {
        List<Habit> deck = new ArrayList<>(n);
        int neglectful = n == 0 ? 0 : Math.max(1, (int) Math.round(n * 0.15));
        int tilters = (int) Math.round(n * 0.15);
        int reactive = (int) Math.round(n * 0.30);
        for (int i = 0; i < n; i++) {
            deck.add(i < neglectful ? Habit.NEGLECTFUL
                    : i < neglectful + tilters ? Habit.TILTER
                    : i < neglectful + tilters + reactive ? Habit.REACTIVE : Habit.DILIGENT);
        }
        java.util.Collections.shuffle(deck, new java.util.Random(seed));
        return deck;
    }

    /** One room's mutable state. */
    private static final class RoomSim {
        final org.frischluft.rooms.Room config;
        final Habit habit;
        final boolean hall;
        final SplittableRandom rng;
        final long planSeed;
        final RoomAir air;
        final double threshold;
        final double co2Bias;
        final int batteryBaseMv;
        Window window = Window.CLOSED;
        long windowUntil = Long.MIN_VALUE;
        long openAt = Long.MAX_VALUE;
        long slotKey = Long.MIN_VALUE;
        int occupants;
        int lessonOccupants;

        RoomSim(int index, org.frischluft.rooms.Room config, Habit habit, long seed) {
            this.config = config;
            this.hall = config.volumeM3() >= HALL_VOLUME_M3;
            this.habit = hall ? Habit.REACTIVE : habit;
            this.planSeed = TtnUplinks.mix(seed * 31 + index);
            this.rng = new SplittableRandom(planSeed);
            double[] ach = {
                    0.2 + 0.3 * rng.nextDouble(),
                    1.0 + 1.0 * rng.nextDouble(),
                    6.0 + 9.0 * rng.nextDouble()};
            double volume = config.volumeM3() > 0 ? config.volumeM3() : 200;
            this.air = new RoomAir(volume, ach, OUTDOOR_CO2_PPM + 10, 18.5, 6.0);
            this.threshold = switch (this.habit) {
                case DILIGENT -> 1000;
                case REACTIVE -> hall ? 1200 : 1500 + 400 * rng.nextDouble();
                default -> Double.MAX_VALUE;
            };
            this.co2Bias = rng.nextDouble() * 0.6 - 0.3;
            this.batteryBaseMv = 3670 - rng.nextInt(260);
        }

        int batteryMv(long epochSecond) {
            return Math.max(2800, batteryBaseMv - (int) Math.floorMod(epochSecond / 86_400, 400));
        }

        RoomState snapshot(Instant t) {
            return new RoomState(config.id(), t, air.co2, air.temperature, air.humidityPct(), occupants, window,
                    batteryMv(t.getEpochSecond()));
        }

        /** Entering a new slot: who is in the room, and what the teacher does with the windows. */
        void enter(Slot slot, long key, LocalDate date, long now) {
            slotKey = key;
            openAt = Long.MAX_VALUE;
            int seats = Math.max(1, config.seats());
            switch (slot.kind()) {
                case LESSON -> {
                    occupants = lessonPlanned(date, slot.period()) ? people(seats, 0.8, key) + 1 : 0;
                    lessonOccupants = occupants;
                    if (window == Window.OPEN && habit != Habit.DILIGENT) {
                        windowUntil = Math.min(windowUntil, now + rng.nextInt(120));
                    } else if (window == Window.OPEN) {
                        windowUntil = Math.min(windowUntil, now + 60 + rng.nextInt(120));
                    }
                    if (window != Window.OPEN) window = baseline(true);
                }
                case BREAK, LUNCH -> {
                    boolean shortBreak = slot.minutes() <= 5;
                    if (hall) {
                        occupants = slot.kind() == Kind.LUNCH ? people(seats, 0.5, key) : 0;
                    } else if (shortBreak) {
                        occupants = (int) Math.round(lessonOccupants * 0.7);
                    } else {
                        occupants = lessonOccupants > 0 ? 2 : 0;
                    }
                    long end = now + slot.minutes() * 60;
                    if (habit == Habit.DILIGENT && !hall) {
                        open(now, Math.min(end, now + 600));
                    } else if (habit == Habit.REACTIVE && !hall && rng.nextDouble() < (shortBreak ? 0.35 : 0.5)) {
                        open(now, Math.min(end, now + 300));
                    } else if (window != Window.OPEN) {
                        window = Window.CLOSED;
                    }
                }
                case OFF -> {
                    occupants = 0;
                    lessonOccupants = 0;
                    window = Window.CLOSED;
                    windowUntil = Long.MIN_VALUE;
                }
            }
        }

        /** Every tick: close windows whose time is up; notice the air and open the windows after a delay. */
        void behave(Slot slot, long now) {
            if (window == Window.OPEN && now >= windowUntil) {
                window = baseline(slot.kind() == Kind.LESSON);
            }
            boolean watched = occupants > 0 && (slot.kind() == Kind.LESSON || (hall && slot.kind() == Kind.LUNCH));
            if (!watched || window == Window.OPEN) return;
            if (openAt == Long.MAX_VALUE && air.co2 >= threshold) {
                openAt = now + (habit == Habit.DILIGENT ? 60 + rng.nextInt(180) : 180 + rng.nextInt(420));
            }
            if (now >= openAt) {
                open(now, now + 180 + rng.nextInt(121)); // 3–5 minutes wide open, the UBA winter advice
                openAt = Long.MAX_VALUE;
            }
        }

        private void open(long now, long until) {
            window = Window.OPEN;
            windowUntil = until;
        }

        private Window baseline(boolean lesson) {
            return habit == Habit.TILTER && lesson && occupants > 0 ? Window.TILTED : Window.CLOSED;
        }

        /** Deterministic plan: is there a class in this room in this lesson? */
        private boolean lessonPlanned(LocalDate date, int period) {
            long day = date.toEpochDay();
            if (hall) return unit(planSeed, day, 100 + period) < 0.1; // an assembly or a rehearsal now and then
            if (unit(planSeed, day, 0) < 0.08) return false; // the class is out today (excursion, exams elsewhere)
            boolean friday = date.getDayOfWeek() == DayOfWeek.FRIDAY;
            double p = period <= 6 ? 0.85 : friday ? 0.0 : 0.45;
            return unit(planSeed, day, period) < p;
        }

        private int people(int seats, double minShare, long key) {
            double share = minShare + (1 - minShare) * unit(planSeed, key, 7);
            return (int) Math.round(seats * share);
        }

        private static double unit(long a, long b, long c) {
            long h = TtnUplinks.mix(a ^ TtnUplinks.mix(b * 0x9E3779B97F4A7C15L + c));
            return (h >>> 11) * 0x1.0p-53;
        }
    }
}
