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
}
