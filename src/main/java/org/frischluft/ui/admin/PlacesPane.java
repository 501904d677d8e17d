package org.frischluft.ui.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.admin.SchoolEdits;
import org.frischluft.model.RoomId;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.Building;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.Floor;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.Profiles;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Site;

/**
 * Places: the tree of sites, buildings, floors and rooms, and a form for the chosen one — a room's name, volume, seats,
 * profile and display policy; a site's, building's or floor's name. Checked as the admin types (ControlsFX
 * decorations, and the problem in words beside the field); Save stays disabled while anything is invalid and writes
 * the next version through the {@link SchoolEditor}. Add a room to the chosen floor, remove the chosen room.
 */
public final class PlacesPane extends VBox implements AdminTab {
    /** What a tree node stands for. */
    record Place(Kind kind, SiteId site, String building, String floor, RoomId room, String label) {
        enum Kind { SITE, BUILDING, FLOOR, ROOM }

        @Override
        public String toString() {
            return label;
        }
    }

    private final SchoolEditor editor;
    private final AdminTexts texts;
    private final Executor fx;
    private final TreeView<Place> tree = new TreeView<>();
    private final Label formTitle = new Label();
    private final Label nameLabel = new Label();
    private final Label volumeLabel = new Label();
    private final Label seatsLabel = new Label();
    private final Label profileLabel = new Label();
    private final Label displayLabel = new Label();
    private final TextField name = new TextField();
    private final TextField volume = new TextField();
    private final TextField seats = new TextField();
    private final ComboBox<String> profile = new ComboBox<>();
    private final TextField display = new TextField();
    private final Label nameProblem = problemLabel("places-name-problem");
    private final Label volumeProblem = problemLabel("places-volume-problem");
    private final Label seatsProblem = problemLabel("places-seats-problem");
    private final Label displayProblem = problemLabel("places-display-problem");
    private final Label problems = new Label();
    private final Label status = new Label();
    private final Button save = new Button();
    private final Button add = new Button();
    private final Button remove = new Button();
    private final SimpleBooleanProperty invalid = new SimpleBooleanProperty(true);
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();
    private final ValidationSupport validation = new ValidationSupport();
    private Map<String, String> current = Map.of();
    private Place chosen;
    private int added;

    public PlacesPane(SchoolEditor editor, AdminTexts texts, Executor fx) {
        this.editor = Objects.requireNonNull(editor, "editor");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.fx = Objects.requireNonNull(fx, "fx");
        createParts();
        layoutParts();
        bind();
        rebuild(editor.current().model());
    }

    private static Label problemLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("admin-field-problem");
        l.setWrapText(true);
        l.setMaxWidth(420);
        return l;
    }

    private void createParts() {
        setId("places-pane");
        getStyleClass().add("admin-pane");
        tree.setId("places-tree");
        tree.setShowRoot(false);
        tree.setPrefWidth(340);
        tree.setMinWidth(260);
        name.setId("places-name");
        volume.setId("places-volume");
        seats.setId("places-seats");
        profile.setId("places-profile");
        display.setId("places-display");
        save.setId("places-save");
        save.setDefaultButton(true);
        add.setId("places-add");
        remove.setId("places-remove");
        problems.setId("places-problems");
        problems.getStyleClass().add("admin-problem");
        problems.setWrapText(true);
        status.setId("places-status");
        status.getStyleClass().add("admin-status");
        status.setWrapText(true);
        formTitle.getStyleClass().add("admin-form-title");
        for (TextField f : List.of(name, volume, seats, display)) f.setPrefColumnCount(24);
        profile.setMaxWidth(Double.MAX_VALUE);
        profile.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null || id.isEmpty() ? texts.text("admin.places.profile.site") : id;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
    }

    private void layoutParts() {
        GridPane form = new GridPane();
        form.getStyleClass().add("admin-form");
        form.addRow(0, nameLabel, name, nameProblem);
        form.addRow(1, volumeLabel, volume, volumeProblem);
        form.addRow(2, seatsLabel, seats, seatsProblem);
        form.addRow(3, profileLabel, profile);
        form.addRow(4, displayLabel, display, displayProblem);
        HBox actions = new HBox(save, add, remove);
        actions.getStyleClass().add("admin-actions");
        VBox right = new VBox(10, formTitle, form, actions, problems, status);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox body = new HBox(16, tree, right);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().setAll(body);
    }

    private void bind() {
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> choose(b == null ? null : b.getValue()));
        for (TextField f : List.of(name, volume, seats, display)) f.textProperty().addListener((o, a, b) -> check());
        save.disableProperty().bind(invalid.or(busy));
        add.disableProperty().bind(busy);
        remove.disableProperty().bind(busy);
        save.setOnAction(e -> save());
        add.setOnAction(e -> addRoom());
        remove.setOnAction(e -> removeRoom());
        validation.registerValidator(name, false, (Control c, String v) -> result(c, RoomForm.NAME));
        validation.registerValidator(volume, false, (Control c, String v) -> result(c, RoomForm.VOLUME));
        validation.registerValidator(seats, false, (Control c, String v) -> result(c, RoomForm.SEATS));
        validation.registerValidator(display, false, (Control c, String v) -> result(c, RoomForm.DISPLAY));
        editor.subscribe(v -> fx.execute(() -> rebuild(v.model())));
    }

    private ValidationResult result(Control c, String field) {
        Map<String, String> p = problemsNow();
        return ValidationResult.fromErrorIf(c, p.getOrDefault(field, ""), p.containsKey(field));
    }

    private Map<String, String> problemsNow() {
        if (chosen == null) return Map.of();
        return RoomForm.problems(texts.get(), chosen.kind() == Place.Kind.ROOM, name.getText(), volume.getText(),
                seats.getText(), display.getText());
    }

    /** Re-checks the form: the words beside each field, the list below, Save enabled only without problems. */
    private void check() {
        current = problemsNow();
        nameProblem.setText(current.getOrDefault(RoomForm.NAME, ""));
        volumeProblem.setText(current.getOrDefault(RoomForm.VOLUME, ""));
        seatsProblem.setText(current.getOrDefault(RoomForm.SEATS, ""));
        displayProblem.setText(current.getOrDefault(RoomForm.DISPLAY, ""));
        problems.setText(current.isEmpty() ? "" : texts.text("admin.problems", current.size()) + "\n• "
                + String.join("\n• ", current.values()));
        invalid.set(chosen == null || !current.isEmpty());
        validation.revalidate();
    }

    private void rebuild(SchoolModel m) {
        Place keep = chosen;
        TreeItem<Place> root = new TreeItem<>();
        TreeItem<Place> select = null;
        for (Site s : m.sites()) {
            TreeItem<Place> site = item(new Place(Place.Kind.SITE, s.id(), null, null, null, s.name()));
            root.getChildren().add(site);
            for (Building b : s.buildings()) {
                TreeItem<Place> building = item(new Place(Place.Kind.BUILDING, s.id(), b.id(), null, null, b.name()));
                site.getChildren().add(building);
                for (Floor f : b.floors()) {
                    TreeItem<Place> floor = item(new Place(Place.Kind.FLOOR, s.id(), b.id(), f.name(), null, f.name()));
                    building.getChildren().add(floor);
                    for (Room r : f.rooms()) {
                        TreeItem<Place> room = item(new Place(Place.Kind.ROOM, s.id(), b.id(), f.name(), r.id(), r.name()));
                        floor.getChildren().add(room);
                        if (keep != null && keep.kind() == Place.Kind.ROOM && r.id().equals(keep.room())) select = room;
                    }
                    if (keep != null && keep.kind() == Place.Kind.FLOOR && same(keep, s.id(), b.id()) && f.name().equals(keep.floor())) select = floor;
                }
                if (keep != null && keep.kind() == Place.Kind.BUILDING && same(keep, s.id(), b.id())) select = building;
            }
            if (keep != null && keep.kind() == Place.Kind.SITE && s.id().equals(keep.site())) select = site;
        }
        List<String> ids = new ArrayList<>();
        ids.add("");
        Profiles.builtIn().forEach(p -> ids.add(p.id()));
        m.profiles().forEach(p -> ids.add(p.id()));
        profile.getItems().setAll(ids.stream().distinct().toList());
        tree.setRoot(root);
        if (select != null) tree.getSelectionModel().select(select);
        else choose(null);
    }

    private static boolean same(Place p, SiteId site, String building) {
        return p.site().equals(site) && building.equals(p.building());
    }

    private static TreeItem<Place> item(Place p) {
        TreeItem<Place> i = new TreeItem<>(p);
        i.setExpanded(true);
        return i;
    }

    /** Fills the form with the chosen place. */
    private void choose(Place p) {
        chosen = p;
        SchoolModel m = editor.current().model();
        boolean room = p != null && p.kind() == Place.Kind.ROOM;
        for (Node n : List.of(volume, seats, profile, display, volumeLabel, seatsLabel, profileLabel, displayLabel)) {
            n.setVisible(room);
            n.setManaged(room);
        }
        if (p == null) {
            name.setText("");
        } else if (room) {
            Room r = m.room(p.room()).orElseThrow();
            name.setText(r.name());
            volume.setText(num(r.volumeM3()));
            seats.setText(String.valueOf(r.seats()));
            profile.setValue(r.profile() == null ? "" : r.profile().id());
            display.setText(r.display() == null ? "" : r.display().setting());
        } else {
            name.setText(p.label());
        }
        remove.setVisible(room);
        remove.setManaged(room);
        add.setVisible(p != null && p.kind() != Place.Kind.SITE && p.kind() != Place.Kind.BUILDING);
        add.setManaged(add.isVisible());
        relabelForm();
        check();
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private void save() {
        if (chosen == null || !problemsNow().isEmpty()) return;
        Place p = chosen;
        String newName = name.getText().strip();
        UnaryOperator<SchoolModel> change;
        String summary;
        switch (p.kind()) {
            case ROOM -> {
                double v = RoomForm.volume(volume.getText());
                int s = RoomForm.seats(seats.getText());
                String pid = profile.getValue();
                String d = display.getText();
                change = m -> SchoolEdits.updateRoom(m, p.room(), r -> {
                    Profile prof = pid == null || pid.isBlank() ? null : m.profile(pid).orElse(r.profile());
                    DisplayPolicy pol = d == null || d.isBlank() ? null : DisplayPolicy.parse(d);
                    return new Room(r.id(), newName, v, s, prof, pol, r.sensors());
                });
                summary = "room " + p.label() + " edited";
            }
            case SITE -> {
                change = m -> SchoolEdits.renameSite(m, p.site(), newName);
                summary = "site " + p.label() + " renamed";
            }
            case BUILDING -> {
                change = m -> SchoolEdits.renameBuilding(m, p.site(), p.building(), newName);
                summary = "building " + p.label() + " renamed";
            }
            default -> {
                change = m -> SchoolEdits.renameFloor(m, p.site(), p.building(), p.floor(), newName);
                summary = "floor " + p.label() + " renamed";
                chosen = new Place(p.kind(), p.site(), p.building(), newName, null, newName);
            }
        }
        run(summary, change);
    }

    private void addRoom() {
        if (chosen == null || chosen.floor() == null) return;
        Place p = chosen;
        SchoolModel m = editor.current().model();
        RoomId id;
        do {
            id = RoomId.of("r-new-" + (++added));
        } while (m.hasRoom(id));
        RoomId newId = id;
        String newName = texts.text("admin.places.newRoom", added);
        chosen = new Place(Place.Kind.ROOM, p.site(), p.building(), p.floor(), newId, newName);
        run("room " + newName + " added", x -> SchoolEdits.addRoom(x, p.site(), p.building(), p.floor(),
                Room.of(newId, newName, 0, 0, List.of())));
    }

    private void removeRoom() {
        if (chosen == null || chosen.kind() != Place.Kind.ROOM) return;
        Place p = chosen;
        chosen = null;
        run("room " + p.label() + " removed", m -> SchoolEdits.removeRoom(m, p.room()));
    }

    /** Saves on the admin's thread and says how it went. */
    private void run(String summary, UnaryOperator<SchoolModel> change) {
        busy.set(true);
        status.setText("");
        editor.submit(summary, change).whenComplete((o, e) -> fx.execute(() -> {
            busy.set(false);
            if (e != null) {
                status.setText("");
                problems.setText(texts.text("admin.save.failed", e.getMessage()));
            } else if (!o.errors().isEmpty()) {
                problems.setText(texts.text("admin.save.refused") + "\n• " + String.join("\n• ",
                        o.errors().stream().map(x -> x.message(texts.locale())).toList()));
            } else if (o.saved()) {
                status.setText(o.stored() > 0 ? texts.text("admin.save.done", o.stored()) : texts.text("admin.save.doneNoNumber"));
            } else {
                status.setText(texts.text("admin.save.unchanged"));
            }
            check();
        }));
    }

    private void relabelForm() {
        formTitle.setText(chosen == null ? texts.text("admin.places.choose")
                : texts.text("admin.places.kind." + chosen.kind().name().toLowerCase(java.util.Locale.ROOT), chosen.label()));
    }

    @Override
    public String name() {
        return "places";
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void relabel() {
        nameLabel.setText(texts.text("admin.places.name"));
        volumeLabel.setText(texts.text("admin.places.volume"));
        seatsLabel.setText(texts.text("admin.places.seats"));
        profileLabel.setText(texts.text("admin.places.profile"));
        displayLabel.setText(texts.text("admin.places.display"));
        display.setPromptText(texts.text("admin.places.display.prompt"));
        profile.setPromptText(texts.text("admin.places.profile.site"));
        save.setText(texts.text("admin.save"));
        add.setText(texts.text("admin.places.add"));
        remove.setText(texts.text("admin.places.remove"));
        relabelForm();
        check();
    }
}
