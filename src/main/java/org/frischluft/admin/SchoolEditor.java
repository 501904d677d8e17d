package org.frischluft.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
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
 */
public final class SchoolEditor {
    /** What a save did: the version in effect afterwards and every problem found (errors mean nothing was saved). */
    public record Outcome(SchoolVersion version, List<Problem> problems, boolean saved) {
        public Outcome {
            Objects.requireNonNull(version, "version");
            problems = List.copyOf(problems);
        }

        public List<Problem> errors() {
            return problems.stream().filter(Problem::isError).toList();
        }
    }

    private final SchoolCatalog catalog;
    private final String actor;

    /**
     * @param actor who edits, for the audit: the admin account or the OS user (never a teacher or pupil)
     */
    public SchoolEditor(SchoolCatalog catalog, String actor) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.actor = actor == null || actor.isBlank() ? System.getProperty("user.name", "admin") : actor;
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
        SchoolModel next = Objects.requireNonNull(change.apply(before.model()), "the change gave no model");
        List<Problem> problems = check(next);
        if (problems.stream().anyMatch(Problem::isError)) return new Outcome(before, problems, false);
        if (next.equals(before.model())) return new Outcome(before, problems, false);
        String source = "admin: " + (summary == null ? "" : summary);
        SchoolVersion after = catalog.file() == null
                ? catalog.replace(next, source, problems)
                : catalog.save(next, source);
        return new Outcome(after, problems, true);
    }
}
