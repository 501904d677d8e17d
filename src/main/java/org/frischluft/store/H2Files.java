package org.frischluft.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files behind an embedded H2 URL ({@code jdbc:h2:file:/data/history} → {@code /data/history.mv.db}, its
 * {@code .lock.db} holding the auto-server's address and key, and {@code .trace.db}), kept readable by their owner
 * only: a folder Frischluft creates for them is 0700, the files 0600 (on file systems with POSIX permissions).
 */
final class H2Files {
    private static final Logger log = LoggerFactory.getLogger(H2Files.class);
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final String[] SUFFIXES = {".mv.db", ".lock.db", ".trace.db"};

    private H2Files() {
    }

    /** The file path an H2 URL names without its suffix; empty for memory, TCP and other remote URLs. */
    static Optional<Path> base(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:")) return Optional.empty();
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int semi = rest.indexOf(';');
        if (semi >= 0) rest = rest.substring(0, semi);
        String r = rest.toLowerCase(Locale.ROOT);
        if (r.startsWith("mem:") || r.startsWith("tcp:") || r.startsWith("ssl:") || r.startsWith("zip:")
                || r.startsWith("split:") || r.startsWith("nio")) {
            return Optional.empty();
        }
        if (r.startsWith("file:")) rest = rest.substring("file:".length());
        if (rest.startsWith("~")) rest = System.getProperty("user.home") + rest.substring(1);
        return rest.isEmpty() ? Optional.empty() : Optional.of(Path.of(rest).toAbsolutePath().normalize());
    }

    /** The database file itself. */
    static Path dataFile(Path base) {
        return base.resolveSibling(base.getFileName() + ".mv.db");
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Before H2 opens the file: its folder, if missing, is created readable by the owner only. */
    static void prepareFolder(Path base) {
        Path dir = base.getParent();
        if (dir == null || Files.isDirectory(dir)) return;
        try {
            if (posix()) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                Files.setPosixFilePermissions(dir, OWNER_DIR); // createDirectories is subject to the umask
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            log.debug("could not create {}: {}", dir, e.toString()); // H2 says what is wrong when it opens
        }
    }

    /** After H2 opened the file: the database, lock and trace files readable by the owner only. */
    static void ownerOnly(Path base) {
        if (!posix()) return;
        for (String suffix : SUFFIXES) {
            Path f = base.resolveSibling(base.getFileName() + suffix);
            try {
                if (Files.exists(f) && !Files.getPosixFilePermissions(f).equals(OWNER_FILE)) {
                    Files.setPosixFilePermissions(f, OWNER_FILE);
                }
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                log.warn("could not make {} readable by its owner only: {}", f, e.toString());
            }
        }
    }
}
