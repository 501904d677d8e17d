package org.frischluft.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.rooms.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void exampleKioskConfigurationInTheRepositoryIsValid() throws Exception {
        Path example = Path.of("kiosk-config/kiosk-example.properties");
        Path copy = dir.resolve("kiosk.properties");
        // the example reads its TTN key from the environment; give it one through a file instead
        String text = Files.readString(example).replace("broker.ttn.password.env = FRISCHLUFT_TTN_API_KEY",
                "broker.ttn.password.file = key.txt");
        Files.writeString(copy, text);
        Files.writeString(dir.resolve("key.txt"), "NNSXS.EXAMPLE\n");
        Settings s = Settings.read(copy);
        assertThat(s.room()).isEqualTo("r-101");
        assertThat(s.locale()).isEqualTo(Locale.GERMAN);
        assertThat(s.school()).isEqualTo(dir.resolve("demo-school.json"));
        BrokerConfig ttn = s.brokers().get(0);
        assertThat(ttn.id()).isEqualTo("ttn");
        assertThat(ttn.qos()).isZero();
        assertThat(ttn.password()).isEqualTo("NNSXS.EXAMPLE");
        assertThat(ttn.topics()).containsExactly("v3/+/devices/+/up");
        assertThat(s.toString()).doesNotContain("NNSXS.EXAMPLE");
        assertThat(s.retention()).isEqualTo(java.time.Duration.ofDays(90));
    }

    @Test
    void retentionDefaultsToTheStoresAndMustNotBeNegative() throws Exception {
        Path f = dir.resolve("s.properties");
        Files.writeString(f, "language = de\n");
        assertThat(Settings.read(f).retention()).isNull();
        Files.writeString(f, "retention.days = -3\n");
        assertThatThrownBy(() -> Settings.read(f)).isInstanceOf(ConfigException.class).hasMessageContaining("retention.days");
    }

    @Test
    void severalBrokersWithTopicListsAreRead() throws Exception {
        Path f = dir.resolve("s.properties");
        Files.writeString(f, """
                broker.a.url = tcp://127.0.0.1:1883
                broker.a.topics = tele/+/SENSOR, sensors/#
                broker.b.url = ssl://example.org:8883
                broker.b.topics = v3/+/devices/+/up
                broker.b.qos = 0
                language = en
                """);
        Settings s = Settings.read(f);
        assertThat(s.brokers()).extracting(BrokerConfig::id).containsExactly("a", "b");
        assertThat(s.brokers().get(0).topics()).containsExactly("tele/+/SENSOR", "sensors/#");
        assertThat(s.brokers().get(1).tls()).isTrue();
        assertThat(s.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(s.embedded()).isFalse();
    }

    @Test
    void brokerWithoutTopicsIsRejectedWithItsName() throws Exception {
        Path f = dir.resolve("s.properties");
        Files.writeString(f, "broker.x.url = tcp://127.0.0.1:1883\n");
        assertThatThrownBy(() -> Settings.read(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("broker.x.topics");
    }

    @Test
    void passwordFromAnUnsetEnvironmentVariableIsAnErrorNotAnEmptyPassword() throws Exception {
        Path f = dir.resolve("s.properties");
        Files.writeString(f, """
                broker.x.url = tcp://127.0.0.1:1883
                broker.x.topics = #
                broker.x.password.env = FRISCHLUFT_SURELY_NOT_SET_42
                """);
        assertThatThrownBy(() -> Settings.read(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("FRISCHLUFT_SURELY_NOT_SET_42");
    }

    @Test
    void everyKeyWithABadValueIsNamedAtOnceInWordsAndNothingIsUsed() throws Exception {
        Path f = dir.resolve("s.properties");
        Files.writeString(f, """
                retention.days = ten
                language = fr
                display = blinking
                broker.a.url = http://broker:1883
                broker.a.topics = v3/+/devices/#/up
                broker.a.qos = 2
                broker.a.max-backoff-seconds = 2.5
                broker.b.url = tcp://127.0.0.1:1883
                """);
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> Settings.read(f));
        assertThat(e.problems()).filteredOn(org.frischluft.rooms.Problem::isError)
                .extracting(p -> p.describe(Locale.ENGLISH)).containsExactlyInAnyOrder(
                "retention.days: \"ten\" is not a number",
                "language: \"fr\" is no language Frischluft speaks. Use de or en.",
                "display: \"blinking\" is no display policy. Use always, quiet, schedule, \"schedule dim\" or \"schedule 07:30-16:00 dim\".",
                "broker.a.url: url must start with tcp:// or ssl://, not \"http://broker:1883\".",
                "broker.a.topics: topic filter \"v3/+/devices/#/up\" is not valid MQTT: \"#\" may only stand alone as the last level, \"+\" only alone as a whole level.",
                "broker.a.qos: qos must be 0 or 1, not \"2\".",
                "broker.a.max-backoff-seconds: \"2.5\" is not a whole number.",
                "broker.b.topics: broker.b.topics is missing; it is required for this broker.");
        assertThat(e.getMessage()).startsWith(f + ": ").doesNotContain("Exception");
    }

    @Test
    void unknownKeysAreWarnedWithTheNearestKnownOneAndTheFileIsStillUsed() throws Exception {
        Path f = dir.resolve("s.properties");
        Files.writeString(f, """
                retention.dayz = 30
                broker.a.url = tcp://127.0.0.1:1883
                broker.a.topic = #
                broker.a.topics = #
                colour = blue
                """);
        Settings s = Settings.read(f);
        assertThat(s.retention()).isNull();
        assertThat(s.warnings()).extracting(p -> p.describe(Locale.ENGLISH)).containsExactlyInAnyOrder(
                "broker.a.topic: \"broker.a.topic\" is not a setting Frischluft knows; it is ignored. Did you mean \"broker.a.topics\"?",
                "colour: \"colour\" is not a setting Frischluft knows; it is ignored. Check its spelling.",
                "retention.dayz: \"retention.dayz\" is not a setting Frischluft knows; it is ignored. Did you mean \"retention.days\"?");
        assertThat(s.warnings()).allMatch(p -> !p.isError());
    }

    @Test
    void aKioskIdAndTheDisplayPolicyAreTypedValues() throws Exception {
        Path f = dir.resolve("s.properties");
        Files.writeString(f, "kiosk = k-r101\ndisplay = schedule 07:30-16:00 dim\n");
        Settings s = Settings.read(f);
        assertThat(s.kiosk()).isEqualTo("k-r101");
        assertThat(s.display()).isEqualTo(org.frischluft.rooms.DisplayPolicy.parse("schedule 07:30-16:00 dim"));
        assertThat(Settings.defaults().display()).as("unset: the school file decides").isNull();
    }
}
