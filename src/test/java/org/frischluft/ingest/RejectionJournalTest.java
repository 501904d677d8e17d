package org.frischluft.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.model.RejectionSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rejections file stays bounded, keeps the newest lines and survives torn or foreign lines. */
class RejectionJournalTest {
    static final Instant T0 = Instant.parse("2025-11-25T09:00:00Z");

    @TempDir
    Path dir;

    static List<RejectionSummary.Entry> entries(int from, int n) {
        List<RejectionSummary.Entry> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            out.add(new RejectionSummary.Entry(T0.plusSeconds(i), "sensors/s" + i, "malformed-json: at " + i, "{\"co2\":" + i));
        }
        return out;
    }

    @Test
    void appendedEntriesReadBackInOrderWithEveryField() throws IOException {
        RejectionJournal j = new RejectionJournal(dir.resolve("sub/rejections.jsonl"));
        j.append(entries(0, 2));
        j.append(List.of(new RejectionSummary.Entry(T0, "a/\"quoted\"/b", "implausible-co2: 65535 ppm", "ü\n\"x\"")));
        List<RejectionSummary.Entry> back = RejectionJournal.read(j.file());
        assertThat(back).hasSize(3);
        assertThat(back.get(0)).isEqualTo(entries(0, 1).get(0));
        assertThat(back.get(2).topic()).isEqualTo("a/\"quoted\"/b");
        assertThat(back.get(2).excerpt()).isEqualTo("ü\n\"x\"");
        assertThat(back.get(2).code()).isEqualTo("implausible-co2");
    }

    @Test
    void growingPastMaxLinesRewritesTheFileWithOnlyTheNewest() throws IOException {
        RejectionJournal j = new RejectionJournal(dir.resolve("r.jsonl"), 5, 10);
        for (int i = 0; i < 10; i++) j.append(entries(i, 1));
        assertThat(Files.readAllLines(j.file())).hasSize(10);
        j.append(entries(10, 1));
        List<RejectionSummary.Entry> back = RejectionJournal.read(j.file());
        assertThat(back).extracting(RejectionSummary.Entry::topic)
                .containsExactly("sensors/s6", "sensors/s7", "sensors/s8", "sensors/s9", "sensors/s10");
        assertThat(Files.list(dir)).as("no temp file left").containsExactly(j.file());

        // a new journal on the same file counts the existing lines before it appends
        RejectionJournal again = new RejectionJournal(j.file(), 5, 10);
        again.append(entries(11, 6));
        assertThat(RejectionJournal.read(j.file())).hasSize(5).last()
                .extracting(RejectionSummary.Entry::topic).isEqualTo("sensors/s16");
    }

    @Test
    void tornOrForeignLinesAreSkippedAndAMissingFileIsEmpty() throws IOException {
        Path f = dir.resolve("r.jsonl");
        assertThat(RejectionJournal.read(f)).isEmpty();
        RejectionJournal j = new RejectionJournal(f);
        j.append(entries(0, 1));
        Files.write(f, new byte[] {'n', 'o', (byte) 0xC3, '\n'}, StandardOpenOption.APPEND);
        Files.writeString(f, "{\"time\":\"yesterday\"}\n[1,2]\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        j.append(entries(1, 1));
        Files.writeString(f, "{\"time\":\"2025-11-25T09:00:0", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(RejectionJournal.read(f)).extracting(RejectionSummary.Entry::topic)
                .containsExactly("sensors/s0", "sensors/s1");
    }

    @Test
    void theJournalAndTheFolderItCreatesAreReadableByTheirOwnerOnly() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
                .contains("posix"));
        RejectionJournal j = new RejectionJournal(dir.resolve("data/rejections.jsonl"), 5, 10);
        for (int i = 0; i < 12; i++) j.append(entries(i, 1)); // appended and rewritten (trimmed)
        assertThat(java.nio.file.Files.getPosixFilePermissions(dir.resolve("data/rejections.jsonl")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(java.nio.file.Files.getPosixFilePermissions(dir.resolve("data")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }
}
