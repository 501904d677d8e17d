package org.frischluft.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.frischluft.model.RoomId;
import org.frischluft.model.SensorModel;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.TestSchool;
import org.frischluft.rooms.file.SchoolFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving, undo and rollback as numbered, audited versions; the school file always holds the version in effect. */
class SchoolEditorHistoryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private Path file;
    private SchoolCatalog catalog;
    private SchoolEditor editor;

    @BeforeEach
    void setUp() throws Exception {
        file = dir.resolve("school.json");
        SchoolFile.write(TestSchool.site("gym", "Gymnasium Nord")
                .room("r-112", "1.12", "EG", 0).sensor("a81758fffe05a3c1", SensorModel.ELSYS_ERS_CO2, null)
                .model(), file);
        catalog = SchoolCatalog.open(file, CLOCK);
        editor = new SchoolEditor(catalog, "hausmeister", new SchoolHistory(VersionRows.inMemory(), CLOCK, dir), Runnable::run);
    }

    private static SchoolModel volume(SchoolModel m, double v) {
        return SchoolEdits.updateRoom(m, RoomId.of("r-112"), r -> new Room(r.id(), r.name(), v, r.seats(), r.profile(),
                r.display(), r.sensors()));
    }

    @Test
    void aSaveIsTheNextVersionWithOneAuditRowPerField() throws Exception {
        assertThat(editor.reconcile()).isEqualTo(1);
        SchoolEditor.Outcome o = editor.save("volume of 1.12", m -> volume(m, 210));
        assertThat(o.saved()).isTrue();
        assertThat(o.stored()).isEqualTo(2);
        assertThat(SchoolFile.read(file).room(RoomId.of("r-112")).orElseThrow().volumeM3()).isEqualTo(210);
        assertThat(editor.history().versions()).extracting(VersionRows.Stored::summary)
                .containsExactly("first version (school.json)", "volume of 1.12");
        assertThat(editor.history().audit()).containsExactly(new VersionRows.Audit(2, CLOCK.instant(), "hausmeister",
                "site Gymnasium Nord / room 1.12 / volume", "180", "210"));
    }

    @Test
    void anInvalidChangeSavesNothing() throws Exception {
        String before = Files.readString(file);
        SchoolEditor.Outcome o = editor.save("a hall", m -> volume(m, 200_000));
        assertThat(o.saved()).isFalse();
        assertThat(o.errors()).extracting(p -> p.path()).containsExactly("sites[0].buildings[0].floors[0].rooms[0].volumeM3");
        SchoolEditor.Outcome twice = editor.save("a sensor twice", m -> SchoolEdits.addRoom(m, m.sites().get(0).id(), "main", "EG",
                Room.of(RoomId.of("r-999"), "x", 0, 0, java.util.List.of(m.rooms().get(0).sensors().get(0)))));
        assertThat(twice.saved()).isFalse();
        assertThat(twice.errors()).isNotEmpty();
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(editor.history().versions()).isEmpty();
    }

    @Test
    void undoSavesThePreviousVersionAgainAndRollbackAnyEarlierOne() throws Exception {
        editor.save("v2", m -> volume(m, 200));
        editor.save("v3", m -> volume(m, 300));
        SchoolEditor.Outcome undo = editor.undo();
        assertThat(undo.stored()).isEqualTo(4);
        assertThat(catalog.model().room(RoomId.of("r-112")).orElseThrow().volumeM3()).isEqualTo(200);
        assertThat(editor.history().versions().get(3).summary()).isEqualTo("undo of v3");
        assertThat(editor.history().audit(4)).extracting(VersionRows.Audit::old, VersionRows.Audit::now)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("300", "200"));

        SchoolEditor.Outcome back = editor.rollback(1);
        assertThat(back.stored()).isEqualTo(5);
        assertThat(SchoolFile.read(file).room(RoomId.of("r-112")).orElseThrow().volumeM3()).isEqualTo(180);
        assertThat(editor.history().versions().get(4).summary()).isEqualTo("rollback to v1");
    }

    @Test
    void aFileChangedByHandIsANewVersionChangedOutsideTheApp() throws Exception {
        editor.reconcile();
        SchoolFile.write(volume(catalog.model(), 99), file);
        catalog.reload();
        assertThat(editor.reconcile()).isEqualTo(2);
        assertThat(editor.history().versions().get(1).summary()).isEqualTo(SchoolHistory.CHANGED_OUTSIDE);
        assertThat(editor.history().audit(2)).extracting(VersionRows.Audit::now).containsExactly("99");
        assertThat(editor.reconcile()).as("the same file again: no new version").isEqualTo(2);
    }

    @Test
    void theAuditExportsAsCsvWithTheFixedHeader() throws Exception {
        editor.save("name; with \"quotes\"", m -> SchoolEdits.updateRoom(m, RoomId.of("r-112"), r -> new Room(r.id(),
                "Raum; \"A\"", r.volumeM3(), r.seats(), r.profile(), r.display(), r.sensors())));
        StringWriter out = new StringWriter();
        editor.history().exportCsv(out);
        assertThat(out.toString().lines()).containsExactly("version;time;actor;what;old;new",
                "2;2026-03-02T09:00:00Z;hausmeister;\"site Gymnasium Nord / room Raum; \"\"A\"\" / name\";1.12;\"Raum; \"\"A\"\"\"");
    }
}
