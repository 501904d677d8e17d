package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.frischluft.fleet.ConfigKeys;
import org.frischluft.fleet.ConfigMessage;
import org.frischluft.fleet.FleetFixtures;
import org.frischluft.model.SiteId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config keygen} and {@code config verify --pub PUB FILE}: exit 0 valid, 2 refused with the reason. */
class ConfigFleetCommandsTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path message(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.US_ASCII);
        return f;
    }

    @Test
    void keygenThenVerifyAcceptsASignedMessageAndRefusesATamperedOne() throws Exception {
        Run k = run("config", "keygen", "--out", dir.toString());
        assertThat(k.exit()).as(k.err()).isZero();
        assertThat(k.out()).contains("frischluft-config.key (rw-------").contains("fingerprint: ");
        Path pub = dir.resolve(ConfigKeys.PUBLIC_FILE);
        var priv = ConfigKeys.readPrivate(dir.resolve(ConfigKeys.PRIVATE_FILE));
        String signed = ConfigMessage.of(FleetFixtures.school("gs-cli"), SiteId.of("gs-cli"), 17, Instant.parse("2025-11-25T08:00:00Z"))
                .sign(priv, null);

        Run ok = run("config", "verify", "--pub", pub.toString(), message("ok.jws", signed).toString());
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).startsWith("valid: site gs-cli, version 17, issued 2025-11-25T08:00:00Z, 27 rooms, 1 kiosks");

        String[] p = signed.split("\\.");
        String forged = p[0] + "." + p[1].substring(0, p[1].length() - 4) + "AAAA." + p[2];
        Run bad = run("config", "verify", "--pub", pub.toString(), message("bad.jws", forged).toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.out()).startsWith("refused (tampered): ");

        Run plain = run("config", "verify", "--pub", pub.toString(), message("plain.json", "{\"site\":\"gs-cli\"}").toString());
        assertThat(plain.exit()).isEqualTo(2);
        assertThat(plain.out()).isEqualToIgnoringNewLines("refused (unsigned): plain JSON without a signature");

        Run replay = run("config", "verify", "--pub", pub.toString(), "--after", "17", dir.resolve("ok.jws").toString());
        assertThat(replay.exit()).isEqualTo(2);
        assertThat(replay.out()).startsWith("refused (replayed): version 17 is not newer than the applied 17");

        Run site = run("config", "verify", "--pub", pub.toString(), "--site", "gs-other", dir.resolve("ok.jws").toString());
        assertThat(site.out()).startsWith("refused (other-site): for site gs-cli, this is gs-other");
    }

    @Test
    void publishSignsTheSitePublishesItRetainedAndTheSavedMessageVerifies() throws Exception {
        run("config", "keygen", "--out", dir.toString());
        String site = FleetFixtures.uniqueSite("gs-cli");
        Path school = dir.resolve("school.json");
        Files.writeString(school, FleetFixtures.schoolJson(site), StandardCharsets.UTF_8);
        try (LocalBroker broker = LocalBroker.start()) {
            Run r = run("config", "publish", "--broker", broker.url(), "--key", dir.resolve(ConfigKeys.PRIVATE_FILE).toString(),
                    "--school", school.toString(), "--save", dir.resolve("sent.jws").toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("published frischluft/" + site + "/config: version ").contains("27 rooms, 1 kiosks");
            Run v = run("config", "verify", "--pub", dir.resolve(ConfigKeys.PUBLIC_FILE).toString(), "--site", site,
                    dir.resolve("sent.jws").toString());
            assertThat(v.exit()).as(v.out()).isZero();
            org.frischluft.fleet.ConfigPublisher.send(new org.frischluft.fleet.FleetBroker(broker.url(), null, null),
                    org.frischluft.fleet.FleetTopics.config(SiteId.of(site)), new byte[0]);
        }
    }

    @Test
    void publishRefusesAPrivateKeyOthersCanRead() throws Exception {
        run("config", "keygen", "--out", dir.toString());
        Path key = dir.resolve(ConfigKeys.PRIVATE_FILE);
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        Run r = run("config", "publish", "--broker", "tcp://127.0.0.1:1", "--key", key.toString(), "--school", "kiosk-config/demo-school.json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("can be read by others").contains("chmod 600");
    }
}
