package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.admin.SchoolEdits;
import org.frischluft.admin.VersionRows;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.TestSchool;
import org.frischluft.rooms.file.SchoolFile;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V4__admin.sql on PostgreSQL (the same script as on H2): versions, audit, undo, in a schema of its own, dropped afterwards. */
class SchoolVersionsPostgresTest {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

    @TempDir
    Path dir;

    @Test
    void versionsAndAuditWorkOnPostgresqlToo() throws Exception {
        String unreachable = null;
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(SERVER + "?connectTimeout=3", "postgres", null)) {
            if (!c.isValid(3)) unreachable = "connection not valid";
        } catch (SQLException e) {
            unreachable = e.getMessage();
        }
        String why = unreachable;
        assumeTrue(why == null, () -> "PostgreSQL at " + SERVER + " not reachable: " + why);
        String schema = "fl_admin_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(SERVER, "postgres", null); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            Path school = dir.resolve("school.json");
            SchoolFile.write(TestSchool.site("gym", "Gymnasium Nord").room("r-1", "1.12", "EG", 0).model(), school);
            Clock clock = Clock.systemUTC();
            try (Store store = Store.open(StoreOptions.of(SERVER + "?currentSchema=" + schema).withCredentials("postgres", null), clock)) {
                SchoolEditor editor = ConfigHistoryCommand.editor(SchoolCatalog.open(school, clock), store, clock);
                editor.reconcile();
                SchoolEditor.Outcome o = editor.save("volume", m -> SchoolEdits.updateRoom(m, RoomId.of("r-1"),
                        r -> new Room(r.id(), r.name(), 222, r.seats(), r.profile(), r.display(), r.sensors())));
                assertThat(o.stored()).isEqualTo(2);
                assertThat(editor.undo().stored()).isEqualTo(3);
                assertThat(editor.history().versions()).extracting(VersionRows.Stored::summary)
                        .containsExactly("first version (school.json)", "volume", "undo of v2");
                assertThat(editor.history().audit()).extracting(VersionRows.Audit::old, VersionRows.Audit::now)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("180", "222"), org.assertj.core.groups.Tuple.tuple("222", "180"));
            }
        } finally {
            try (Connection c = DriverManager.getConnection(SERVER, "postgres", null); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
