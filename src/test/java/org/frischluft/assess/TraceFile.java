package org.frischluft.assess;

import org.frischluft.rooms.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.model.Assessment;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;

/** A trace from {@code src/test/resources/traces/} replayed through one assessor, one step per row. */
final class TraceFile {
    record Step(Instant time, Double co2, Double temperature, Assessment assessment) {
    }

    static List<Reading> read(String name) {
        try (InputStream in = TraceFile.class.getResourceAsStream("/traces/" + name)) {
            if (in == null) throw new IllegalStateException("no trace " + name);
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            List<Reading> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",", -1);
                out.add(Reading.of(DeviceId.of(c[1]), Instant.parse(c[0]), num(c[3]), num(c[4]), num(c[5])));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Step> replay(String name, Profile profile) {
        RoomAssessor assessor = new RoomAssessor(profile);
        List<Step> out = new ArrayList<>();
        for (Reading r : read(name)) {
            assessor.add(r);
            out.add(new Step(r.time(), r.co2(), r.temperature(), assessor.assess(r.time())));
        }
        return out;
    }

    private static Double num(String s) {
        return s.isBlank() ? null : Double.valueOf(s);
    }
}
