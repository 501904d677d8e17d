package org.frischluft.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.frischluft.model.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL in the middle of ingest: the file opens again, every reported commit is there once, re-ingest adds nothing. */
class CrashSafetyTest {
    @TempDir
    Path dir;

    @Test
    void killedWriterLeavesEveryCommittedBatchExactlyOnce() throws Exception {
        Path db = dir.resolve("crash").toAbsolutePath();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(1));
        String javaCmd = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(javaCmd, "-cp", System.getProperty("java.class.path"),
                CrashWriterMain.class.getName(), db.toString(), Long.toString(t0.toEpochMilli()))
                .redirectError(dir.resolve("writer.err").toFile())
                .start();
        int reported = 0;
        int commits = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (commits < 5 && (line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    reported = Integer.parseInt(line.substring("committed ".length()).trim());
                    commits++;
                }
            }
            p.destroyForcibly(); // SIGKILL, while it keeps writing
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(commits).as("commits reported before the kill").isEqualTo(5);

        String url = "jdbc:h2:file:" + db;
        long stored;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            stored = scalar(s, "SELECT COUNT(*) FROM reading");
            assertThat(stored).isGreaterThanOrEqualTo(reported);
            // rollups were committed with their rows: exactly one count per stored reading
            assertThat(scalar(s, "SELECT SUM(co2_ppm_n) FROM rollup_5m")).isEqualTo(stored);
            assertThat(scalar(s, StoreContract.HOURS_CONSISTENT)).isZero();
        }

        List<Reading> again = new ArrayList<>();
        for (int i = 0; i < reported; i++) again.add(CrashWriterMain.reading(t0, i));
        try (Store store = Store.open(StoreOptions.of(url), new MutableClock(t0))) {
            store.writer().submitAll(again);
            store.writer().flush(Duration.ofSeconds(30));
            assertThat(store.writer().committedRows()).as("re-ingest of committed readings").isZero();
            assertThat(store.writer().duplicateRows()).isEqualTo(reported);
            String csv = exportAll(store);
            assertThat(csv.lines().skip(1).distinct().count()).isEqualTo(stored);
            assertThat(csv.lines().count() - 1).isEqualTo(stored);
        }
    }

    private static long scalar(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String exportAll(Store store) throws Exception {
        StringBuilder sb = new StringBuilder();
        store.history().exportCsv(ExportQuery.all(), sb);
        return sb.toString();
    }
}
