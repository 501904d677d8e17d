package org.frischluft.rooms.file;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.frischluft.rooms.ComfortLimits;
import org.frischluft.rooms.Operator;
import org.frischluft.rooms.Problems;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.Profiles;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Site;
import org.frischluft.rooms.SourceMapping;

/**
 * Turns a school file's JSON tree into a {@link SchoolModel}, reporting every problem with its path. Two shapes
 * are read: the current one ({@code operator}, {@code profiles}, {@code sites} → buildings → floors → rooms →
 * sensors, kiosks, calendars) and the flat one of Frischluft 0.1 ({@code id}, {@code name}, {@code rooms} with a
 * {@code floor} label, {@code sensors} naming their {@code room}), which becomes one site with one building.
 */
final class SchoolReader {
    static final int FORMAT = 2;
    static final Set<String> ROOT = Set.of("format", "operator", "profile", "profiles", "comfort", "mappings", "defaultModels",
            "sites");

    private SchoolReader() {
    }

    /** The model, or null when {@code problems} has errors. */
    static SchoolModel read(Node root, Path dir) {
        Problems problems = root.problems;
        if (!root.json.isObject()) {
            problems.error("", "file.not-object", Node.shape(root.json));
            return null;
        }
        if (!root.json.has("sites") && root.json.has("rooms")) return LegacyReader.read(root, dir);
        root.only(ROOT);
        root.integer("format", 1, 99, false).ifPresent(f -> {
            if (f != FORMAT) problems.error(root.at("format"), "format.unknown", f, FORMAT);
        });
        Operator operator = operator(root);
        List<Profile> profiles = ProfileReader.read(root);
        Profile defaultProfile = Values.profile(root, "profile", profiles).orElse(Profiles.UBA);
        ComfortLimits comfort = root.has("comfort") ? ComfortReader.read(root.get("comfort"), ComfortLimits.DEFAULT)
                : ComfortLimits.DEFAULT;
        List<SourceMapping> mappings = MappingReader.read(root);
        List<org.frischluft.rooms.DefaultModel> defaults = defaultModels(root);
        List<Site> sites = new SiteReader(profiles, comfort, dir, new Ids(problems)).read(root);
        return build(problems, operator, defaultProfile, profiles, mappings, defaults, sites);
    }

    static SchoolModel build(Problems problems, Operator operator, Profile defaultProfile, List<Profile> profiles,
                             List<SourceMapping> mappings, List<Site> sites) {
        return build(problems, operator, defaultProfile, profiles, mappings, List.of(), sites);
    }

    /**
     * {@code "defaultModels": [{"application": "school-co2", "model": "milesight-am319"}, {"deviceProfile": …},
     * {"topicPrefix": …}]}: exactly one of the three per entry, and a model Frischluft knows.
     */
    private static List<org.frischluft.rooms.DefaultModel> defaultModels(Node root) {
        List<org.frischluft.rooms.DefaultModel> out = new java.util.ArrayList<>();
        for (Node d : root.list("defaultModels", false)) {
            if (!d.object("default model")) continue;
            d.only(Set.of("application", "deviceProfile", "topicPrefix", "model"));
            List<org.frischluft.rooms.DefaultModel.Kind> given = new java.util.ArrayList<>();
            for (org.frischluft.rooms.DefaultModel.Kind k : org.frischluft.rooms.DefaultModel.Kind.values()) {
                if (d.has(k.key())) given.add(k);
            }
            if (given.size() != 1) {
                d.problems.error(d.path, "default-model.which", given.isEmpty() ? "" : given.stream()
                        .map(org.frischluft.rooms.DefaultModel.Kind::key).collect(java.util.stream.Collectors.joining(", ")));
            }
            Optional<String> value = given.size() == 1 ? d.text(given.get(0).key(), true) : Optional.empty();
            if (!d.has("model")) d.problems.error(d.path, "value.missing", "model");
            Optional<org.frischluft.model.SensorModel> model = Values.model(d, "model");
            if (value.isPresent() && !value.get().isBlank() && model.isPresent()) {
                out.add(new org.frischluft.rooms.DefaultModel(given.get(0), value.get(), model.get()));
            } else if (value.isPresent() && value.get().isBlank()) {
                d.problems.error(d.at(given.get(0).key()), "value.missing", given.get(0).key());
            }
        }
        return out;
    }

    static SchoolModel build(Problems problems, Operator operator, Profile defaultProfile, List<Profile> profiles,
                             List<SourceMapping> mappings, List<org.frischluft.rooms.DefaultModel> defaults, List<Site> sites) {
        if (problems.hasErrors()) return null;
        try {
            return new SchoolModel(operator, defaultProfile, profiles, mappings, defaults, sites);
        } catch (IllegalArgumentException e) { // every rule the model checks was checked above; say so if one slipped
            problems.error("", "file.inconsistent", e.getMessage());
            return null;
        }
    }

    private static Operator operator(Node root) {
        if (!root.has("operator")) return Operator.NONE;
        Node o = root.get("operator");
        if (!o.object("operator")) return Operator.NONE;
        o.only(Set.of("id", "name"));
        return new Operator(o.text("id", false).orElse(null), o.text("name", false).orElse(null));
    }
}
