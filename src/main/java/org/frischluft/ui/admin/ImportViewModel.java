package org.frischluft.ui.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.admin.csv.ImportResult;
import org.frischluft.admin.csv.ImportSummary;
import org.frischluft.admin.csv.SchoolCsv;
import org.frischluft.rooms.AtomicFiles;
import org.frischluft.rooms.Problem;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.ui.common.Messages;

/**
 * The import tab without nodes: the school's rooms.csv (and sensors.csv) checked against the school as it is now —
 * every bad line listed ({@code rooms.csv:17: volume "gross" is not a number}) and nothing changed — and, only when
 * the check is clean, applied through {@link SchoolEditor} as the next version; the same rules as
 * {@code config import}. Export writes both tables as {@code config export} does. FX thread only.
 */
public final class ImportViewModel {
    private final SchoolEditor editor;
    private final Supplier<Messages> messages;
    private String rooms = "";
    private String sensors = "";
    private ImportResult result;
    private SchoolModel base;
    private List<String> lines = List.of();
    private String status = "";
    private boolean alarm;

    public ImportViewModel(SchoolEditor editor, Supplier<Messages> messages) {
        this.editor = Objects.requireNonNull(editor, "editor");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    private Messages m() {
        return messages.get();
    }

    public String rooms() {
        return rooms;
    }

    public String sensors() {
        return sensors;
    }

    /** A new file chosen: the last check no longer counts. */
    public void setRooms(String path) {
        rooms = path == null ? "" : path.strip();
        forget();
    }

    public void setSensors(String path) {
        sensors = path == null ? "" : path.strip();
        forget();
    }

    private void forget() {
        result = null;
        base = null;
        lines = List.of();
        status = "";
    }

    /** The rooms file is named: the check can run. */
    public boolean canCheck() {
        return !rooms.isEmpty();
    }

    /** The school file problems name (the catalog's, or {@code school.json} for a school held in memory). */
    private Path schoolFile() {
        Path f = editor.catalog().file();
        return f != null ? f : Path.of("school.json").toAbsolutePath();
    }

    /** Checks the files against the school as it is now; writes nothing. Every problem lands in {@link #lines()}. */
    public void check() {
        forget();
        List<String> out = new ArrayList<>();
        SchoolCsv.Input r = input(rooms, out);
        SchoolCsv.Input s = sensors.isEmpty() ? null : input(sensors, out);
        if (r == null || !sensors.isEmpty() && s == null) {
            lines = out;
            alarm = true;
            status = m().get("admin.import.unreadable");
            return;
        }
        base = editor.current().model();
        result = SchoolCsv.importInto(base, r, s, schoolFile());
        for (Problem p : result.problems()) out.add(line(p));
        lines = List.copyOf(out);
        if (!result.ok()) {
            alarm = true;
            status = m().get("admin.import.bad", result.errors().size());
        } else if (result.summary().nothingChanged()) {
            alarm = false;
            status = m().get("admin.import.unchanged");
        } else {
            alarm = false;
            status = m().get("admin.import.clean", summary(result.summary()));
        }
    }

    private String line(Problem p) {
        String where = p.path().isEmpty() ? "" : p.path() + ": ";
        return where + (p.isError() ? "" : m().get("admin.import.warning") + ": ") + p.message(m().locale());
    }

    private SchoolCsv.Input input(String path, List<String> out) {
        Path file = Path.of(path);
        try {
            return new SchoolCsv.Input(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            out.add(line(Problem.error(file.getFileName().toString(), "file.missing", file)));
        } catch (IOException | RuntimeException e) {
            out.add(line(Problem.error(file.getFileName().toString(), "file.unreadable", e.getMessage())));
        }
        return null;
    }

    /** "3 rooms added, 2 changed, 40 unchanged; 5 sensors placed, 1 changed, 60 unchanged" in the reader's words. */
    public String summary(ImportSummary s) {
        return m().get("admin.import.summary", s.roomsAdded().size(), s.roomsChanged().size(), s.roomsUnchanged(),
                s.sensorsPlaced().size(), s.sensorsChanged().size(), s.sensorsUnchanged());
    }

    /** Every problem of the last check (errors and warnings), one line each, in file and line order. */
    public List<String> lines() {
        return lines;
    }

    public ImportResult result() {
        return result;
    }

    public String status() {
        return status;
    }

    public boolean alarm() {
        return alarm;
    }

    /** Import is possible only after a clean check that changes something, of the school as it still is. */
    public boolean canImport() {
        return result != null && result.ok() && !result.summary().nothingChanged() && base == editor.current().model();
    }

    /** Applies the checked import as the next version (checked once more by the school file's rules). */
    public void importNow() throws IOException {
        if (!canImport()) return;
        ImportResult checked = result;
        SchoolEditor.Outcome o = editor.save("CSV import: " + checked.summary(), model -> checked.model());
        if (!o.errors().isEmpty()) {
            alarm = true;
            lines = o.errors().stream().map(this::line).toList();
            status = m().get("admin.form.status.problems", o.errors().size());
            return;
        }
        alarm = false;
        String done = summary(checked.summary());
        forget();
        status = m().get("admin.import.done", o.version().number(), done);
    }

    /**
     * Writes {@code rooms.csv} and {@code sensors.csv} of the school as it is now into {@code dir} (atomically; German
     * headers, {@code ;} and a byte order mark for a German Excel, else English and {@code ,}).
     *
     * @return the files written
     */
    public List<Path> export(Path dir) throws IOException {
        SchoolModel model = editor.current().model();
        boolean german = m().locale().getLanguage().equals("de");
        SchoolCsv.Style style = new SchoolCsv.Style(german ? ';' : ',', m().locale(), true);
        Path r = dir.resolve("rooms.csv");
        Path s = dir.resolve("sensors.csv");
        AtomicFiles.write(r, SchoolCsv.exportRooms(model, style).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(s, SchoolCsv.exportSensors(model, style).getBytes(StandardCharsets.UTF_8));
        alarm = false;
        status = m().get("admin.import.exported", model.rooms().size(), model.placements().size(), dir.toString());
        return List.of(r, s);
    }
}
