package org.frischluft.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.file.SchoolFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchoolCatalogTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();

    private static SchoolModel school(String... rooms) {
        TestSchool s = TestSchool.site("s", "Schule");
        for (String r : rooms) s.room(r, r.toUpperCase(), "EG", 0);
        return s.model();
    }

    @Test
    void aChangedFileBecomesTheNextVersionAndEveryListenerHearsOfIt() throws Exception {
        Path file = dir.resolve("school.json");
        SchoolFile.write(school("r-1"), file);
        SchoolCatalog catalog = SchoolCatalog.open(file, clock);
        assertThat(catalog.current().number()).isEqualTo(1);
        List<SchoolVersion> heard = new CopyOnWriteArrayList<>();
        catalog.subscribe(heard::add);
        catalog.subscribe(v -> {
            throw new IllegalStateException("a broken listener");
        });

        assertThat(catalog.reload().outcome()).as("same content").isEqualTo(SchoolCatalog.Reload.Outcome.UNCHANGED);
        SchoolFile.write(school("r-1", "r-2"), file);
        SchoolCatalog.Reload r = catalog.reload();
        assertThat(r.outcome()).isEqualTo(SchoolCatalog.Reload.Outcome.APPLIED);
        assertThat(catalog.current().number()).isEqualTo(2);
        assertThat(catalog.model().hasRoom(RoomId.of("r-2"))).isTrue();
        assertThat(heard).extracting(SchoolVersion::number).as("the broken listener cost the others nothing").containsExactly(2L);
    }

    @Test
    void aBrokenFileNeverReplacesTheGoodVersionAndSaysWhy() throws Exception {
        Path file = dir.resolve("school.json");
        SchoolFile.write(school("r-1"), file);
        SchoolCatalog catalog = SchoolCatalog.open(file, clock);
        Files.writeString(file, "{\"sites\": [{\"id\": \"s\", \"buildings\": [{\"id\": \"main\", \"floors\": "
                + "[{\"name\": \"EG\", \"rooms\": [{\"id\": \"r-1\", \"display\": \"blinking\"}]}]}]}]}");
        SchoolCatalog.Reload r = catalog.reload();
        assertThat(r.outcome()).isEqualTo(SchoolCatalog.Reload.Outcome.REFUSED);
        assertThat(r.problems()).extracting(Problem::code).contains("display.invalid");
        assertThat(catalog.current().number()).isEqualTo(1);
        assertThat(catalog.model()).isEqualTo(school("r-1"));
        assertThat(catalog.lastRefusal()).isSameAs(r);
        Files.writeString(file, "");
        assertThat(catalog.reload().outcome()).isEqualTo(SchoolCatalog.Reload.Outcome.REFUSED);
        SchoolFile.write(school("r-1", "r-3"), file);
        assertThat(catalog.reload().outcome()).isEqualTo(SchoolCatalog.Reload.Outcome.APPLIED);
        assertThat(catalog.lastRefusal()).isNull();
    }

    @Test
    void aFileThatIsBrokenAtStartIsRefusedWithEveryProblem() throws Exception {
        Path file = dir.resolve("school.json");
        Files.writeString(file, "null");
        assertThatThrownBy(() -> SchoolCatalog.open(file, clock)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(Problem::code).containsExactly("file.not-object"));
    }

    @Test
    void theWatcherAppliesAnEditWithinSecondsWithoutAnyoneAsking() throws Exception {
        Path file = dir.resolve("school.json");
        SchoolFile.write(school("r-1"), file);
        SchoolCatalog catalog = SchoolCatalog.open(file, clock);
        try (SchoolFileWatcher watcher = SchoolFileWatcher.start(catalog, Duration.ofMillis(100))) {
            SchoolFile.write(school("r-1", "r-2"), file);
            await().atMost(Duration.ofSeconds(10)).until(() -> catalog.model().hasRoom(RoomId.of("r-2")));
            Files.writeString(file, "{ broken");
            await().atMost(Duration.ofSeconds(10)).until(() -> catalog.lastRefusal() != null);
            assertThat(catalog.model().hasRoom(RoomId.of("r-2"))).isTrue();
        }
    }

    @Test
    void savingWritesTheFileAtomicallyAndMakesItCurrent() throws Exception {
        Path file = dir.resolve("school.json");
        SchoolFile.write(school("r-1"), file);
        SchoolCatalog catalog = SchoolCatalog.open(file, clock);
        SchoolVersion v = catalog.save(school("r-1", "r-9"), "admin");
        assertThat(v.number()).isEqualTo(2);
        assertThat(SchoolFile.read(file)).isEqualTo(school("r-1", "r-9"));
        assertThat(catalog.reload().outcome()).isEqualTo(SchoolCatalog.Reload.Outcome.UNCHANGED);
    }
}
