package org.frischluft.admin.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.frischluft.admin.broker.StepResult.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection test against Mosquittos of the test's own: a password file, a self-signed and an expired TLS
 * certificate, an ACL that refuses a filter, and TLS asked of a plain port. Each failure is found at its step and
 * said in words.
 */
class ConnectionStepsIT {
    private static final String USER = "school-co2";
    private static final String PASSWORD = "test-only-not-a-secret";
    private final ConnectionTest test = new ConnectionTest(Duration.ofMillis(500), Duration.ofSeconds(5), Clock.systemUTC());

    @TempDir
    Path dir;

    @BeforeAll
    static void mosquittoIsInstalled() {
        assumeTrue(OwnMosquitto.available(), "mosquitto is not installed");
    }

    private BrokerEntry entry(String url, String topics) {
        return BrokerEntry.of("own", url, topics, dir);
    }

    @Test
    void aWrongPasswordFailsAtAuthenticationWithTheConnackInWords() throws Exception {
        Path passwd = OwnMosquitto.passwords(dir, USER, PASSWORD);
        try (OwnMosquitto m = OwnMosquitto.start(dir, "allow_anonymous false", "password_file " + passwd.toAbsolutePath())) {
            TestReport bad = test.run(entry(m.url("tcp"), "sensors/#").with("username", USER).with("password", "wrong"), s -> { });
            assertThat(bad.failure().orElseThrow().step()).isEqualTo(Step.AUTH);
            assertThat(bad.step(Step.AUTH).message(Locale.ENGLISH)).matches(
                    "refused \\(CONNACK [45]\\): (wrong user name or password for \"school-co2\"|not authorised\\. User \"school-co2\" is unknown, the password is wrong, or this user may not connect)");
            assertThat(bad.step(Step.SUBSCRIBE).outcome()).isEqualTo(Outcome.SKIPPED);

            TestReport anonymous = test.run(entry(m.url("tcp"), "sensors/#"), s -> { });
            assertThat(anonymous.failure().orElseThrow().step()).isEqualTo(Step.AUTH);

            TestReport good = test.run(entry(m.url("tcp"), "sensors/#").with("username", USER).with("password", PASSWORD), s -> { });
            assertThat(good.ok()).as(good.toString()).isTrue();
            assertThat(good.step(Step.AUTH).message(Locale.ENGLISH)).startsWith("accepted (CONNACK 0) as school-co2, with the test's own client id frischluft-test-");
        }
    }

    @Test
    void aSelfSignedCertificateIsUntrustedByTheSystemStoreAndTrustedThroughItsFile() throws Exception {
        OwnMosquitto.selfSigned(dir, "Frischluft Test Broker", 1, 30);
        try (OwnMosquitto m = OwnMosquitto.start(dir, "allow_anonymous true", "certfile " + dir.resolve("server.pem").toAbsolutePath(),
                "keyfile " + dir.resolve("server.key").toAbsolutePath())) {
            TestReport untrusted = test.run(entry(m.url("ssl"), "sensors/#"), s -> { });
            assertThat(untrusted.failure().orElseThrow().step()).isEqualTo(Step.TLS);
            assertThat(untrusted.step(Step.TLS).message(Locale.ENGLISH)).isEqualTo(
                    "untrusted: the certificate CN=Frischluft Test Broker is self-signed (CN=Frischluft Test Broker), and the system trust store "
                            + "does not know it. Give the broker's CA certificate as ca-file");
            assertThat(untrusted.step(Step.TLS).message(Locale.GERMAN)).contains("selbst signiert", "der Zertifikatspeicher des Systems");

            TestReport trusted = test.run(entry(m.url("ssl"), "sensors/#").with("ca-file", "server.pem"), s -> { });
            assertThat(trusted.ok()).as(trusted.toString()).isTrue();
            assertThat(trusted.step(Step.TLS).message(Locale.ENGLISH)).matches(
                    "certificate CN=Frischluft Test Broker, issued by CN=Frischluft Test Broker, valid until \\d{4}-\\d\\d-\\d\\d; trusted through "
                            + java.util.regex.Pattern.quote(dir.resolve("server.pem").toString()) + "; TLSv1\\.[23]");

            TestReport plain = test.run(entry(m.url("tcp"), "sensors/#"), s -> { });
            assertThat(plain.failure().orElseThrow().step()).as("plain MQTT to a TLS port").isEqualTo(Step.AUTH);
        }
    }

    @Test
    void anExpiredCertificateIsSaidAsExpiredWithItsDate() throws Exception {
        OwnMosquitto.selfSigned(dir, "Old Broker", 10, 2);
        try (OwnMosquitto m = OwnMosquitto.start(dir, "allow_anonymous true", "certfile " + dir.resolve("server.pem").toAbsolutePath(),
                "keyfile " + dir.resolve("server.key").toAbsolutePath())) {
            TestReport r = test.run(entry(m.url("ssl"), "sensors/#").with("ca-file", "server.pem"), s -> { });
            assertThat(r.failure().orElseThrow().step()).isEqualTo(Step.TLS);
            String expiredOn = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(8).toString();
            assertThat(r.step(Step.TLS).message(Locale.ENGLISH)).startsWith("the broker's certificate CN=Old Broker expired on ");
            assertThat(r.step(Step.TLS).args().get(1)).isBetween(java.time.LocalDate.parse(expiredOn).minusDays(1).toString(),
                    java.time.LocalDate.parse(expiredOn).plusDays(1).toString());
        }
    }

    @Test
    void aFilterTheAclRefusesIsNamedAndTheGrantedOnesToo() throws Exception {
        Path plugin = OwnMosquitto.dynsec(dir, USER, PASSWORD, "sensors/#");
        assumeTrue(plugin != null, "mosquitto's dynamic-security plugin or mosquitto_ctrl is not installed");
        try (OwnMosquitto m = OwnMosquitto.start(dir, "allow_anonymous false", "plugin " + plugin,
                "plugin_opt_config_file " + dir.resolve("dynsec.json").toAbsolutePath())) {
            TestReport r = test.run(entry(m.url("tcp"), "sensors/#, admin/#").with("username", USER).with("password", PASSWORD), s -> { });
            assertThat(r.failure().orElseThrow().step()).as(r.toString()).isEqualTo(Step.SUBSCRIBE);
            assertThat(r.step(Step.SUBSCRIBE).message(Locale.ENGLISH)).isEqualTo(
                    "refused: admin/# (the broker's access rules do not let this user read it); granted: sensors/# (QoS 1)");
            assertThat(r.step(Step.MESSAGES).outcome()).isEqualTo(Outcome.SKIPPED);
        }
    }

    @Test
    void tlsAskedOfAPlainPortIsSaidAsSuch() throws Exception {
        try (OwnMosquitto m = OwnMosquitto.start(dir, "allow_anonymous true")) {
            TestReport r = test.run(entry(m.url("ssl"), "sensors/#"), s -> { });
            assertThat(r.failure().orElseThrow().step()).isEqualTo(Step.TLS);
            assertThat(r.step(Step.TLS).message(Locale.ENGLISH)).satisfiesAnyOf(
                    t -> assertThat(t).startsWith("the broker closed the connection before showing a certificate: port " + m.port),
                    t -> assertThat(t).startsWith("the broker does not speak TLS on port " + m.port));
        }
    }
}
