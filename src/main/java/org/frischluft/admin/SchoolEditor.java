package org.frischluft.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.frischluft.rooms.Problem;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.SchoolVersion;
import org.frischluft.rooms.file.SchoolFile;

/**
 * The one way the admin's tools change the school model: a change is a function of the current model, checked
 * with the school file's own rules (every problem at once, with its path); only a change without errors becomes
 * the next version — written to the school file atomically where the catalog has one, held in memory otherwise
 * (the demo) — and every listener of the catalog (overview, ingest, kiosks) follows it.
 *
 * <p>Every saved model is also a numbered version in a {@link SchoolHistory} (the history database in the app), with
 * one audit row per changed field; {@link #undo()} and {@link #rollback(long)} save an earlier version again as the
 * next one. The file is written first, then the version: a crash between the two leaves the new file, which the next
 * start (or save) stores as "changed outside the app". {@link #save} blocks on files and the database: the screens
 * call {@link #submit} and friends, which run on the {@code admin-writer} thread.
 */
public final class SchoolEditor {
    /** What a save did: the version in effect afterwards and every problem found (errors mean nothing was saved). */
    public record Outcome(SchoolVersion version, List<Problem> problems, boolean saved, long stored) {
        public Outcome {
            Objects.requireNonNull(version, "version");
            problems = List.copyOf(problems);
        }

        /** Without a stored version number (nothing saved, or no history). */
        public Outcome(SchoolVersion version, List<Problem> problems, boolean saved) {
            this(version, problems, saved, 0);
        }

        public List<Problem> errors() {
            return problems.stream().filter(Problem::isError).toList();
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SchoolEditor.class);

    private final SchoolCatalog catalog;
    private final String actor;
    private final SchoolHistory history;
    private final Executor executor;

    /**
     * An editor whose versions are kept in memory only (tests, no history database).
     *
     * @param actor who edits, for the audit: the admin account or the OS user (never a teacher or pupil)
     */
    public SchoolEditor(SchoolCatalog catalog, String actor) {
        this(catalog, actor, new SchoolHistory(VersionRows.inMemory(), Clock.systemUTC(), dirOf(catalog)), null);
    }

    /**
     * @param history  where versions and the audit are kept
     * @param executor where {@link #submit} runs the saves; null for an own {@code admin-writer} thread
     */
    public SchoolEditor(SchoolCatalog catalog, String actor, SchoolHistory history, Executor executor) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.actor = actor == null || actor.isBlank() ? System.getProperty("user.name", "admin") : actor;
        this.history = Objects.requireNonNull(history, "history");
        this.executor = executor != null ? executor : adminWriter();
    }

    private static Path dirOf(SchoolCatalog catalog) {
        return catalog.file() == null ? null : catalog.file().toAbsolutePath().getParent();
    }

    private static ExecutorService adminWriter() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "admin-writer");
            t.setDaemon(true);
            return t;
        });
    }

    public SchoolHistory history() {
        return history;
    }

    public SchoolCatalog catalog() {
        return catalog;
    }

    public String actor() {
        return actor;
    }

    public SchoolVersion current() {
        return catalog.current();
    }

    /** Every new version, on the thread that made it (see {@link SchoolCatalog#subscribe}). */
    public Runnable subscribe(Consumer<SchoolVersion> listener) {
        return catalog.subscribe(listener);
    }

    /** Every problem {@code next} would have as a school file (errors and warnings), without saving anything. */
    public List<Problem> check(SchoolModel next) {
        Path file = catalog.file();
        Path dir = file == null ? null : file.toAbsolutePath().getParent();
        return SchoolFile.parse(SchoolFile.toJson(next).getBytes(StandardCharsets.UTF_8), dir).problems();
    }

    /**
     * Applies {@code change} to the current model and saves the result as the next version when it has no errors.
     *
     * @param summary what changed, in words, for the version list and the audit
     * @throws IOException when the school file could not be written (the old version stays in effect)
     */
    public synchronized Outcome save(String summary, UnaryOperator<SchoolModel> change) throws IOException {
        SchoolVersion before = catalog.current();
        SchoolModel next;
        try {
            next = Objects.requireNonNull(change.apply(before.model()), "the change gave no model");
        } catch (IllegalArgumentException e) { // a model that contradicts itself (a room id twice): nothing saved
            return new Outcome(before, List.of(Problem.error("", "file.inconsistent", e.getMessage())), false);
        }
        List<Problem> problems = check(next);
        if (problems.stream().anyMatch(Problem::isError)) return new Outcome(before, problems, false);
        if (next.equals(before.model())) return new Outcome(before, problems, false);
        String source = "admin: " + (summary == null ? "" : summary);
        long base = reconcileQuietly(before.model());
        SchoolVersion after = catalog.file() == null
                ? catalog.replace(next, source, problems)
                : catalog.save(next, source);
        long stored = 0;
        try {
            stored = history.record(before.model(), next, actor, summary == null ? "" : summary);
        } catch (RuntimeException e) {
            // the file is saved and in effect; the next start stores it as "changed outside the app"
            LOG.warn("school saved, but its version was not stored (after v{}): {}", base, e.getMessage());
        }
        return new Outcome(after, problems, true, stored);
    }

    /**
     * Stores the model in effect as the newest version if the history does not have it yet (first start, a file
     * changed by hand); call at start, off the FX thread.
     *
     * @return the number of the newest version
     */
    public synchronized long reconcile() {
        return history.reconcile(catalog.current().model(), actor, catalog.current().source());
    }

    private long reconcileQuietly(SchoolModel model) {
        try {
            return history.reconcile(model, actor, catalog.current().source());
        } catch (RuntimeException e) {
            LOG.warn("the school versions could not be read: {}", e.getMessage());
            return 0;
        }
    }

    /**
     * Saves the version before the newest again, as the next version audited as "undo of vN"; nothing when there is
     * no earlier version ({@link Outcome#saved()} false).
     */
    public synchronized Outcome undo() throws IOException {
        reconcile();
        List<VersionRows.Stored> all = history.versions();
        if (all.size() < 2) return new Outcome(catalog.current(), List.of(), false);
        VersionRows.Stored last = all.get(all.size() - 1);
        VersionRows.Stored previous = all.get(all.size() - 2);
        SchoolModel model = history.model(previous.number())
                .orElseThrow(() -> new IOException("version " + previous.number() + " no longer reads as a school file"));
        return save("undo of v" + last.number(), m -> model);
    }

    /** Saves version {@code number} again as the next version, audited as "rollback to vN". */
    public synchronized Outcome rollback(long number) throws IOException {
        reconcile();
        if (history.version(number).isEmpty()) throw new IllegalArgumentException("there is no version " + number);
        SchoolModel model = history.model(number)
                .orElseThrow(() -> new IOException("version " + number + " no longer reads as a school file"));
        return save("rollback to v" + number, m -> model);
    }

    /** {@link #save} on the admin's thread, for the screens (the FX thread never waits for files or the database). */
    public CompletableFuture<Outcome> submit(String summary, UnaryOperator<SchoolModel> change) {
        return later(() -> save(summary, change));
    }

    /** {@link #undo} on the admin's thread. */
    public CompletableFuture<Outcome> undoLater() {
        return later(this::undo);
    }

    /** {@link #rollback} on the admin's thread. */
    public CompletableFuture<Outcome> rollbackLater(long number) {
        return later(() -> rollback(number));
    }

    /** Any work with the history (reading versions, exporting) on the admin's thread. */
    public <T> CompletableFuture<T> later(Callable<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }
}
