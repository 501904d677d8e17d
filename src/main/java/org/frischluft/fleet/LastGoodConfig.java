package org.frischluft.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.AtomicFiles;

/**
 * The last configuration message a kiosk applied, as received (signature and all), in {@code fleet/config.jws} of
 * its data folder, written atomically. It is the replay guard too: its version is the one a new message must
 * exceed. Read back it is verified again, so a file changed on disk is not trusted either.
 */
public final class LastGoodConfig {
    static final String FILE = "config.jws";
    private final Path file;

    public LastGoodConfig(Path dir) {
        this.file = dir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    public void save(ConfigVerifier.Accepted accepted) throws IOException {
        AtomicFiles.write(file, (accepted.raw() + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** The kept message if there is one and it still verifies for {@code site}; empty otherwise. */
    public Optional<ConfigVerifier.Accepted> load(ConfigVerifier verifier, SiteId site) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            byte[] bytes = Files.readAllBytes(file);
            return verifier.verify(bytes, site, Long.MIN_VALUE) instanceof ConfigVerifier.Accepted a ? Optional.of(a) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
