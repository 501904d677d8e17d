package org.frischluft.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The running service: alerts kept in a real database across a restart, acknowledgement, delivery off the worker. */
class AlertServiceTest {
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final DeviceId SENSOR = DeviceId.of("d-r-101");
    private static final Instant LESSON_1 = Trace.at(Trace.MONDAY_8);

    @TempDir
    java.nio.file.Path dir;

    private final SchoolModel school = Trace.school("r-101");
    private final Clock clock = Clock.fixed(LESSON_1.plusSeconds(3600), ZoneOffset.UTC);
    private String schema;

    /** Records what it is sent. */
    static final class Recording implements AlertChannel {
        final List<AlertMessage> got = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void send(AlertMessage m) {
            got.add(m);
        }

        List<String> events() {
            return got.stream().map(m -> m.alert().id() + " " + m.alert().rule().id() + " " + m.event().kind().id()).toList();
        }
    }

    private StoreOptions options(String db) throws SQLException {
        if (db.equals("h2")) return StoreOptions.of("jdbc:h2:file:" + dir.resolve("history").toAbsolutePath());
        String unreachable;
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(PG + "?connectTimeout=3", "postgres", null)) {
            unreachable = c.isValid(3) ? null : "not valid";
        } catch (SQLException e) {
            unreachable = e.getMessage();
        }
        String why = unreachable;
        assumeTrue(why == null, () -> "PostgreSQL at " + PG + " not reachable: " + why);
        schema = "fl_alert_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(PG, "postgres", null); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return StoreOptions.of(PG + "?currentSchema=" + schema).withCredentials("postgres", null);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema == null) return;
        try (Connection c = DriverManager.getConnection(PG, "postgres", null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static List<Reading> above(int fromMinute, int minutes, double ppm) {
        return java.util.stream.IntStream.range(fromMinute, fromMinute + minutes)
                .mapToObj(m -> Reading.of(SENSOR, LESSON_1.plusSeconds(60L * m), ppm, 21.0, 40.0)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void openAlertsSurviveARestartAndAreNotOpenedTwice(String db) throws Exception {
        StoreOptions options = options(db);
        Recording first = new Recording();
        long id;
        try (Store store = Store.open(options, clock);
             AlertService alerts = new AlertService(AlertConfig.standard(), school, new StoredAlerts(store.alerts()), List.of(first), clock)) {
            alerts.onReadings(above(0, 31, 2200));
            assertThat(alerts.board().unresolved()).extracting(a -> a.rule().id()).contains("co2-high");
            id = alerts.board().unresolved().stream().filter(a -> a.rule() == Rule.CO2_HIGH).findFirst().orElseThrow().id();
            alerts.acknowledge(id, "Hausmeister", "Fenster geöffnet, Lüftungsplan folgt");
            alerts.tick(LESSON_1.plusSeconds(31 * 60));
            await().atMost(Duration.ofSeconds(10)).until(() -> first.events().contains(id + " co2-high acknowledged"));
        }
        Recording second = new Recording();
        try (Store store = Store.open(options, clock);
             AlertService alerts = new AlertService(AlertConfig.standard(), school, new StoredAlerts(store.alerts()), List.of(second), clock)) {
            Alert kept = alerts.board().unresolved().stream().filter(a -> a.id() == id).findFirst().orElseThrow();
            assertThat(kept.state()).isEqualTo(AlertState.ACKNOWLEDGED);
            assertThat(kept.acknowledgedBy()).isEqualTo("Hausmeister");
            assertThat(kept.comment()).isEqualTo("Fenster geöffnet, Lüftungsplan folgt");
            assertThat(kept.since()).isEqualTo(LESSON_1);
            alerts.onReadings(above(31, 40, 2200)); // still too high after the restart: the same alert, no second one
            alerts.onReadings(above(71, 1, 1500));
            await().atMost(Duration.ofSeconds(10)).until(() -> second.events().contains(id + " co2-high resolved"));
            assertThat(second.events()).noneMatch(e -> e.endsWith("co2-high opened"));
        }
        try (Store store = Store.open(options, clock)) {
            assertThat(store.alerts().unresolved()).noneMatch(r -> r.id() == id);
            assertThat(store.alerts().recent(10)).anyMatch(r -> r.id() == id && r.state().equals("resolved")
                    && r.resolved().equals(LESSON_1.plusSeconds(71 * 60)));
        }
    }

    @Test
    void aSlowChannelNeverHoldsUpIngestAndAFailingOneIsRetriedAndCounted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AlertChannel slow = new AlertChannel() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public void send(AlertMessage m) throws InterruptedException {
                release.await(20, TimeUnit.SECONDS);
            }
        };
        int[] calls = {0};
        AlertChannel flaky = new AlertChannel() {
            @Override
            public String name() {
                return "flaky";
            }

            @Override
            public void send(AlertMessage m) {
                if (calls[0]++ < 2) throw new IllegalStateException("mail server down");
            }
        };
        try (AlertService alerts = new AlertService(AlertConfig.standard(), school, AlertStore.NONE, List.of(slow, flaky), clock)
                .retryAfter(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(50))) {
            long start = System.nanoTime();
            alerts.onReadings(above(0, 31, 2200));
            alerts.onReadings(above(31, 30, 2200));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> alerts.stats().retried() == 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> alerts.stats().sent() >= 2);
            assertThat(alerts.stats().failed()).isZero();
        }
    }
}
