package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.frischluft.admin.SchoolDiff;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.admin.VersionRows;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.TestSchool;
import org.frischluft.rooms.file.SchoolFile;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 during a save: a child JVM saves the school in a loop (file, then version and audit in one transaction) and
 * is SIGKILLed three times at different moments. Each time the school file is one whole version — the newest stored
 * one, or the next one whose version the kill kept from the database — and the database is consistent: versions
 * numbered without gaps, each with exactly the audit rows of its difference from the one before. The next start takes
 * a newer file as a version "changed outside the app".
 */
class AdminSaveCrashIT {
    @TempDir
    Path dir;

    @Test
    void aKilledSaveLeavesTheOldOrTheNewVersionNeverAMix() throws Exception {
        Path school = dir.resolve("school.json");
        String db = "jdbc:h2:file:" + dir.resolve("history").toAbsolutePath();
        SchoolFile.write(TestSchool.site("gym", "Gymnasium Nord").room("r-1", "1", "EG", 0).model(), school);
        long[] waitFor = {15, 40, 27};
        for (int round = 0; round < waitFor.length; round++) {
            AtomicLong saved = new AtomicLong();
            long enough = waitFor[round];
            Process child = start(school, db, saved);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> saved.get() >= enough || !child.isAlive());
                assertThat(child.isAlive()).as("the child saves until killed").isTrue();
                Thread.sleep(7L * round); // a different moment of the save each round
            } finally {
                child.destroyForcibly(); // SIGKILL
                child.waitFor();
            }
            check(school, db);
        }
    }

    private void check(Path school, String db) throws Exception {
        SchoolFile.Result file = SchoolFile.check(school);
        assertThat(file.ok()).as("the school file reads: %s", file.problems()).isTrue();
        Clock clock = Clock.systemUTC();
        try (Store store = Store.open(StoreOptions.of(db), clock)) {
            SchoolEditor editor = ConfigHistoryCommand.editor(SchoolCatalog.open(school, clock), store, clock);
            List<VersionRows.Stored> versions = editor.history().versions();
            assertThat(versions).isNotEmpty();
            List<SchoolModel> models = new ArrayList<>();
            for (int i = 0; i < versions.size(); i++) {
                assertThat(versions.get(i).number()).as("no gaps").isEqualTo(i + 1);
                models.add(editor.history().model(versions.get(i).number()).orElseThrow());
            }
            for (int i = 1; i < versions.size(); i++) {
                long n = versions.get(i).number();
                List<SchoolDiff.Change> expected = SchoolDiff.between(models.get(i - 1), models.get(i));
                assertThat(editor.history().audit(n)).extracting(a -> new SchoolDiff.Change(a.what(), a.old(), a.now()))
                        .as("version %d has exactly its own audit rows", n).containsExactlyElementsOf(expected);
            }
            SchoolModel newest = models.get(models.size() - 1);
            double stored = volume(newest);
            double inFile = volume(file.model());
            assertThat(inFile).as("the file holds the newest version or the next one").isIn(stored, stored + 1);
            if (inFile == stored) assertThat(file.model()).isEqualTo(newest);
            long after = editor.reconcile();
            assertThat(editor.history().model(after).orElseThrow()).isEqualTo(file.model());
            if (inFile != stored) {
                assertThat(editor.history().version(after).orElseThrow().summary()).isEqualTo("changed outside the app");
            }
        }
    }

    private static double volume(SchoolModel m) {
        return m.room(RoomId.of("r-1")).orElseThrow().volumeM3();
    }

    private static Process start(Path school, String db, AtomicLong saved) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                AdminSaveLoopMain.class.getName(), school.toString(), db).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("saved ")) saved.set(Long.parseLong(line.substring(6).strip()));
                }
            } catch (Exception ignored) {
                // the child was killed
            }
        }, "admin-crash-child");
        reader.setDaemon(true);
        reader.start();
        return p;
    }
}
