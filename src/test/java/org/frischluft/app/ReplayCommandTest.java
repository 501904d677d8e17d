package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReplayCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, List<String> out, String err) {
    }

    private Path trace(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/traces/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new ReplayCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Run(exit, out.toString().lines().toList(), err.toString());
    }

    @Test
    void replaysATraceFileRowByRowWithLightAndAdvice() throws IOException {
        Path file = trace("airing-warm.csv");
        Run r = run("--csv", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().get(0)).isEqualTo("time,room,co2_ppm,light,advice");
        assertThat(r.out()).hasSize(Files.readAllLines(file).size());
        assertThat(r.out().get(1)).isEqualTo("2025-01-13T08:00:00Z,r-103,622,green,");
        assertThat(r.out()).anyMatch(l -> l.matches(".*,green,yellow_in_\\d+min"));
        assertThat(r.out()).anyMatch(l -> l.matches(".*,yellow,red_in_\\d+min"));
        assertThat(r.out()).anyMatch(l -> l.matches(".*,close_in_\\d+min"));
        assertThat(r.out()).anyMatch(l -> l.endsWith(",close_now"));
        assertThat(r.out().subList(1, r.out().size()))
                .allMatch(l -> l.matches("\\S+Z,r-103,\\d*,(green|yellow|red|grey|blue),[a-z0-9_]*"));
    }

    @Test
    void aGapLongEnoughToTurnGreyAddsAGreyRowAtThatInstant() throws IOException {
        Run r = run("--csv", trace("silent-sensor.csv").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("2025-01-13T08:36:30Z,r-102,,grey,");
        assertThat(r.out()).filteredOn(l -> l.contains(",grey,")).hasSize(1);
        assertThat(r.out()).contains("2025-01-13T08:50:00Z,r-102,748,green,");
    }

    @Test
    void rowsOutOfTimeOrderAreReplayedInTimeOrderLikeTheSortedFile() throws IOException {
        Path sorted = trace("airing-warm.csv");
        List<String> lines = Files.readAllLines(sorted);
        List<String> shuffled = new java.util.ArrayList<>(lines.subList(1, lines.size()));
        java.util.Collections.shuffle(shuffled, new java.util.Random(14));
        shuffled.add(0, lines.get(0));
        Path file = dir.resolve("shuffled.csv");
        Files.write(file, shuffled);

        Run r = run("--csv", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(run("--csv", sorted.toString()).out());
    }

    @Test
    void aRowMoreThanTheReorderWindowLateIsSkippedAndCounted() throws IOException {
        Path file = dir.resolve("late.csv");
        Files.writeString(file, String.join("\n",
                "time,device,room,co2_ppm,temperature_c,humidity_pct",
                "2025-01-13T08:00:00Z,dev1,r-1,600,21.0,40",
                "2025-01-13T08:40:00Z,dev1,r-1,620,21.0,40",
                "2025-01-13T15:00:00Z,dev1,r-1,650,21.0,40",
                "2025-01-13T08:30:00Z,dev1,r-1,700,21.0,40") + "\n");
        Run r = run("--csv", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("1 row(s) more than 6 h out of time order skipped");
        assertThat(r.out()).noneMatch(l -> l.startsWith("2025-01-13T08:30:00Z"));
    }

    @Test
    void profileChangesTheColours() throws IOException {
        Path file = trace("noisy-1000.csv");
        assertThat(run("--csv", file.toString()).out()).noneMatch(l -> l.contains(",red,"));
        assertThat(run("--csv", file.toString(), "--profile", "infektionsschutz").out().subList(1, 10))
                .allMatch(l -> l.contains(",red,") || l.contains(",yellow,"));
    }

    @Test
    void badLinesAreCountedOnStderrAndTheRestIsReplayed() throws IOException {
        Path file = dir.resolve("mixed.csv");
        Files.writeString(file, String.join("\n",
                "time,device,room,co2_ppm,temperature_c,humidity_pct",
                "2025-01-13T08:00:00Z,dev1,r-1,600,21.0,40",
                "not a line",
                "2025-13-13T08:01:00Z,dev1,r-1,600,21.0,40",
                "2025-01-13T08:02:00Z,dev1,r-1,abc,21.0,40",
                "2025-01-13T08:03:00Z,dev1,r-1,,21.0,",
                "2025-01-13T08:04:00Z,dev1,\"r-2\",1500,,",
                "2025-01-13T08:05:00Z,dev1,r-1,65535,21.0,40",
                ""));
        Run r = run("--csv", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("3 bad line(s)").contains("line 3");
        assertThat(r.out()).containsExactly("time,room,co2_ppm,light,advice",
                "2025-01-13T08:00:00Z,r-1,600,green,",
                "2025-01-13T08:03:00Z,r-1,,green,",
                "2025-01-13T08:04:00Z,r-2,1500,yellow,",
                "2025-01-13T08:05:00Z,r-1,,green,");
    }

    @Test
    void unknownProfileOrMissingFileIsAClearErrorNotAStackTrace() {
        Run bad = run("--csv", dir.resolve("none.csv").toString(), "--profile", "nonsense");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown profile 'nonsense'");
        Run missing = run("--csv", dir.resolve("none.csv").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("cannot read");
    }

    @Test
    void replayFromTheDatabaseGivesWhatReplayOfItsExportGives() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("history").toAbsolutePath();
        Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
        try (org.frischluft.store.Store store = org.frischluft.store.Store.open(org.frischluft.store.StoreOptions.of(url),
                java.time.Clock.fixed(t0, java.time.ZoneOffset.UTC))) {
            store.assign(org.frischluft.model.DeviceId.of("s-1"), org.frischluft.model.RoomId.of("r-101"), t0);
            for (int i = 0; i < 30; i++) {
                store.writer().submit(org.frischluft.model.Reading.of(org.frischluft.model.DeviceId.of("s-1"),
                        t0.plusSeconds(60L * i), 600.0 + 60 * i, 21.0, 40.0));
            }
            store.writer().flush(java.time.Duration.ofSeconds(20));
        }
        java.io.StringWriter csvOut = new java.io.StringWriter();
        new picocli.CommandLine(new ExportCommand()).setOut(new java.io.PrintWriter(csvOut))
                .execute("--db", url, "--room", "r-101");
        Path csv = dir.resolve("export.csv");
        Files.writeString(csv, csvOut.toString());

        Run fromDb = run("--db", url, "--room", "r-101");
        assertThat(fromDb.exit()).isZero();
        assertThat(fromDb.out()).hasSizeGreaterThan(30).isEqualTo(run("--csv", csv.toString()).out());
        assertThat(fromDb.out()).anyMatch(l -> l.contains(",red,"));
    }

    @Test
    void replayRefusesADatabaseThatDoesNotExistAndNeedsCsvOrDb() {
        Run r = run("--db", "jdbc:h2:file:" + dir.resolve("nothing").toAbsolutePath());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no history at").contains("run record first or check --db");
        assertThat(dir.resolve("nothing.mv.db")).doesNotExist();
        assertThat(run().exit()).isEqualTo(2);
    }
}
