package org.frischluft.admin.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.frischluft.rooms.ConfigException;
import org.frischluft.rooms.Problem;
import org.frischluft.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broker entries read from a settings file, checked with its rules, and written back without touching the rest. */
class BrokerSettingsFileTest {
    @TempDir
    Path dir;

    private static final String FILE = """
            # the caretaker's desktop
            school = school.json
            language = de

            # Brokers
            broker.ttn.url = ssl://eu1.cloud.thethings.network:8883
            broker.ttn.username = school-co2@ttn
            broker.ttn.password.env = FRISCHLUFT_TEST_UNSET_VARIABLE_X
            broker.ttn.topics = v3/+/devices/+/up
            broker.ttn.qos = 0
            broker.schule.url = tcp://mqtt.schule.local:1883
            broker.schule.topics = tele/+/SENSOR, \\
                +/sensor/+/state
            pin = pbkdf2$1000$abc$def
            """;

    @Test
    void entriesAreReadWithTheirValuesAsWritten() throws Exception {
        Path f = dir.resolve("frischluft.properties");
        Files.writeString(f, FILE);
        BrokerSettingsFile s = BrokerSettingsFile.load(f);
        assertThat(s.entries()).extracting(BrokerEntry::id).containsExactly("ttn", "schule");
        assertThat(s.entries().get(0).get("password.env")).isEqualTo("FRISCHLUFT_TEST_UNSET_VARIABLE_X");
        assertThat(s.entries().get(1).get("topics")).isEqualTo("tele/+/SENSOR, +/sensor/+/state");
        assertThat(s.entries().get(1).problems()).isEmpty();
        assertThat(s.entries().get(0).problems()).extracting(Problem::path).containsExactly("password.env");
    }

    @Test
    void everyProblemOfAnEntryIsSaidAtItsKey() {
        BrokerEntry e = new BrokerEntry("schule", java.util.Map.of("url", "http://mqtt", "topics", "a/#/b", "qos", "2"), dir);
        assertThat(e.problems()).extracting(Problem::path).containsExactlyInAnyOrder("url", "topics", "qos");
        assertThat(new BrokerEntry("my broker", java.util.Map.of(), dir).problems()).singleElement()
                .satisfies(p -> assertThat(p.message(Locale.ENGLISH)).isEqualTo("broker name \"my broker\" may contain only letters, digits, - and _."));
    }

    @Test
    void savingKeepsEveryOtherLineAndWritesABlockWhereTheBrokersWere() throws Exception {
        Path f = dir.resolve("frischluft.properties");
        Files.writeString(f, FILE);
        BrokerSettingsFile s = BrokerSettingsFile.load(f);
        BrokerEntry schule = s.entries().get(1).with("url", "tcp://10.0.0.5:1883").with("username", "kiosk");
        BrokerSettingsFile saved = s.save(List.of(schule, BrokerEntry.of("diy", "tcp://127.0.0.1:1883", "sensors/#", s.dir())));
        assertThat(Files.readString(f)).isEqualTo("""
                # the caretaker's desktop
                school = school.json
                language = de

                # Brokers
                broker.schule.url = tcp://10.0.0.5:1883
                broker.schule.topics = tele/+/SENSOR, +/sensor/+/state
                broker.schule.username = kiosk
                broker.diy.url = tcp://127.0.0.1:1883
                broker.diy.topics = sensors/#
                pin = pbkdf2$1000$abc$def
                """);
        assertThat(saved.entries()).extracting(BrokerEntry::id).containsExactly("schule", "diy");
        Settings settings = Settings.read(f);
        assertThat(settings.brokers()).extracting(b -> b.url()).containsExactly("tcp://127.0.0.1:1883", "tcp://10.0.0.5:1883");
    }

    @Test
    void anInvalidSaveWritesNothingAndListsEveryProblem() throws Exception {
        Path f = dir.resolve("frischluft.properties");
        Files.writeString(f, FILE);
        BrokerSettingsFile s = BrokerSettingsFile.load(f);
        BrokerEntry bad = s.entries().get(1).with("url", "mqtt.schule.local").with("qos", "3");
        BrokerEntry twice = BrokerEntry.of("schule", "tcp://x:1883", "a", s.dir());
        assertThatThrownBy(() -> s.save(List.of(bad, twice))).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).extracting(Problem::path)
                        .containsExactly("broker.schule.url", "broker.schule.qos", "broker.schule"));
        assertThat(Files.readString(f)).isEqualTo(FILE);
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void aPasswordFromAnEnvironmentVariableThisComputerLacksDoesNotBlockASave() throws Exception {
        Path f = dir.resolve("frischluft.properties");
        Files.writeString(f, FILE);
        BrokerSettingsFile s = BrokerSettingsFile.load(f);
        assertThat(s.check(s.entries())).isEmpty();
        s.save(s.entries());
        assertThat(BrokerSettingsFile.load(f).entries()).isEqualTo(s.entries());
    }

    @Test
    void aValueWithBackslashesAndLeadingSpacesReadsBackTheSame() {
        assertThat(BrokerSettingsFile.escape(" C:\\certs\\ca.pem")).isEqualTo("\\ C:\\\\certs\\\\ca.pem");
    }
}
