package org.frischluft.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.ingest.IngestWorker;
import org.frischluft.ingest.RejectionJournal;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.settings.Settings;
import org.frischluft.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code frischluft record}: headless ingest into the history database until SIGINT/SIGTERM, then a clean
 * flush. Logs connection changes and a line of counters at a fixed interval.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Ingest MQTT readings into the history database without a screen, until SIGINT/SIGTERM.")
public final class RecordCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RecordCommand.class);

    @Option(names = "--broker", description = "Broker URL, tcp://host:1883 or ssl://host:8883 (repeatable).")
    List<String> brokers = new ArrayList<>();

    @Option(names = "--topic", arity = "1..*", description = "Topic filter(s) to subscribe to, e.g. 'v3/+/devices/+/up'.")
    List<String> topics = new ArrayList<>();

    @Option(names = "--db", description = "JDBC URL of the history database (default: H2 file in the user's data folder).")
    String db;

    @Option(names = "--db-user", description = "Database user (PostgreSQL).")
    String dbUser;

    @Option(names = "--db-password-env", description = "Environment variable holding the database password.")
    String dbPasswordEnv;

    @Option(names = "--username", description = "Broker user name, e.g. app@ttn for The Things Stack.")
    String username;

    @Option(names = "--password-env", description = "Environment variable holding the broker password or API key.")
    String passwordEnv;

    @Option(names = "--qos", defaultValue = "1", description = "Requested QoS, 0 or 1 (TTN grants 0). Default: ${DEFAULT-VALUE}.")
    int qos;

    @Option(names = "--client-id", description = "Stable client id for a persistent session.")
    String clientId;

    @Option(names = "--clean-session", description = "Start a clean session instead of a persistent one.")
    boolean cleanSession;

    @Option(names = "--ca-file", description = "PEM file with the CA to trust (default: system trust store).")
    Path caFile;

    @Option(names = "--client-cert", description = "PEM client certificate.")
    Path clientCert;

    @Option(names = "--client-key", description = "PEM PKCS#8 key of the client certificate.")
    Path clientKey;

    @Option(names = "--retention-days", description = "Keep raw readings this many days (0 = for ever; rollups are always kept). Default: 90, or retention.days in the settings.")
    Integer retentionDays;

    @Option(names = "--school", description = "School file (JSON) placing devices in rooms; followed while recording: a changed file takes effect within seconds.")
    Path school;

    @Option(names = "--config", description = "Settings file (brokers, database, school); command-line options win.")
    Path config;

    @Option(names = "--rejections-file", paramLabel = "FILE",
            description = "Where rejected messages are kept for 'frischluft rejections' (newest 500-1000). Default: rejections.jsonl in the user's data folder.")
    Path rejectionsFile;

    @Option(names = "--stats-every", defaultValue = "10s", converter = DurationConverter.class,
            description = "How often to log counters. Default: ${DEFAULT-VALUE}.")
    Duration statsEvery;

    @Override
    public Integer call() throws Exception {
        Settings settings = config == null ? Settings.defaults() : Settings.read(config);
        settings.warnings().forEach(w -> LOG.warn("{}: {}", config, w.describe(java.util.Locale.getDefault())));
        List<BrokerConfig> links = new ArrayList<>();
        String password = passwordEnv == null ? null : System.getenv(passwordEnv);
        if (passwordEnv != null && password == null) {
            System.err.println("record: environment variable " + passwordEnv + " is not set");
            return 2;
        }
        for (int i = 0; i < brokers.size(); i++) {
            if (topics.isEmpty()) {
                System.err.println("record: --broker needs at least one --topic");
                return 2;
            }
            String id = brokers.size() == 1 ? "mqtt" : "mqtt" + (i + 1);
            links.add(new BrokerConfig(id, brokers.get(i), username, password, topics, qos, cleanSession,
                    clientId == null ? null : (brokers.size() == 1 ? clientId : clientId + "-" + (i + 1)),
                    caFile, clientCert, clientKey, null));
        }
        links.addAll(settings.brokers());
        if (links.isEmpty()) {
            System.err.println("record: no broker given (--broker URL --topic FILTER, or --config FILE)");
            return 2;
        }
        Path schoolFile = school != null ? school : settings.school();
        Clock clock = Clock.systemUTC();
        // without a school file every reading is stored under its device, in no room
        SchoolCatalog catalog = schoolFile == null ? SchoolCatalog.of(new SchoolModel(null, null, List.of(), List.of(),
                List.of()), "none", clock) : SchoolCatalog.open(schoolFile, clock);
        catalog.current().warnings().forEach(w -> LOG.warn("{}: {}", schoolFile, w.describe(java.util.Locale.getDefault())));
        String url = db != null ? db : settings.db() != null ? settings.db() : AppDirs.defaultDb("history");
        String user = dbUser != null ? dbUser : settings.dbUser();
        String dbPassword = dbPasswordEnv != null ? System.getenv(dbPasswordEnv) : settings.dbPassword();

        java.time.Duration retention = retentionDays != null ? java.time.Duration.ofDays(retentionDays) : settings.retention();
        Store store = Stores.open(url, user, dbPassword, retention, clock);
        AppContext ctx = new AppContext(catalog, store, links, clock);
        // issue 10: a school file changed while nothing ran becomes a stored version "changed outside the app"
        if (schoolFile != null && store.writable()) {
            try {
                ConfigHistoryCommand.editor(catalog, store, clock).reconcile();
            } catch (RuntimeException e) {
                LOG.warn("school versions not brought up to date: {}", e.getMessage());
            }
        }
        ctx.persistRejections(rejectionsFile != null ? rejectionsFile : AppDirs.data().resolve(RejectionJournal.FILE_NAME));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            LOG.info("stopping: flushing history");
            ctx.close();
            logStats(ctx);
            stopped.countDown();
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        LOG.info("recording into {}", redact(url));
        while (!stopped.await(statsEvery.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            logStats(ctx);
        }
        return 0;
    }

    private static void logStats(AppContext ctx) {
        IngestWorker.Stats s = ctx.stats();
        Runtime rt = Runtime.getRuntime();
        long usedMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
        LOG.info("messages {} | readings {} | stored {} | ignored {} | rejected {} {} | inbox dropped {} | heap {} MB",
                s.messages(), s.readings(), ctx.store().writer().committedRows(), s.ignored(), s.rejected(),
                ctx.rejections().counts(), s.inboxDropped(), usedMb);
    }

    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
