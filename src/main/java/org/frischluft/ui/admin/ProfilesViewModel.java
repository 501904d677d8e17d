package org.frischluft.ui.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.assess.LightMinutes;
import org.frischluft.model.Light;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.Problem;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.Profiles;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.file.SchoolFile;
import org.frischluft.ui.common.Messages;

/**
 * The profiles tab without nodes: the built-in profiles (read-only; "copy to edit") and the school's own, the form
 * of the chosen one as text exactly as the admin typed it, every problem of the form in words at its field (checked
 * as the admin types, by the school file's own rules), saving through {@link SchoolEditor} (nothing saved while a
 * problem stands), and the preview: a room's last day replayed under the form's profile.
 *
 * <p>In the form, hysteresis and jump are percent of the threshold (the file keeps fractions: 7.5 % is 0.075) and the
 * hold times minutes; a decimal comma is accepted. FX thread only.
 */
public final class ProfilesViewModel {
    /** The form's fields. */
    public enum Field { ID, NAME, YELLOW, RED, BLUE, HYSTERESIS, HOLD_UP, HOLD_DOWN, JUMP }

    /** One profile in the list: built in (read-only) or the school's own. */
    public record Item(Profile profile, boolean builtIn) {
        public Item {
            Objects.requireNonNull(profile, "profile");
        }
    }

    private final SchoolEditor editor;
    private final Supplier<Messages> messages;
    private final Map<Field, String> values = new EnumMap<>(Field.class);
    private Item selected;
    /** The id of the own profile the form edits (null: a new one, not yet saved). */
    private String editing;
    private boolean editable;
    private RoomId previewRoom;
    private List<LightMinutes.Sample> samples = List.of();
    private String status = "";

    public ProfilesViewModel(SchoolEditor editor, Supplier<Messages> messages) {
        this.editor = Objects.requireNonNull(editor, "editor");
        this.messages = Objects.requireNonNull(messages, "messages");
        List<Item> all = items();
        select(all.get(0));
    }

    private Messages m() {
        return messages.get();
    }

    /** Built-ins first, then the school's own, in file order. */
    public List<Item> items() {
        List<Item> out = new ArrayList<>();
        for (Profile p : Profiles.builtIn()) out.add(new Item(p, true));
        for (Profile p : editor.current().model().profiles()) out.add(new Item(p, false));
        return out;
    }

    public Item selected() {
        return selected;
    }

    /** Shows {@code item} in the form: editable when it is the school's own. */
    public void select(Item item) {
        selected = Objects.requireNonNull(item, "item");
        editable = !item.builtIn();
        editing = item.builtIn() ? null : item.profile().id();
        fill(item.profile(), item.profile().id(), item.profile().name());
        status = "";
    }

    /** A new own profile with the chosen one's values, under a free id, ready to edit (saved only by {@link #save}). */
    public void copyToEdit() {
        Profile p = selected.profile();
        String base = p.id().replace('+', '-');
        String id = base + "-" + m().get("admin.profiles.copy.suffix");
        for (int n = 2; taken(id); n++) id = base + "-" + m().get("admin.profiles.copy.suffix") + n;
        editable = true;
        editing = null;
        fill(p, id, m().get("admin.profiles.copy.name", p.name()));
        status = m().get("admin.profiles.copy.done", p.name());
    }

    private boolean taken(String id) {
        return items().stream().anyMatch(i -> i.profile().id().equalsIgnoreCase(id));
    }

    private void fill(Profile p, String id, String name) {
        values.put(Field.ID, id);
        values.put(Field.NAME, name);
        values.put(Field.YELLOW, number(p.yellowFrom()));
        values.put(Field.RED, number(p.redFrom()));
        values.put(Field.BLUE, p.blueBelow() == null ? "" : number(p.blueBelow()));
        values.put(Field.HYSTERESIS, number(p.hysteresis() * 100));
        values.put(Field.HOLD_UP, number(p.holdUp().toMillis() / 60_000.0));
        values.put(Field.HOLD_DOWN, number(p.holdDown().toMillis() / 60_000.0));
        values.put(Field.JUMP, number(p.jump() * 100));
    }

    /** {@code 7.5}, {@code 1000}: a value as the form shows it (a decimal point in English, a comma in German). */
    String number(double v) {
        double r = Math.round(v * 1000) / 1000.0;
        String s = r == Math.rint(r) ? Long.toString((long) r) : java.math.BigDecimal.valueOf(r).stripTrailingZeros().toPlainString();
        return m().locale().getLanguage().equals("de") ? s.replace('.', ',') : s;
    }

    public boolean editable() {
        return editable;
    }

    /** True while the form holds a copy not yet saved. */
    public boolean isNew() {
        return editable && editing == null;
    }

    public String value(Field f) {
        return values.getOrDefault(f, "");
    }

    /** The admin typed {@code text} into {@code f} (ignored for a built-in profile). */
    public void set(Field f, String text) {
        if (!editable) return;
        values.put(f, text == null ? "" : text);
        status = "";
    }

    /** What the last action did, in words ("saved as version 7"), or empty. */
    public String status() {
        return status;
    }

    /** Every problem of the form, in words, at its field; empty when it can be saved. */
    public Map<Field, String> problems() {
        Map<Field, String> out = new EnumMap<>(Field.class);
        if (!editable) return out;
        String id = value(Field.ID).strip();
        if (id.isEmpty()) out.put(Field.ID, m().get("admin.profiles.problem.id-missing"));
        else if (!id.matches("[A-Za-z0-9_-]+")) out.put(Field.ID, m().get("admin.profiles.problem.id-invalid"));
        else if (builtInId(id)) out.put(Field.ID, m().get("admin.profiles.problem.id-built-in", id));
        else if (items().stream().anyMatch(i -> i.profile().id().equalsIgnoreCase(id) && !id.equalsIgnoreCase(editing == null ? "" : editing))) {
            out.put(Field.ID, m().get("admin.profiles.problem.id-taken", id));
        }
        Double yellow = number(out, Field.YELLOW, 400, 10_000, true);
        Double red = number(out, Field.RED, 400, 40_000, true);
        Double blue = number(out, Field.BLUE, 300, 10_000, false);
        Double hysteresis = number(out, Field.HYSTERESIS, 0, 49, false);
        number(out, Field.HOLD_UP, 0, 60, false);
        number(out, Field.HOLD_DOWN, 0, 60, false);
        number(out, Field.JUMP, 1, 1000, false);
        if (yellow != null && red != null && !(red > yellow)) {
            out.put(Field.RED, m().get("admin.profiles.problem.order", m().integer(yellow)));
        }
        double h = hysteresis == null ? Profile.DEFAULT_HYSTERESIS : hysteresis / 100;
        if (yellow != null && blue != null && !(blue < yellow * (1 - h))) {
            out.put(Field.BLUE, m().get("admin.profiles.problem.blue", m().integer(Math.ceil(yellow * (1 - h)))));
        }
        return out;
    }

    private Double number(Map<Field, String> out, Field f, double min, double max, boolean required) {
        String text = value(f).strip();
        if (text.isEmpty()) {
            if (required) out.put(f, m().get("admin.profiles.problem.missing"));
            return null;
        }
        Double v = parse(text);
        if (v == null || v < min || v > max) {
            out.put(f, m().get("admin.profiles.problem.range", text, number(min), number(max)));
            return null;
        }
        return v;
    }

    static Double parse(String text) {
        String t = text.strip().replace('\u202F', ' ').replace(" ", "").replace(',', '.');
        if (!t.matches("-?\\d+(\\.\\d+)?|-?\\.\\d+")) return null;
        return Double.parseDouble(t);
    }

    private static boolean builtInId(String id) {
        try {
            Profiles.byId(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The form's profile when it has no problem (for a built-in: the built-in itself). */
    public Optional<Profile> draft() {
        if (!editable) return Optional.of(selected.profile());
        if (!problems().isEmpty()) return Optional.empty();
        String blue = value(Field.BLUE).strip();
        String h = value(Field.HYSTERESIS).strip();
        String up = value(Field.HOLD_UP).strip();
        String down = value(Field.HOLD_DOWN).strip();
        String jump = value(Field.JUMP).strip();
        try {
            return Optional.of(new Profile(value(Field.ID).strip(), value(Field.NAME).strip(), parse(value(Field.YELLOW)),
                    parse(value(Field.RED)), blue.isEmpty() ? null : parse(blue),
                    h.isEmpty() ? Profile.DEFAULT_HYSTERESIS : parse(h) / 100,
                    up.isEmpty() ? Profile.DEFAULT_HOLD : minutes(parse(up)), down.isEmpty() ? Profile.DEFAULT_HOLD : minutes(parse(down)),
                    jump.isEmpty() ? Profile.DEFAULT_JUMP : parse(jump) / 100));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the form's checks and the record's agree; this is a safety net
        }
    }

    private static Duration minutes(double m) {
        return Duration.ofMillis(Math.round(m * 60_000));
    }

    /** Save is possible: an own profile, no problem, and something differs from what is saved. */
    public boolean canSave() {
        Optional<Profile> d = draft();
        if (!editable || d.isEmpty()) return false;
        if (editing == null) return true;
        return editor.current().model().profiles().stream().noneMatch(p -> p.equals(d.get()));
    }

    /**
     * Saves the form as the school's own profile (replacing the one it edits, or added as new) as the next version;
     * rooms and sites naming the profile follow it.
     *
     * @return every problem that kept it from being saved, in words (empty: saved)
     */
    public List<String> save() throws IOException {
        Map<Field, String> form = problems();
        if (!form.isEmpty()) {
            status = m().get("admin.form.status.problems", form.size());
            return form.entrySet().stream().map(e -> label(e.getKey()) + ": " + e.getValue()).toList();
        }
        Profile p = draft().orElseThrow();
        String replaced = editing;
        SchoolEditor.Outcome o = editor.save("profile " + p.id(), model -> withProfile(model, replaced, p));
        if (!o.errors().isEmpty()) {
            status = m().get("admin.form.status.problems", o.errors().size());
            return o.errors().stream().map(e -> e.describe(m().locale())).toList();
        }
        editing = p.id();
        selected = new Item(p, false);
        status = o.saved() ? m().get("admin.form.status.saved", o.version().number()) : m().get("admin.form.status.unchanged");
        return List.of();
    }

    /** The label of a field in words. */
    public String label(Field f) {
        return m().get("admin.profiles.field." + f.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private SchoolModel withProfile(SchoolModel model, String replaced, Profile p) {
        List<Profile> next = new ArrayList<>();
        boolean done = false;
        for (Profile q : model.profiles()) {
            if (replaced != null && q.id().equals(replaced)) {
                next.add(p);
                done = true;
            } else {
                next.add(q);
            }
        }
        if (!done) next.add(p);
        SchoolModel changed = new SchoolModel(model.operator(), model.defaultProfile(), next, model.mappings(),
                model.defaultModels(), model.sites());
        // through the file's own text and back: every room and site that names the profile by its id now has the new one
        Path file = editor.catalog().file();
        Path dir = file == null ? null : file.toAbsolutePath().getParent();
        SchoolFile.Result r = SchoolFile.parse(SchoolFile.toJson(changed).getBytes(StandardCharsets.UTF_8), dir);
        return r.ok() ? r.model() : changed;
    }

    // --- preview ---

    /** The rooms one can preview, in the school's order. */
    public List<Room> rooms() {
        return editor.current().model().rooms();
    }

    public RoomId previewRoom() {
        return previewRoom;
    }

    /** The room's readings of its last day arrived (from {@link DayHistory}, moved to the FX thread). */
    public void showPreview(RoomId room, List<LightMinutes.Sample> readings) {
        previewRoom = room;
        samples = List.copyOf(readings);
    }

    public List<LightMinutes.Sample> samples() {
        return samples;
    }

    /** The preview's profile: the form's when it has no problem, else the saved one it started from. */
    public Profile previewProfile() {
        return draft().orElse(selected.profile());
    }

    /** The preview room's last day under {@link #previewProfile()}. */
    public LightMinutes.Result preview() {
        return LightMinutes.of(samples, previewProfile());
    }

    /** "Under this profile the room would have been red 42 min, yellow 95 min." (or that there are no readings). */
    public String previewSummary() {
        if (previewRoom == null) return m().get("admin.profiles.preview.choose");
        if (samples.isEmpty()) return m().get("admin.profiles.preview.none");
        LightMinutes.Result r = preview();
        String summary = m().get("admin.profiles.preview.summary", r.minutes(Light.RED), r.minutes(Light.YELLOW), r.minutes(Light.GREEN));
        return draft().isPresent() ? summary : summary + " " + m().get("admin.profiles.preview.saved", selected.profile().name());
    }
}
