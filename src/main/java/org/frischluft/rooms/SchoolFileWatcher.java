package org.frischluft.rooms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a catalog's school file: every {@code period} on its own {@code school-watch} thread it looks at the
 * file's size, modification time and inode-like key and, when they changed, {@linkplain SchoolCatalog#reload()
 * reloads} it. Polling rather than a WatchService: editors and {@link AtomicFiles} replace the file by rename,
 * which a directory watch sees on some file systems and not on others (network shares). Reading a file that is
 * being written gives an invalid file, which the catalog refuses; the next poll reads the finished one.
 */
public final class SchoolFileWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SchoolFileWatcher.class);

    private final SchoolCatalog catalog;
    private final Path file;
    private final ScheduledExecutorService thread;
    private String seen;

    private SchoolFileWatcher(SchoolCatalog catalog, Duration period) {
        this.catalog = catalog;
        this.file = Objects.requireNonNull(catalog.file(), "the catalog has no file");
        this.seen = stamp();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "school-watch");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::poll, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts watching; {@code period} 2 s is a good default (a change shows within a few seconds). */
    public static SchoolFileWatcher start(SchoolCatalog catalog, Duration period) {
        return new SchoolFileWatcher(catalog, period);
    }

    private void poll() {
        try {
            String now = stamp();
            if (now.equals(seen)) return;
            seen = now;
            SchoolCatalog.Reload r = catalog.reload();
            if (r.outcome() == SchoolCatalog.Reload.Outcome.APPLIED) {
                LOG.info("{} changed: version {} applied", file, r.version().number());
            }
        } catch (RuntimeException e) {
            LOG.error("watching {} failed; will look again", file, e);
        }
    }

    /** Size, modification time and file key; "missing" while the file is not there (mid-rename). */
    private String stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() + "/" + a.lastModifiedTime().toMillis() + "/" + a.fileKey();
        } catch (IOException e) {
            return "missing";
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
