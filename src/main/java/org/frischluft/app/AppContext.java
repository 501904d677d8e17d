package org.frischluft.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.ingest.Inbox;
import org.frischluft.ingest.IngestPipeline;
import org.frischluft.ingest.IngestWorker;
import org.frischluft.ingest.MqttLink;
import org.frischluft.ingest.RejectionFeed;
import org.frischluft.ingest.RejectionJournal;
import org.frischluft.ingest.decode.DecoderSettings;
import org.frischluft.ingest.decode.PayloadDecoder;
import org.frischluft.ingest.decode.RejectionLog;
import org.frischluft.live.LiveRooms;
import org.frischluft.live.LiveState;
import org.frischluft.live.StoreHealth;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolFileWatcher;
import org.frischluft.rooms.SchoolVersion;
import org.frischluft.store.Store;
import org.frischluft.store.StoreState;
import org.frischluft.ui.room.RoomHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Constructor wiring of one running Frischluft: the school catalog, store, live state, the ingest worker with its
 * named pipeline ({@code store}, {@code live}, {@code alerts}, {@code placements}, {@code rejections}), broker links and the
 * school-file watcher. Owns every thread it starts, and closes them in reverse order (links first, then the
 * worker drains the inbox, then the store flushes). Used by the screens and by the headless {@code record}
 * command alike; both follow a changed school file without a restart.
 */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);
    private static final Duration WATCH_EVERY = Duration.ofSeconds(2);

    private final Clock clock;
    private final SchoolCatalog catalog;
    private final Store store;
    private final LiveState live = new LiveState();
    private final RejectionLog rejections;
    private final RejectionFeed rejectionFeed;
    private final Inbox inbox = new Inbox(65_536);
    private final IngestPipeline pipeline = new IngestPipeline();
    private final IngestWorker worker;
    private final List<MqttLink> links = new ArrayList<>();
    private final List<AutoCloseable> extras = new ArrayList<>();
    /** History queries for the screens: two named threads, so one slow query does not hold up the next. */
    private final ExecutorService queries = Executors.newFixedThreadPool(2, new QueryThreads());
    private final RoomHistory roomHistory;
    private AlertWiring alerts;
    private SchoolFileWatcher watcher;
    private Runnable unsubscribe = () -> { };
    private boolean closed;

    public AppContext(SchoolCatalog catalog, Store store, List<BrokerConfig> brokers, Clock clock) throws Exception {
        this.clock = clock;
        this.catalog = catalog;
        this.store = store;
        this.rejections = new RejectionLog(500, clock);
        this.rejectionFeed = new RejectionFeed(rejections, live::putRejections);
        this.roomHistory = new StoreRoomHistory(store.history(), queries);
        store.onStateChange(s -> live.putStoreHealth(health(s)));
        long t0 = System.nanoTime();
        try {
            SchoolVersion started = catalog.current();
            PlacementSync placements = new PlacementSync(store);
            // a reader of a city's central database (read-only role, issue 15) writes nothing: the recorders place
            // the sensors and store the readings
            if (store.writable()) placements.startWith(started.model(), clock.instant()); // before any reading
            live.putStoreHealth(health(store.state()));
            long tPlaced = System.nanoTime();
            LiveRooms rooms = new LiveRooms(live, started.model(), clock.instant());
            long tLive = System.nanoTime();
            alerts = AlertWiring.start(catalog.file(), started.model(), store, brokers, clock);
            long tAlerts = System.nanoTime();
            if (store.writable()) pipeline.add("store", new StoreStage(store));
            pipeline.add("live", new LiveStage(rooms, clock))
                    .add("unplaced", new UnplacedStage(new org.frischluft.live.Unplaced(started.model(), seenUnplaced(store),
                            live::putUnplaced)))
                    .add("alerts", alerts.stage())
                    .add("placements", store.writable() ? placements : new org.frischluft.ingest.ReadingSink() {
                        @Override
                        public void accept(List<org.frischluft.model.Reading> readings) {
                        }
                    })
                    .add("rejections", new RejectionStage(rejectionFeed)); // on the worker, the thread that records them
            for (BrokerConfig b : brokers) {
                links.add(new MqttLink(b, inbox, live::putLink, clock)); // a bad URL throws here, before any thread runs
            }
            this.worker = new IngestWorker(inbox, new PayloadDecoder(DecoderSettings.from(started.model()), clock), pipeline,
                    rejections, clock).start();
            unsubscribe = catalog.subscribe(worker::configure);
            if (catalog.current().number() != started.number()) worker.configure(catalog.current()); // changed meanwhile
            if (catalog.file() != null) watcher = SchoolFileWatcher.start(catalog, WATCH_EVERY);
            LOG.debug("started in {} ms: placements queued {} ms, live rooms {} ms, alerts {} ms, pipeline and links {} ms",
                    ms(t0, System.nanoTime()), ms(t0, tPlaced), ms(tPlaced, tLive), ms(tLive, tAlerts), ms(tAlerts, System.nanoTime()));
        } catch (Exception | Error e) {
            // the context owns the store from its first line on: nothing it opened may outlive a failed start
            links.forEach(AppContext::closeQuietly);
            if (alerts != null) alerts.close();
            queries.shutdownNow();
            closeQuietly(store);
            throw e;
        }
        links.forEach(MqttLink::start);
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** The history writer as a pipeline stage: safe once committed (QoS-1 messages are acknowledged then). */
    private record StoreStage(Store store) implements org.frischluft.ingest.ReadingSink {
        @Override
        public void accept(List<org.frischluft.model.Reading> readings) {
            store.writer().submitAll(readings);
        }

        @Override
        public void whenSafe(boolean soon, java.util.function.Consumer<Boolean> done) {
            store.writer().whenCommitted(soon, done);
        }
    }

    /** The live rooms as a pipeline stage. */
    private record LiveStage(LiveRooms rooms, Clock clock) implements org.frischluft.ingest.ReadingSink {
        @Override
        public void accept(List<org.frischluft.model.Reading> readings) {
            rooms.onReadings(readings, clock.instant());
        }

        @Override
        public void tick(java.time.Instant now) {
            rooms.tick(now);
        }

        @Override
        public void school(org.frischluft.rooms.SchoolVersion version, java.time.Instant now) {
            rooms.onSchool(version.model(), now);
        }
    }

    /** Devices seen but in no room, for the admin's list: from the store at start, then from every batch. */
    private record UnplacedStage(org.frischluft.live.Unplaced unplaced) implements org.frischluft.ingest.ReadingSink {
        @Override
        public void accept(List<org.frischluft.model.Reading> readings) {
            unplaced.onReadings(readings);
        }

        @Override
        public void tick(java.time.Instant now) {
            unplaced.tick(now);
        }

        @Override
        public void school(org.frischluft.rooms.SchoolVersion version, java.time.Instant now) {
            unplaced.onSchool(version.model());
        }
    }

    /** What the history already knows of devices in no room (a store that cannot say: none, logged). */
    private static List<org.frischluft.model.UnplacedDevices.Device> seenUnplaced(Store store) {
        try {
            return store.history().unplacedDevices().stream().map(d -> new org.frischluft.model.UnplacedDevices.Device(
                    d.device(), d.lastSeen(), d.lastCo2(), d.model(), d.modelSource())).toList();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(AppContext.class).warn("devices in no room: the history could not say ({})",
                    e.getMessage());
            return List.of();
        }
    }

    /** Publishes what was rejected once a second. */
    private record RejectionStage(RejectionFeed feed) implements org.frischluft.ingest.ReadingSink {
        @Override
        public void accept(List<org.frischluft.model.Reading> readings) {
        }

        @Override
        public void tick(java.time.Instant now) {
            feed.publish();
        }
    }

    private static StoreHealth health(StoreState s) {
        StoreHealth.State state = switch (s.kind()) {
            case OK -> StoreHealth.State.OK;
            case READ_ONLY -> StoreHealth.State.READ_ONLY;
            case DISK_FULL -> StoreHealth.State.DISK_FULL;
            case FAILING -> StoreHealth.State.FAILING;
        };
        return new StoreHealth(state, s.detail());
    }

    /** Something to close after the links and before the store (e.g. the demo's simulator and broker). */
    public void closeWithContext(AutoCloseable c) {
        extras.add(0, c);
    }

    public Clock clock() {
        return clock;
    }

    /** The school model in effect now and its versions. */
    public SchoolCatalog catalog() {
        return catalog;
    }

    public LiveState live() {
        return live;
    }

    public Store store() {
        return store;
    }

    public RejectionLog rejections() {
        return rejections;
    }

    /** The ingest side's named stages, in order. */
    public List<String> pipeline() {
        return pipeline.names();
    }

    /**
     * Also appends every rejected message to {@code file} (JSON lines, bounded), for
     * {@code frischluft rejections}; {@code record} does this by default.
     */
    public void persistRejections(Path file) {
        rejectionFeed.persistTo(new RejectionJournal(file));
    }

    public IngestWorker.Stats stats() {
        return worker.stats();
    }

    public List<MqttLink> links() {
        return List.copyOf(links);
    }

    /** The alerts: evaluated on the worker (stage {@code alerts}), stored, sent; the overview shows and acknowledges them. */
    public org.frischluft.alert.AlertService alerts() {
        return alerts.service();
    }

    /** The room detail's history, queried on the {@code query-1} and {@code query-2} threads. */
    public RoomHistory roomHistory() {
        return roomHistory;
    }

    /** The query threads ({@code query-1}, {@code query-2}) for screens that read the store or wait on a network. */
    public java.util.concurrent.Executor queries() {
        return queries;
    }

    /** The report view's queries (lesson reports, exports), on the same query threads. */
    public org.frischluft.ui.report.ReportQuery reports() {
        return new StoreReports(store.reports()::co2, catalog::model, queries);
    }

    /** Names the query threads {@code query-1}, {@code query-2}; daemons, so a hung query never keeps the JVM. */
    private static final class QueryThreads implements ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "query-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }

    /**
     * Closes everything once; a second call (the window's stop and the shutdown hook) waits for the first to
     * finish and then returns, so the JVM never halts in the middle of the flush.
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (watcher != null) watcher.close();
        unsubscribe.run();
        for (MqttLink l : links) {
            closeQuietly(l);
        }
        for (AutoCloseable c : extras) { // after the links: closing the demo broker first would be a lost connection
            closeQuietly(c);
        }
        queries.shutdownNow(); // a screen's query in flight fails; the store closes below
        worker.close();
        alerts.close(); // after the worker: its last events are stored and sent
        rejectionFeed.publish(); // what the worker rejected after its last tick
        rejectionFeed.close();
        try {
            store.writer().flush(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            LOG.error("could not flush history on shutdown: {}", e.getMessage());
        }
        closeQuietly(store);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("closing {}: {}", c, e.toString());
        }
    }

}
