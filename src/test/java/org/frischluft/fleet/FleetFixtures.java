package org.frischluft.fleet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.file.SchoolFile;

/** The demo school under another site id (ITs use a unique site per test on the shared Mosquitto). */
public final class FleetFixtures {
    private FleetFixtures() {
    }

    public static String schoolJson(String site) {
        try {
            return Files.readString(Path.of("kiosk-config/demo-school.json"), StandardCharsets.UTF_8).replace("gs-lindenpark", site);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static SchoolModel school(String site) {
        SchoolFile.Result r = SchoolFile.parse(schoolJson(site).getBytes(StandardCharsets.UTF_8), null);
        if (!r.ok()) throw new IllegalStateException(r.errors().toString());
        return r.model();
    }

    public static String uniqueSite(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}
