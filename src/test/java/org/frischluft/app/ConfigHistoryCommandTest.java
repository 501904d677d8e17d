package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.frischluft.admin.SchoolEdits;
import org.frischluft.model.RoomId;
import org.frischluft.model.SensorModel;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.TestSchool;
import org.frischluft.rooms.file.SchoolFile;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config history|undo|rollback N|audit}: versions and audit in a real H2 history file. */
class ConfigHistoryCommandTest {
    @TempDir
    Path dir;
    private Path school;
    private String db;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 5];
        all[0] = "config";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--school";
        all[args.length + 2] = school.toString();
        all[args.length + 3] = "--db";
        all[args.length + 4] = db;
        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(all);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeEach
    void setUp() throws Exception {
        school = dir.resolve("school.json");
        db = "jdbc:h2:file:" + dir.resolve("history").toAbsolutePath();
        SchoolFile.write(TestSchool.site("gym", "Gymnasium Nord")
                .room("r-112", "1.12", "EG", 0).sensor("a81758fffe05a3c1", SensorModel.ELSYS_ERS_CO2, null).model(), school);
        // the app saves a change, as the admin area does
        Clock clock = Clock.systemUTC();
        try (Store store = Store.open(StoreOptions.of(db), clock)) {
            SchoolCatalog catalog = SchoolCatalog.open(school, clock);
            ConfigHistoryCommand.editor(catalog, store, clock).save("volume of 1.12", m -> SchoolEdits.updateRoom(m,
                    RoomId.of("r-112"), r -> new Room(r.id(), r.name(), 210, r.seats(), r.profile(), r.display(), r.sensors())));
        }
    }

    @Test
    void historyListsTheVersionsAndUndoAndRollbackAddVersions() throws Exception {
        Run h = run("history");
        assertThat(h.exit()).as(h.err()).isZero();
        assertThat(h.out().lines()).hasSize(2);
        assertThat(h.out().lines().toList().get(0)).startsWith("v1\t").endsWith("\tfirst version (school.json)\t0 changes");
        assertThat(h.out().lines().toList().get(1)).startsWith("v2\t").endsWith("\tvolume of 1.12\t1 change");

        Run undo = run("undo");
        assertThat(undo.exit()).as(undo.err()).isZero();
        assertThat(undo.out()).isEqualTo("v3: undo of v2 (1 changes)" + System.lineSeparator());
        assertThat(SchoolFile.read(school).room(RoomId.of("r-112")).orElseThrow().volumeM3()).isEqualTo(180);

        Run back = run("rollback", "2");
        assertThat(back.exit()).isZero();
        assertThat(back.out()).startsWith("v4: rollback to v2");
        assertThat(SchoolFile.read(school).room(RoomId.of("r-112")).orElseThrow().volumeM3()).isEqualTo(210);
        assertThat(run("rollback", "4").exit()).as("already in effect").isEqualTo(1);
        assertThat(run("rollback", "99").err()).contains("there is no version 99");
    }

    @Test
    void auditGoesToTheTerminalOrToACsvFile() throws Exception {
        Run a = run("audit");
        assertThat(a.exit()).isZero();
        assertThat(a.out().lines().toList()).hasSize(2);
        assertThat(a.out().lines().toList().get(0)).isEqualTo("version;time;actor;what;old;new");
        assertThat(a.out().lines().toList().get(1)).startsWith("2;").endsWith(";site Gymnasium Nord / room 1.12 / volume;180;210");
        Path csv = dir.resolve("audit.csv");
        Run f = run("audit", "--csv", csv.toString());
        assertThat(f.out()).startsWith("audit: 1 changes written to");
        assertThat(Files.readString(csv)).isEqualTo(a.out().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aFileEditedByHandBecomesAVersionChangedOutsideTheApp() throws Exception {
        SchoolFile.write(SchoolEdits.removeRoom(SchoolFile.read(school), RoomId.of("r-112")), school);
        Run h = run("history");
        assertThat(h.out().lines().toList()).hasSize(3);
        assertThat(h.out().lines().toList().get(2)).contains("\tchanged outside the app\t");
    }
}
