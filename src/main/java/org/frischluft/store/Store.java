package org.frischluft.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;
import org.frischluft.store.Schema.Dialect;
import org.frischluft.store.StoreState.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history store: schema (Flyway), the single writer thread, history queries and sensor placements, on an
 * embedded H2 file or a PostgreSQL server chosen by the JDBC URL.
 *
 * <p>Readers beside the recorder: the first process that opens an H2 file for writing (usually {@code record})
 * holds it and serves it on loopback ({@link SharedFile}: address and a random key in {@code history.server} beside
 * the file, readable by its owner only); {@code export}, {@code replay --db} and the desktop opening the same file
 * connect there and see every committed batch. The history files are readable by their owner only. Readers open
 * with {@link #openExisting}, which refuses a database that is not there rather than creating an empty one.
 *
 * <pre>{@code
 * try (Store store = Store.open(StoreOptions.of("jdbc:h2:file:./frischluft"), Clock.systemUTC())) {
 *     store.writer().submit(reading);                       // ingest-worker
 *     store.history().series(Subject.room(room), Metric.CO2, from, to, 800);   // query-* thread
 * }
 * }</pre>
 */
public final class Store implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Store.class);
    private static final Duration ASSIGN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

    static {
        // H2 reads this once: its auto-server (readers beside the recorder) then listens on loopback only
        if (System.getProperty("h2.bindAddress") == null) System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    /** The writer's view of the state. */
    interface StateSink {
        StoreState current();

        void set(Kind kind, String detail);
    }

    private final StoreOptions options;
    private final Clock clock;
    private final ConnectionPool connections;
    private final ReadingWriter writer;
    private final HistoryQueries history;
    private final ReportQueries reports;
    private final AlertRows alerts;
    private final AdminRows admin;
    private final List<Consumer<StoreState>> listeners = new CopyOnWriteArrayList<>();
    private volatile StoreState state;
    private volatile boolean closed;
    private boolean remote;
    private boolean openedReadOnly;
    private SharedFile shared;

    private Store(StoreOptions options, Clock clock, String url, StoreState initial) {
        this.options = options;
        this.clock = clock;
        this.state = initial;
        this.connections = new ConnectionPool(url, options.user(), options.password(), 4);
        this.writer = new ReadingWriter(options, clock, connections, new StateSink() {
            @Override
            public StoreState current() {
                return state;
            }

            @Override
            public void set(Kind kind, String detail) {
                setState(kind, detail);
            }
        });
        this.history = new HistoryQueries(connections);
        this.reports = new ReportQueries(connections);
        this.alerts = new AlertRows(connections);
        this.admin = new AdminRows(connections);
    }

    /**
     * Opens (and creates or migrates) the store and starts the {@code store-writer} thread. A database that can
     * be read but not written opens in state {@link Kind#READ_ONLY}: queries work, readings are not recorded.
     *
     * @throws StoreException when the database cannot be reached or its schema cannot be brought up to date
     */
    public static Store open(StoreOptions options, Clock clock) throws StoreException {
        return open(options, clock, false);
    }

    /**
     * Opens a store that must already hold history (for {@code export}, {@code replay --db}, reports): a missing H2
     * file or a database without Frischluft's schema is refused with "no history at …; run record first or check
     * --db", and nothing is created.
     */
    public static Store openExisting(StoreOptions options, Clock clock) throws StoreException {
        return open(options, clock, true);
    }

    private static Store open(StoreOptions options, Clock clock, boolean mustExist) throws StoreException {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(clock, "clock");
        Dialect dialect = Dialect.of(options.jdbcUrl());
        String url = dialect.effectiveUrl(options.jdbcUrl());
        java.util.Optional<java.nio.file.Path> file = H2Files.base(options.jdbcUrl());
        boolean remote = false;
        if (file.isPresent()) {
            if (mustExist && !java.nio.file.Files.exists(H2Files.dataFile(file.get()))) {
                throw noHistory(H2Files.dataFile(file.get()).toString());
            }
            java.util.Optional<String> served = SharedFile.remoteUrl(file.get()); // another process holds the file
            if (served.isPresent()) {
                url = served.get();
                remote = true;
                log.info("{} is held by another process: connecting to it", file.get());
            } else if (mustExist) {
                if (!url.toUpperCase(java.util.Locale.ROOT).contains("IFEXISTS")) url = url + ";IFEXISTS=TRUE";
            } else {
                H2Files.prepareFolder(file.get());
            }
        }
        StoreState initial = new StoreState(Kind.OK, "", clock.instant());
        boolean readOnly;
        try (Connection c = java.sql.DriverManager.getConnection(url, options.user(), options.password())) {
            readOnly = c.isReadOnly() || (dialect == Dialect.POSTGRESQL && !postgresWritable(c));
        } catch (SQLException e) {
            throw new StoreException("cannot open the history database " + safeUrl(options.jdbcUrl()) + ": "
                    + firstLine(e.getMessage()), e);
        }
        Flyway flyway = Flyway.configure()
                .dataSource(url, options.user(), options.password())
                .locations("classpath:db/migration")
                .load();
        try {
            if (mustExist && flyway.info().applied().length == 0) throw noHistory(safeUrl(options.jdbcUrl()));
            if (readOnly) {
                int pending = flyway.info().pending().length;
                if (pending > 0) {
                    throw new StoreException("the history database " + safeUrl(options.jdbcUrl())
                            + " is read-only and its schema is not up to date (" + pending + " migrations pending)");
                }
                initial = new StoreState(Kind.READ_ONLY, "database is read-only: history can be shown but is not "
                        + "being recorded", clock.instant());
            } else {
                flyway.migrate();
            }
        } catch (FlywayException e) {
            throw new StoreException("cannot prepare the history schema in " + safeUrl(options.jdbcUrl()) + ": "
                    + firstLine(e.getMessage()), e);
        }
        file.ifPresent(H2Files::ownerOnly);
        // a reader neither migrates nor deletes: retention is the recorders' work
        Store store = new Store(readOnly ? options.withRawRetention(Duration.ZERO) : options, clock, url, initial);
        store.remote = remote;
        store.openedReadOnly = readOnly;
        // a writer that holds the file serves it to readers; a reader (export, replay) is gone again in a moment
        if (file.isPresent() && !remote && !mustExist) store.shared = SharedFile.serve(file.get());
        store.writer.start();
        if (readOnly) {
            log.warn("history database {} is read-only: readings are not recorded", safeUrl(options.jdbcUrl()));
        }
        return store;
    }

    /**
     * Whether this PostgreSQL login may write history: not when its transactions are read-only (a standby, or a role
     * with {@code default_transaction_read_only}), nor when it may not insert into an existing {@code reading} table
     * (the {@code frischluft_reader} role, see {@code installer/postgres/roles.sql}). Only reads; no table there yet:
     * writable, Flyway creates the schema.
     */
    private static boolean postgresWritable(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT current_setting('transaction_read_only'), "
                     + "has_table_privilege(to_regclass('reading'), 'INSERT')")) {
            rs.next();
            if ("on".equalsIgnoreCase(rs.getString(1))) return false;
            boolean insert = rs.getBoolean(2);
            return insert || rs.wasNull();
        }
    }

    private static StoreException noHistory(String where) {
        return new StoreException("no history at " + where + "; run record first or check --db");
    }

    /** The writer; {@link ReadingWriter#submit} is meant for the ingest worker. */
    public ReadingWriter writer() {
        return writer;
    }

    /** Read-only queries, safe from any {@code query-*} thread (never from the FX thread). */
    public HistoryQueries history() {
        return history;
    }

    /** Read-only queries for lesson and term reports, safe from any {@code query-*} thread (never from the FX thread). */
    public ReportQueries reports() {
        return reports;
    }

    /** The alerts table (issue 12), written by the alert feature's output thread, never the FX thread. */
    public AlertRows alerts() {
        return alerts;
    }

    /** The admin's school versions and audit (issue 10), written by the admin's own thread, never the FX thread. */
    public AdminRows admin() {
        return admin;
    }

    /**
     * Records that {@code device} is in {@code room} from {@code from} on; the previous placement ends at
     * {@code from}. Re-assigning the room a sensor is already in does nothing, so calling this on every
     * configuration load keeps history intact. Goes through the writer, after readings submitted earlier.
     *
     * @throws StoreException if the writer cannot store it within 30 s
     */
    public void assign(DeviceId device, RoomId room, Instant from) {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(from, "from");
        await(writer.assign(device, room, from));
    }

    /**
     * Places a sensor as the configuration says, for a placement without a date: a sensor never placed
     * before is placed from the start of its history (its readings so far were taken there, before the
     * admin assigned it); a sensor already in {@code room} stays as it is; a sensor in another room moves
     * at {@code now}.
     */
    public void place(DeviceId device, RoomId room, Instant now) {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(now, "now");
        await(writer.assign(device, room, now, true));
    }

    /** Records that {@code device} is in no room from {@code from} on (taken down, in the cupboard). */
    public void unassign(DeviceId device, Instant from) {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(from, "from");
        await(writer.assign(device, null, from));
    }

    /**
     * Queues a placement change without waiting for it: {@link #assign} ({@code room} and {@code from} given),
     * {@link #place} ({@code room} given, {@code from} null: the time is {@code now}), or {@link #unassign}
     * ({@code room} null). For the ingest worker, which must not wait for the database. Completes once committed.
     */
    public java.util.concurrent.CompletableFuture<Void> placeLater(DeviceId device, RoomId room, Instant from, Instant now) {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(now, "now");
        if (closed) return java.util.concurrent.CompletableFuture.failedFuture(new StoreException("store is closed"));
        if (room == null) return writer.assign(device, null, from == null ? now : from);
        return from == null ? writer.assign(device, room, now, true) : writer.assign(device, room, from);
    }

    private void await(java.util.concurrent.CompletableFuture<Void> done) {
        if (closed) throw new StoreException("store is closed");
        try {
            done.get(ASSIGN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new StoreException("placement not stored: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new StoreException("placement not stored within " + ASSIGN_TIMEOUT + ": " + state.detail());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while storing a placement");
        }
    }

    public StoreState state() {
        return state;
    }

    /**
     * False when the database could be read but not written at open (a read-only H2 file, a PostgreSQL login
     * without write privileges such as {@code frischluft_reader}, a standby): nothing was migrated, and whoever
     * holds the store should not queue writes (sensor placements, readings) it can never commit.
     */
    public boolean writable() {
        return !openedReadOnly;
    }

    /** Called on the writer thread at every state change (and when the dropped count changes); keep it short. */
    public void onStateChange(Consumer<StoreState> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public StoreOptions options() {
        return options;
    }

    private void setState(Kind kind, String detail) {
        StoreState old = state;
        if (old.kind() == kind && old.detail().equals(detail)) return;
        StoreState now = new StoreState(kind, detail, old.kind() == kind ? old.since() : clock.instant());
        state = now;
        for (Consumer<StoreState> l : listeners) {
            try {
                l.accept(now);
            } catch (RuntimeException e) {
                log.warn("store state listener failed", e);
            }
        }
    }

    /**
     * Commits what was submitted, stops the writer and closes the database. H2 with
     * {@link StoreOptions#compactOnClose()} compacts the file fully ({@code SHUTDOWN COMPACT}).
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        writer.stop(CLOSE_TIMEOUT);
        if (shared != null) shared.close(); // readers connected to this process lose their connection now
        connections.close();
        Connection c = writer.takeConnection();
        try {
            if (c != null && !c.isClosed()) {
                if (options.isH2() && !remote && options.compactOnClose() && state.kind() == Kind.OK) {
                    try (Statement s = c.createStatement()) {
                        s.execute("SHUTDOWN COMPACT");
                    }
                }
                if (!c.isClosed()) c.close();
            }
        } catch (SQLException e) {
            log.warn("closing the history database: {}", firstLine(e.getMessage()));
        }
    }

    /** The URL without anything that might be a credential. */
    static String safeUrl(String url) {
        String u = url.replaceAll("(?i)(password|pwd)=[^;&]*", "$1=***");
        return u;
    }

    static String firstLine(String m) {
        if (m == null) return "";
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
