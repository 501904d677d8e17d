package org.frischluft.ui.admin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.frischluft.admin.broker.BrokerEntry;
import org.frischluft.admin.broker.BrokerSettingsFile;
import org.frischluft.admin.broker.ConnectionTest;
import org.frischluft.admin.broker.StepResult;
import org.frischluft.admin.broker.TestReport;
import org.frischluft.rooms.ConfigException;
import org.frischluft.rooms.Problem;
import org.frischluft.ui.common.Messages;

/**
 * The brokers tab without nodes: the {@code broker.<id>.*} entries of the settings file, the chosen one's fields as
 * typed, every problem at its field in the settings file's own words, an atomic save that keeps the file's other
 * lines, and "test connection" ({@link ConnectionTest}) on a thread of the caller's choosing. FX thread only, except
 * what {@link #test} runs.
 */
public final class BrokersViewModel {
    /** The fields of the form: the entry's name, then the keys {@link BrokerEntry#EDITED} in that order. */
    public static final List<String> FIELDS;

    static {
        List<String> f = new ArrayList<>();
        f.add("id");
        f.addAll(BrokerEntry.EDITED);
        FIELDS = List.copyOf(f);
    }

    private final Supplier<Messages> messages;
    private final ConnectionTest test;
    private BrokerSettingsFile file;
    private final List<BrokerEntry> entries = new ArrayList<>();
    private int selected = -1;
    private boolean dirty;
    private String status = "";
    private boolean alarm;

    public BrokersViewModel(Path settingsFile, Supplier<Messages> messages, ConnectionTest test) throws IOException {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.test = test == null ? new ConnectionTest() : test;
        this.file = BrokerSettingsFile.load(Objects.requireNonNull(settingsFile, "settingsFile"));
        entries.addAll(file.entries());
        selected = entries.isEmpty() ? -1 : 0;
    }

    private Messages m() {
        return messages.get();
    }

    public Path file() {
        return file.file();
    }

    public List<BrokerEntry> entries() {
        return List.copyOf(entries);
    }

    /** The entry the form shows, or null when the file has none. */
    public BrokerEntry selected() {
        return selected < 0 ? null : entries.get(selected);
    }

    public int selectedIndex() {
        return selected;
    }

    public void select(int index) {
        selected = index < 0 || index >= entries.size() ? -1 : index;
    }

    public String value(String field) {
        BrokerEntry e = selected();
        if (e == null) return "";
        return field.equals("id") ? e.id() : e.get(field);
    }

    /** The admin typed {@code text} into {@code field} of the chosen entry. */
    public void set(String field, String text) {
        BrokerEntry e = selected();
        if (e == null || value(field).equals(text == null ? "" : text.strip())) return;
        entries.set(selected, field.equals("id") ? e.withId(text) : e.with(field, text));
        dirty = true;
        status = "";
    }

    /** A new entry (plain TCP on this computer, every topic) to fill in; chosen. */
    public void add() {
        String id = "broker";
        for (int n = 2; taken(id); n++) id = "broker" + n;
        entries.add(BrokerEntry.of(id, "tcp://localhost:1883", "#", file.dir()));
        selected = entries.size() - 1;
        dirty = true;
        status = "";
    }

    private boolean taken(String id) {
        return entries.stream().anyMatch(e -> e.id().equals(id));
    }

    public void removeSelected() {
        if (selected < 0) return;
        entries.remove(selected);
        selected = Math.min(selected, entries.size() - 1);
        dirty = true;
        status = "";
    }

    /** Every problem of the file with these entries, in the settings file's terms (path and code). */
    List<Problem> check() {
        return file.check(entries);
    }

    /** The chosen entry's problems in words, by field ({@code id}, {@code url}, {@code topics}, …). */
    public Map<String, String> problems() {
        Map<String, String> out = new LinkedHashMap<>();
        BrokerEntry e = selected();
        if (e == null) return out;
        String at = "broker." + e.id();
        for (Problem p : check()) {
            String field = p.path().equals(at) || p.path().equals("id") ? "id"
                    : p.path().startsWith(at + ".") ? p.path().substring(at.length() + 1) : null;
            if (field == null) continue;
            if (!FIELDS.contains(field)) field = "url";
            out.merge(field, p.message(m().locale()), (a, b) -> a + "; " + b);
        }
        return out;
    }

    /** Problems of other entries or of the file as a whole, in words ({@code broker.b: …}). */
    public List<String> otherProblems() {
        BrokerEntry e = selected();
        String at = e == null ? "\0" : "broker." + e.id();
        return check().stream().filter(p -> !(p.path().equals(at) || p.path().equals("id") || p.path().startsWith(at + ".")))
                .map(p -> p.describe(m().locale())).toList();
    }

    public boolean canSave() {
        return dirty && check().isEmpty();
    }

    public boolean dirty() {
        return dirty;
    }

    public String status() {
        return status;
    }

    public boolean alarm() {
        return alarm;
    }

    /** Writes the entries into the settings file atomically (its other lines kept); returns every problem in words. */
    public List<String> save() throws IOException {
        try {
            file = file.save(entries);
            entries.clear();
            entries.addAll(file.entries());
            selected = Math.min(selected, entries.size() - 1);
            dirty = false;
            alarm = false;
            status = m().get("admin.brokers.saved", file.file().getFileName().toString());
            return List.of();
        } catch (ConfigException e) {
            alarm = true;
            status = m().get("admin.form.status.problems", e.problems().size());
            return e.problems().stream().map(p -> p.describe(m().locale())).toList();
        }
    }

    /** True when the chosen entry can be tested (its own fields have no problem). */
    public boolean canTest() {
        BrokerEntry e = selected();
        return e != null && e.problems().isEmpty();
    }

    /**
     * Tests the chosen entry as it stands in the form (saved or not) on {@code executor}: {@code onStep} hears each
     * step as it is known, on that thread.
     */
    public CompletableFuture<TestReport> test(Executor executor, Consumer<StepResult> onStep) {
        BrokerEntry e = selected();
        if (e == null) return CompletableFuture.failedFuture(new IllegalStateException("no broker chosen"));
        return CompletableFuture.supplyAsync(() -> test.run(e, onStep), executor);
    }

    /** A step in words: "ok  TCP connection  3 ms  connected to localhost port 1883". */
    public String describe(StepResult r) {
        String took = r.outcome() == StepResult.Outcome.SKIPPED ? "" : "  (" + r.tookText() + ")";
        return r.step().label(m().locale()) + took + ": " + r.message(m().locale());
    }

    /** The test's outcome in one line: which step failed, or that every step passed. */
    public String verdict(TestReport report) {
        return report.failure().map(f -> m().get("admin.brokers.test.failed", f.step().label(m().locale())))
                .orElseGet(() -> m().get("admin.brokers.test.ok"));
    }
}
