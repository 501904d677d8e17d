package org.frischluft.sim;

import java.nio.file.Path;
import org.frischluft.rooms.file.SchoolFile;

/**
 * Regenerates {@code kiosk-config/demo-school.json} from {@link DemoSchool} after a change there, either from the
 * IDE or with {@code mvn -o -q test -Dtest=DemoSchoolTest -Dfrischluft.regenerate=true} (the test then writes
 * the file before it compares).
 */
public final class WriteDemoSchool {
    static final Path FILE = Path.of("kiosk-config", "demo-school.json");

    private WriteDemoSchool() {
    }

    public static void main(String[] args) throws Exception {
        SchoolFile.write(DemoSchool.model(), FILE);
        System.out.println("wrote " + FILE.toAbsolutePath());
    }
}
