package org.frischluft.app;

import java.nio.file.Path;
import java.time.Clock;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.admin.SchoolEdits;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;

/**
 * The child JVM of {@link AdminSaveCrashIT}: saves the school again and again as the admin area does (file, then
 * version and audit), room r-1's volume one more each time, printing {@code saved N} after each, until killed.
 * Arguments: school file, JDBC URL.
 */
public final class AdminSaveLoopMain {
    private AdminSaveLoopMain() {
    }

    public static void main(String[] args) throws Exception {
        Clock clock = Clock.systemUTC();
        Store store = Store.open(StoreOptions.of(args[1]), clock);
        SchoolCatalog catalog = SchoolCatalog.open(Path.of(args[0]), clock);
        SchoolEditor editor = ConfigHistoryCommand.editor(catalog, store, clock);
        editor.reconcile();
        for (long i = 1; ; i++) {
            SchoolEditor.Outcome o = editor.save("volume +1", m -> SchoolEdits.updateRoom(m, RoomId.of("r-1"),
                    r -> new Room(r.id(), r.name(), r.volumeM3() + 1, r.seats(), r.profile(), r.display(), r.sensors())));
            if (!o.saved()) throw new IllegalStateException("not saved: " + o.problems());
            System.out.println("saved " + i);
            System.out.flush();
        }
    }
}
