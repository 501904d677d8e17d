package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @TempDir
    Path dir;
    String url;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void fillHistory() {
        url = "jdbc:h2:file:" + dir.resolve("history").toAbsolutePath();
        try (Store store = Store.open(StoreOptions.of(url), Clock.fixed(T0, ZoneOffset.UTC))) {
            store.assign(DeviceId.of("70B3D57ED0001A01"), RoomId.of("r-101"), T0);
            store.writer().submit(Reading.of(DeviceId.of("70b3d57ed0001a01"), T0, 812.0, 21.5, 40.0));
            store.writer().submit(Reading.of(DeviceId.of("70b3d57ed0001a01"), T0.plusSeconds(60), 845.0, null, null));
            store.writer().submit(Reading.of(DeviceId.of("diy-light-7"), T0.plusSeconds(30), 1500.0, 23.25, 55.0));
            store.writer().flush(Duration.ofSeconds(20));
        }
    }

    int run(String... args) {
        return new CommandLine(new ExportCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void exportsARoomAsCsvOnStdout() {
        int code = run("--db", url, "--room", "r-101");

        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo("""
                time,device,room,co2_ppm,temperature_c,humidity_pct
                2026-03-02T08:00:00Z,70b3d57ed0001a01,r-101,812,21.5,40
                2026-03-02T08:01:00Z,70b3d57ed0001a01,r-101,845,,
                """);
    }

    @Test
    void filtersByDeviceAndTimeRange() {
        int code = run("--db", url, "--device", "diy-light-7", "--from", "2026-03-02T08:00:00Z", "--to", "2026-03-02T09:00:00Z");

        assertThat(code).isZero();
        assertThat(out.toString().lines()).containsExactly("time,device,room,co2_ppm,temperature_c,humidity_pct",
                "2026-03-02T08:00:30Z,diy-light-7,,1500,23.25,55");
        assertThat(run("--db", url, "--device", "diy-light-7", "--from", "2026-03-02T08:01:00Z")).isZero();
        assertThat(out.toString().lines().filter(l -> l.contains("diy-light-7"))).hasSize(1);
    }

    @Test
    void badTimeOrDatabaseGivesAMessageAndNonZeroExit() {
        assertThat(run("--db", url, "--from", "yesterday")).isNotZero();
        assertThat(err.toString()).contains("--from");
        assertThat(run("--db", "jdbc:mysql://nowhere/x")).isEqualTo(2);
        assertThat(err.toString()).contains("unsupported database URL");
        assertThat(run()).isNotZero();
        assertThat(err.toString()).contains("--db");
    }

    @Test
    void aDatabaseThatDoesNotExistIsRefusedOnStderrAndNotCreated() {
        Path missing = dir.resolve("elsewhere").resolve("history");
        int code = run("--db", "jdbc:h2:file:" + missing.toAbsolutePath());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).as("nothing on stdout, where the CSV goes").isEmpty();
        assertThat(err.toString()).contains("no history at " + missing.toAbsolutePath() + ".mv.db")
                .contains("run record first or check --db");
        assertThat(dir.resolve("elsewhere")).doesNotExist();
    }

    @Test
    void theHistoryFileAndItsFolderAreReadableByTheirOwnerOnly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
                .contains("posix"));
        Path base = dir.resolve("new-folder").resolve("history");
        try (Store store = Store.open(StoreOptions.of("jdbc:h2:file:" + base.toAbsolutePath()), Clock.systemUTC())) {
            assertThat(java.nio.file.Files.getPosixFilePermissions(dir.resolve("new-folder")))
                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            assertThat(java.nio.file.Files.getPosixFilePermissions(dir.resolve("new-folder/history.mv.db")))
                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            Path server = dir.resolve("new-folder/history.server");
            assertThat(java.nio.file.Files.getPosixFilePermissions(server))
                    .as("holds the key readers need").isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            String address = java.nio.file.Files.readString(server).trim(); // tcp://127.0.0.1:PORT/KEY
            assertThat(address).matches("tcp://127\\.0\\.0\\.1:\\d+/[0-9a-f]{32}");
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:" + address)) {
                assertThat(c.isValid(2)).isTrue();
            }
            String withoutKey = address.substring(0, address.lastIndexOf('/') + 1) + base.toAbsolutePath();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> java.sql.DriverManager.getConnection("jdbc:h2:" + withoutKey).close())
                    .as("the file's path alone opens nothing").isInstanceOf(java.sql.SQLException.class);
        }
        assertThat(dir.resolve("new-folder/history.server")).as("gone once the store is closed").doesNotExist();
    }
}
