package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config test-broker}: one line per step with its time; exit 0 when every step passed, 2 when one failed. */
class ConfigTestBrokerCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter())).execute(args);
        return new Run(exit, out.toString());
    }

    @Test
    void theLocalMosquittoPassesEveryStep() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 1883), 500);
        } catch (java.io.IOException e) {
            assumeTrue(false, "no Mosquitto at 127.0.0.1:1883");
        }
        Run r = run("config", "test-broker", "--broker", "tcp://127.0.0.1:1883", "--topic", "frischluft-test/none/#", "--seconds", "1",
                "--language", "en");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).hasSize(7);
        assertThat(r.out().lines().toList().get(0)).isEqualTo("broker cli: tcp://127.0.0.1:1883");
        assertThat(r.out().lines().toList().get(2)).matches("  ok      TCP connection +\\d+ ms  connected to 127\\.0\\.0\\.1 port 1883");
        assertThat(r.out().lines().toList().get(3)).matches("  -       TLS certificate +not used: tcp:// is unencrypted \\(ssl:// would use TLS\\)");
        assertThat(r.out().lines().toList().get(6)).matches("  ok      messages +1\\.\\d s  no message in 1 s \\(frischluft-test/none/#: 0\\)\\..*");
    }

    @Test
    void aSettingsFileWithABrokerThatCannotBeFoundExitsTwoAndSaysWhichStep() throws Exception {
        Path f = dir.resolve("frischluft.properties");
        Files.writeString(f, "broker.nirgends.url = tcp://no-such-broker.invalid:1883\nbroker.nirgends.topics = a/#\n");
        Run r = run("config", "test-broker", "--settings", f.toString(), "--language", "de");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out().lines().toList()).hasSize(7).element(1).asString()
                .matches("  FEHLER  Namensauflösung \\(DNS\\) +\\d+ ms  der Name \"no-such-broker\\.invalid\" ist unbekannt \\(DNS\\).*");
        assertThat(r.out().lines().toList().get(2)).matches("  -       TCP-Verbindung +nicht versucht: ein Schritt davor ist gescheitert");
    }

    @Test
    void anIncompleteEntryIsListedNotTested() throws Exception {
        Path f = dir.resolve("frischluft.properties");
        Files.writeString(f, "broker.x.url = mqtt://host\nbroker.x.topics = a/#\n");
        Run r = run("config", "test-broker", "--settings", f.toString(), "--language", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out().lines().toList()).hasSize(2).element(1).asString().startsWith("  url: ");
    }
}
