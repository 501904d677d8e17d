package org.frischluft.app;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.Profiles;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.ingest.Inbox;
import org.frischluft.ingest.IngestWorker;
import org.frischluft.ingest.MqttLink;
import org.frischluft.ingest.ReadingSink;
import org.frischluft.ingest.decode.DecoderSettings;
import org.frischluft.ingest.decode.PayloadDecoder;
import org.frischluft.ingest.decode.RejectionLog;
import org.frischluft.live.LiveRooms;
import org.frischluft.live.LiveState;
import org.frischluft.live.StoreHealth;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.RoomConfig;
import org.frischluft.rooms.SchoolConfig;
import org.frischluft.rooms.SensorConfig;
import org.frischluft.store.ReadingWriter;
import org.frischluft.store.Store;
import org.frischluft.store.StoreState;
import org.frischluft.ui.room.RoomHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Constructor wiring of one running Frischluft: store, live state, ingest worker, broker links. Owns and
 * names every thread it starts, and closes them in reverse order (links first, then the worker drains the
 * inbox, then the store flushes). Used by the screens and by the headless {@code record} command alike.
 */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final Clock clock;
    private final SchoolConfig school;
    private final Store store;
    private final LiveState live = new LiveState();
    private final RejectionLog rejections;
    private final RejectionFeed rejectionFeed;
    private final Inbox inbox = new Inbox(65_536);
    private final IngestWorker worker;
    private final List<MqttLink> links = new ArrayList<>();
    private final List<AutoCloseable> extras = new ArrayList<>();
    /** History queries for the screens: two named threads, so one slow query does not hold up the next. */
    private final ExecutorService queries = Executors.newFixedThreadPool(2, new QueryThreads());
    private final RoomHistory roomHistory;
    private boolean closed;

    public AppContext(SchoolConfig school, Store store, List<BrokerConfig> brokers, Clock clock) throws Exception {
        this.clock = clock;
        this.school = school;
        this.store = store;
        this.rejections = new RejectionLog(500, clock);
        this.rejectionFeed = new RejectionFeed(rejections, live);
        this.roomHistory = new StoreRoomHistory(store.history(), queries);
        store.onStateChange(s -> live.putStoreHealth(health(s)));
        try {
            // Placements with their validity, so history stays with the room a sensor was in when it measured.
            for (SensorConfig s : school.sensors()) {
                if (s.since() != null) {
                    store.assign(s.device(), s.room(), s.since());
                } else {
                    store.place(s.device(), s.room(), clock.instant());
                }
            }
            live.putStoreHealth(health(store.state()));
            LiveRooms rooms = new LiveRooms(live, school.rooms().stream().map(RoomConfig::id).toList(),
                    school::roomOf, this::profileOf, clock.instant());
            ReadingWriter writer = store.writer();
            ReadingSink sink = new ReadingSink() {
                @Override
                public void accept(List<Reading> readings) {
                    writer.submitAll(readings);
                    rooms.onReadings(readings, clock.instant());
                }

                @Override
                public void tick(java.time.Instant now) {
                    rooms.tick(now);
                    rejectionFeed.publish(); // on the worker, the thread that records rejections
                }
            };
            for (BrokerConfig b : brokers) {
                links.add(new MqttLink(b, inbox, live::putLink, clock)); // a bad URL throws here, before any thread runs
            }
            this.worker = new IngestWorker(inbox, new PayloadDecoder(DecoderSettings.from(school), clock), sink, rejections, clock)
                    .start();
        } catch (Exception | Error e) {
            // the context owns the store from its first line on: nothing it opened may outlive a failed start
            links.forEach(AppContext::closeQuietly);
            queries.shutdownNow();
            closeQuietly(store);
            throw e;
        }
        links.forEach(MqttLink::start);
    }

    private Profile profileOf(RoomId room) {
        return Profiles.byId(school.profileOf(room));
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

    public SchoolConfig school() {
        return school;
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

    /**
     * Also appends every rejected message to {@code file} (JSON lines, bounded), for
     * {@code frischluft rejections}; {@code record} does this by default.
     */
    public void persistRejections(java.nio.file.Path file) {
        rejectionFeed.persistTo(new RejectionJournal(file));
    }

    public IngestWorker.Stats stats() {
        return worker.stats();
    }

    public List<MqttLink> links() {
        return List.copyOf(links);
    }

    /** The room detail's history, queried on the {@code query-1} and {@code query-2} threads. */
    public RoomHistory roomHistory() {
        return roomHistory;
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
        for (MqttLink l : links) {
            closeQuietly(l);
        }
        for (AutoCloseable c : extras) { // after the links: closing the demo broker first would be a lost connection
            closeQuietly(c);
        }
        queries.shutdownNow(); // a screen's query in flight fails; the store closes below
        worker.close();
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
