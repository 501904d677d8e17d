package org.frischluft.ui.city;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.frischluft.live.LiveState;
import org.frischluft.model.Light;
import org.frischluft.model.RoomId;
import org.frischluft.model.RoomSnapshot;
import org.frischluft.model.Sign;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.RoomLocation;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.ui.common.AlertFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The city's summaries, worked out off the FX thread: on its own thread ({@code city-aggregate}, once a second)
 * it drains its own feed of the live state, keeps the latest snapshot per room, recomputes the summary of each
 * site that changed and publishes one numbered {@link CityState}; the FX thread takes the newest on its pump
 * tick (latest wins, one state per tick however many messages arrived). Tests call {@link #compute()} directly.
 */
public final class CityAggregator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CityAggregator.class);
    static final long FIRST_EVERY_MS = 200;
    static final long EVERY_MS = 1_000;

    private final LiveState.Feed feed;
    private final Supplier<SchoolModel> model;
    private final AlertFeed alerts;
    private final Map<RoomId, RoomSnapshot> latest = new HashMap<>();
    private final Map<SiteId, SiteSummary> summaries = new LinkedHashMap<>();
    private final Map<SiteId, List<RoomRef>> problemsBySite = new HashMap<>();
    private final Map<RoomId, RoomRef> refs = new HashMap<>();
    private final Set<SiteId> dirty = new HashSet<>();
    private final AtomicReference<CityState> current = new AtomicReference<>(CityState.EMPTY);
    private SchoolModel indexed;
    private Map<RoomId, RoomLocation> where = Map.of();
    private long alertsVersion = -1;
    private Map<SiteId, Integer> openAlerts = Map.of();
    private long version;
    private ScheduledExecutorService thread;

    public CityAggregator(LiveState live, Supplier<SchoolModel> model, AlertFeed alerts) {
        this.feed = Objects.requireNonNull(live, "live").subscribe();
        this.model = Objects.requireNonNull(model, "model");
        this.alerts = alerts == null ? AlertFeed.NONE : alerts;
        for (RoomSnapshot s : live.rooms()) latest.put(s.room(), s);
    }

    /**
     * Computes on the {@code city-aggregate} thread (a daemon): every 200 ms until the first reading is counted (so
     * the first content is not held back), then once a second: a site card is a summary, and at 1,000 msg/s a new
     * state every tick would cost the FX thread a pass over every visible card five times a second for CO2 values
     * nobody reads that fast.
     */
    public CityAggregator start() {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "city-aggregate");
            t.setDaemon(true);
            return t;
        });
        thread.schedule(this::round, 0, TimeUnit.MILLISECONDS);
        return this;
    }

    private void round() {
        CityState s = null;
        try {
            s = compute();
        } catch (RuntimeException e) { // one bad round must not end the summaries
            LOG.error("city summaries failed", e);
        }
        boolean heard = s != null && s.sites().stream().anyMatch(x -> x.grey() < x.rooms() || x.silent() > 0);
        try {
            thread.schedule(this::round, heard ? EVERY_MS : FIRST_EVERY_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closed meanwhile
        }
    }

    /**
     * The city before any reading: every site with all its rooms "no data", in the file's order. The city view shows
     * it while the back end opens, so the sites are on screen at once and their counts follow.
     */
    public static CityState beforeAnyReading(SchoolModel model) {
        CityAggregator a = new CityAggregator(new LiveState(), () -> model, null);
        try {
            return a.compute();
        } finally {
            a.close();
        }
    }

    /** The newest state (any thread). */
    public CityState current() {
        return current.get();
    }

    /** One round: drain, recompute the changed sites, publish a new state if anything changed. */
    public synchronized CityState compute() {
        SchoolModel m = model.get();
        if (m != indexed) {
            indexed = m;
            where = new HashMap<>();
            for (RoomLocation l : m.roomLocations()) where.put(l.room().id(), l);
            summaries.clear();
            problemsBySite.clear();
            refs.keySet().retainAll(where.keySet());
            latest.keySet().retainAll(where.keySet());
            m.sites().forEach(s -> dirty.add(s.id()));
        }
        for (RoomSnapshot s : feed.drain().rooms()) {
            RoomLocation l = where.get(s.room());
            if (l == null) continue;
            latest.put(s.room(), s);
            dirty.add(l.site().id());
        }
        AlertFeed.Snapshot a = alerts.current();
        if (a.version() != alertsVersion) {
            alertsVersion = a.version();
            Map<SiteId, Integer> open = new HashMap<>();
            for (AlertFeed.Item i : a.items()) open.merge(i.site(), 1, Integer::sum);
            if (!open.equals(openAlerts)) {
                openAlerts.keySet().forEach(dirty::add);
                open.keySet().forEach(dirty::add);
                openAlerts = open;
            }
        }
        if (dirty.isEmpty() && version > 0) return current.get();
        for (org.frischluft.rooms.Site site : m.sites()) {
            if (dirty.remove(site.id())) summarise(site);
        }
        dirty.clear();
        List<SiteSummary> sorted = new ArrayList<>(summaries.values());
        sorted.sort(SiteSummary.BY_ATTENTION);
        List<RoomRef> problems = new ArrayList<>();
        Map<Light, Integer> counts = new EnumMap<>(Light.class);
        for (SiteSummary s : sorted) {
            problems.addAll(problemsBySite.getOrDefault(s.id(), List.of()));
            counts.merge(Light.RED, s.red(), Integer::sum);
            counts.merge(Light.YELLOW, s.yellow(), Integer::sum);
            counts.merge(Light.GREEN, s.green(), Integer::sum);
            counts.merge(Light.GREY, s.grey(), Integer::sum);
            counts.merge(Light.BLUE, s.blue(), Integer::sum);
        }
        // red first (highest CO2 first), then the silent and never heard; sites in attention order within a rank
        problems.sort(Comparator.comparingInt(RoomRef::urgency).reversed()
                .thenComparing(r -> r.co2() == null ? 0 : -r.co2()));
        CityState next = new CityState(++version, sorted, problems, counts, refs);
        current.set(next);
        return next;
    }

    private void summarise(org.frischluft.rooms.Site site) {
        int red = 0, yellow = 0, green = 0, grey = 0, blue = 0, silent = 0, battery = 0, rooms = 0;
        RoomRef worst = null;
        List<RoomRef> problems = new ArrayList<>();
        for (org.frischluft.rooms.Building b : site.buildings()) {
            for (org.frischluft.rooms.Floor f : b.floors()) {
                for (org.frischluft.rooms.Room r : f.rooms()) {
                    rooms++;
                    RoomSnapshot s = latest.get(r.id());
                    Light light = s == null ? Light.GREY : s.light();
                    boolean low = s != null && s.assessment().signs().contains(Sign.LOW_BATTERY);
                    boolean isSilent = light == Light.GREY && s != null && s.lastReading() != null;
                    RoomRef ref = new RoomRef(r.id(), r.name(), site.id(), site.name(), b.name(), f.name(), light,
                            s == null ? null : s.co2(), s == null ? null : s.lastReading(), low, isSilent);
                    refs.put(r.id(), ref);
                    switch (light) {
                        case RED -> red++;
                        case YELLOW -> yellow++;
                        case GREEN -> green++;
                        case BLUE -> blue++;
                        case GREY -> grey++;
                    }
                    if (isSilent) silent++;
                    if (low) battery++;
                    if (light == Light.RED || light == Light.GREY) problems.add(ref);
                    if (worse(ref, worst)) worst = ref;
                }
            }
        }
        problemsBySite.put(site.id(), List.copyOf(problems));
        summaries.put(site.id(), new SiteSummary(site.id(), site.name(), rooms, red, yellow, green, grey, blue, silent,
                battery, openAlerts.getOrDefault(site.id(), 0), worst));
    }

    /** Red over yellow (higher CO2 first), then a silent sensor; green rooms are nobody's worst. */
    private static boolean worse(RoomRef a, RoomRef b) {
        int ra = rank(a);
        if (ra == 0) return false;
        if (b == null) return true;
        int rb = rank(b);
        if (ra != rb) return ra > rb;
        double ca = a.co2() == null ? 0 : a.co2();
        double cb = b.co2() == null ? 0 : b.co2();
        return ca > cb;
    }

    private static int rank(RoomRef r) {
        return switch (r.light()) {
            case RED -> 3;
            case YELLOW -> 2;
            case GREY -> r.silent() ? 1 : 0;
            default -> 0;
        };
    }

    @Override
    public void close() {
        if (thread != null) thread.shutdownNow();
        feed.close();
    }
}
