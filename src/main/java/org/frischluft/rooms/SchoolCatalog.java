package org.frischluft.rooms;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.frischluft.rooms.file.SchoolFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The school model in effect now, as one numbered, immutable {@link SchoolVersion}. A new version (the school
 * file changed, the admin saved) replaces the current one atomically and every listener hears of it; readers
 * call {@link #current()} whenever they need the model, from any thread. A file that does not validate never
 * replaces the good version: {@link #reload()} says why and the old version stays.
 */
public final class SchoolCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(SchoolCatalog.class);

    private final Path file;
    private final Clock clock;
    private final List<Consumer<SchoolVersion>> listeners = new CopyOnWriteArrayList<>();
    private volatile SchoolVersion current;
    private volatile Reload lastRefusal;

    private SchoolCatalog(Path file, SchoolModel model, String source, List<Problem> warnings, Clock clock) {
        this.file = file;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.current = new SchoolVersion(1, model, clock.instant(), source, warnings);
    }

    /** A catalog of a model held in memory (the demo school, tests); {@link #reload()} has no file to read. */
    public static SchoolCatalog of(SchoolModel model, String source, Clock clock) {
        return new SchoolCatalog(null, Objects.requireNonNull(model, "model"), source, List.of(), clock);
    }

    /**
     * The catalog of a school file, at version 1.
     *
     * @throws ConfigException listing every problem when the file is missing or invalid
     */
    public static SchoolCatalog open(Path file, Clock clock) throws ConfigException {
        SchoolFile.Result r = SchoolFile.check(file);
        if (!r.ok()) throw new ConfigException(file.toString(), r.problems());
        return new SchoolCatalog(file, r.model(), file.getFileName().toString(), r.warnings(), clock);
    }

    public SchoolVersion current() {
        return current;
    }

    /** The model of the current version. */
    public SchoolModel model() {
        return current.model();
    }

    /** The school file this catalog follows, or null. */
    public Path file() {
        return file;
    }

    /**
     * Calls {@code listener} with every new version, on the thread that made it, after it took effect. A
     * listener must be quick (hand the version to its own thread); one that throws does not stop the others.
     *
     * @return removes the listener again
     */
    public Runnable subscribe(Consumer<SchoolVersion> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /** The outcome of a {@link #reload()}. */
    public record Reload(Outcome outcome, SchoolVersion version, List<Problem> problems) {
        public enum Outcome { APPLIED, UNCHANGED, REFUSED }

        public Reload {
            problems = List.copyOf(problems);
        }
    }

    /** Reads the file again: a valid, changed file becomes the next version; an invalid one is refused. */
    public synchronized Reload reload() {
        if (file == null) return new Reload(Reload.Outcome.UNCHANGED, current, List.of());
        SchoolFile.Result r = SchoolFile.check(file);
        if (!r.ok()) {
            Reload refused = new Reload(Reload.Outcome.REFUSED, current, r.problems());
            lastRefusal = refused;
            LOG.warn("{} changed but is not valid; version {} stays in effect:\n{}", file, current.number(),
                    ConfigException.format(file.getFileName().toString(), r.errors(), java.util.Locale.getDefault()));
            return refused;
        }
        lastRefusal = null;
        if (r.model().equals(current.model())) return new Reload(Reload.Outcome.UNCHANGED, current, r.warnings());
        return new Reload(Reload.Outcome.APPLIED, replace(r.model(), file.getFileName().toString(), r.warnings()), r.warnings());
    }

    /** The last refused reload, or null once a valid file was read again. */
    public Reload lastRefusal() {
        return lastRefusal;
    }

    /** Makes {@code next} the current model (an admin edit held in memory); listeners hear of it. */
    public synchronized SchoolVersion replace(SchoolModel next, String source, List<Problem> warnings) {
        SchoolVersion v = new SchoolVersion(current.number() + 1, Objects.requireNonNull(next, "next"), clock.instant(),
                source, warnings);
        current = v;
        LOG.info("school model version {} in effect ({}): {}", v.number(), source, next);
        for (Consumer<SchoolVersion> l : listeners) {
            try {
                l.accept(v);
            } catch (RuntimeException e) {
                LOG.error("a listener of the school model failed on version {}", v.number(), e);
            }
        }
        return v;
    }

    /** Writes {@code next} to the school file atomically, then makes it current. */
    public synchronized SchoolVersion save(SchoolModel next, String source) throws IOException {
        if (file == null) throw new IOException("this school model has no file to save to");
        SchoolFile.write(next, file);
        return replace(next, source, List.of());
    }
}
