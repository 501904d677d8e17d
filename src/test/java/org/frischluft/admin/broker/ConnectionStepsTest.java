package org.frischluft.admin.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.frischluft.admin.broker.StepResult.Outcome;
import org.junit.jupiter.api.Test;

/** The connection test's steps against a name nobody knows, a closed port and the Mosquitto at 127.0.0.1:1883. */
class ConnectionStepsTest {
    private static final String LOCAL = "tcp://127.0.0.1:1883";
    private final ConnectionTest test = new ConnectionTest(Duration.ofSeconds(3), Duration.ofSeconds(5), Clock.systemUTC());

    private static List<Outcome> outcomes(TestReport r) {
        return r.steps().stream().map(StepResult::outcome).toList();
    }

    private static boolean localBroker() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 1883), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void anUnknownNameFailsAtTheLookupInWordsAndNothingAfterIsTried() {
        List<StepResult> heard = new ArrayList<>();
        TestReport r = test.run(BrokerEntry.of("x", "tcp://no-such-broker.invalid:1883", "a/#", Path.of(".")), heard::add);
        assertThat(outcomes(r)).containsExactly(Outcome.FAILED, Outcome.SKIPPED, Outcome.SKIPPED, Outcome.SKIPPED,
                Outcome.SKIPPED, Outcome.SKIPPED);
        assertThat(r.failure().orElseThrow().step()).isEqualTo(Step.LOOKUP);
        assertThat(r.step(Step.LOOKUP).message(Locale.ENGLISH)).startsWith("the name \"no-such-broker.invalid\" is not known (DNS)");
        assertThat(r.step(Step.LOOKUP).message(Locale.GERMAN)).startsWith("der Name \"no-such-broker.invalid\" ist unbekannt (DNS)");
        assertThat(r.step(Step.TCP).message(Locale.ENGLISH)).isEqualTo("not tried: an earlier step failed");
        assertThat(heard).isEqualTo(r.steps());
        assertThat(r.ok()).isFalse();
    }

    @Test
    void aPortWhereNothingListensFailsAtTcp() throws Exception {
        int port = OwnMosquitto.freePort();
        TestReport r = test.run(BrokerEntry.of("x", "tcp://127.0.0.1:" + port, "a/#", Path.of(".")), s -> { });
        assertThat(r.failure().orElseThrow().step()).isEqualTo(Step.TCP);
        assertThat(r.step(Step.LOOKUP).message(Locale.ENGLISH)).isEqualTo("127.0.0.1 is an IP address: nothing to look up");
        assertThat(r.step(Step.TCP).message(Locale.ENGLISH))
                .isEqualTo("nothing answers at 127.0.0.1 port " + port + ": the broker is not running there, or the port is wrong (1883 plain, 8883 TLS)");
    }

    @Test
    void anIncompleteEntrySaysWhatIsMissing() {
        TestReport r = test.run(new BrokerEntry("x", java.util.Map.of("url", "http://broker"), Path.of(".")), s -> { });
        assertThat(r.ok()).isFalse();
        assertThat(r.failure().orElseThrow().message(Locale.ENGLISH)).startsWith("the broker entry is not complete: ");
    }

    @Test
    void messagesOnTheFiltersAreCountedAndOthersAreNot() throws Exception {
        assumeTrue(localBroker(), "no Mosquitto at 127.0.0.1:1883");
        String base = "frischluft-test/" + UUID.randomUUID();
        MqttClient publisher = new MqttClient(LOCAL, "pub-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(100); // Paho frees a slot a moment after a synchronous QoS-1 publish returns (default 10)
        publisher.connect(o);
        try {
            List<StepResult> heard = new ArrayList<>();
            TestReport r = test.run(BrokerEntry.of("local", LOCAL, base + "/up/#, " + base + "/state", Path.of(".")), step -> {
                heard.add(step);
                if (step.step() == Step.SUBSCRIBE && step.outcome() == Outcome.OK) {
                    try {
                        for (int i = 0; i < 7; i++) publisher.publish(base + "/up/dev" + i, ("{\"co2\":" + (400 + i) + "}").getBytes(), 1, false);
                        publisher.publish(base + "/state", "on".getBytes(), 1, false);
                        for (int i = 0; i < 3; i++) publisher.publish(base + "/elsewhere", "x".getBytes(), 1, false);
                    } catch (MqttException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            assertThat(r.ok()).as(r.toString()).isTrue();
            assertThat(outcomes(r)).containsExactly(Outcome.OK, Outcome.OK, Outcome.SKIPPED, Outcome.OK, Outcome.OK, Outcome.OK);
            assertThat(r.step(Step.TLS).message(Locale.ENGLISH)).isEqualTo("not used: tcp:// is unencrypted (ssl:// would use TLS)");
            assertThat(r.step(Step.AUTH).message(Locale.ENGLISH)).startsWith("accepted (CONNACK 0) without a user name");
            assertThat(r.step(Step.SUBSCRIBE).message(Locale.ENGLISH)).isEqualTo("granted: " + base + "/up/# (QoS 1), " + base + "/state (QoS 1)");
            assertThat(r.step(Step.MESSAGES).args().get(0)).isEqualTo("8");
            assertThat(r.step(Step.MESSAGES).message(Locale.ENGLISH))
                    .isEqualTo("8 messages in 3 s (" + base + "/up/#: 7, " + base + "/state: 1); the last on " + base + "/state");
            assertThat(r.step(Step.MESSAGES).took()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
            assertThat(heard).isEqualTo(r.steps());
        } finally {
            publisher.disconnect();
            publisher.close();
        }
    }

    @Test
    void noMessageInTheWindowIsNoFailureButSaidSo() {
        assumeTrue(localBroker(), "no Mosquitto at 127.0.0.1:1883");
        ConnectionTest quick = new ConnectionTest(Duration.ofMillis(300), Duration.ofSeconds(5), Clock.systemUTC());
        TestReport r = quick.run(BrokerEntry.of("local", LOCAL, "frischluft-test/" + UUID.randomUUID() + "/#", Path.of(".")), s -> { });
        assertThat(r.ok()).isTrue();
        assertThat(r.step(Step.MESSAGES).message(Locale.ENGLISH)).startsWith("no message in 1 s (");
    }
}
