package org.frischluft.admin.csv;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;
import org.frischluft.model.SensorModel;
import org.frischluft.rooms.Building;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.Floor;
import org.frischluft.rooms.Placement;
import org.frischluft.rooms.Problem;
import org.frischluft.rooms.Problems;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.ProfileRefs;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.RoomLocation;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Sensor;
import org.frischluft.rooms.Site;
import org.frischluft.rooms.file.SchoolFile;

/**
 * Applies a rooms table (and optionally a sensors table) to a school model. Rows are read first, every cell of every
 * line checked; any error and nothing is applied. Then each room row adds a room or updates the one with its id
 * (fields, and its building and floor, which are created when new); each device in the sensors table gets exactly
 * the placements the table lists. Nothing the tables do not name is removed. The result passes the school file's
 * own validation, or its problems are returned instead.
 */
final class CsvImport {
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+([.,]\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("-?\\d+");
    private static final Pattern SCIENTIFIC = Pattern.compile("(?i)\\d([.,]\\d+)?e\\+?\\d+");
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");

    private final SchoolModel current;
    private final Problems problems = new Problems();

    private CsvImport(SchoolModel current) {
        this.current = current;
    }

    /**
     * @param sensors    null: the sensors stay as they are
     * @param schoolDir  the school file's folder (an .ics file it names is found there during validation)
     * @param schoolName the school file's name, in front of problems of the result's validation
     */
    static ImportResult run(SchoolModel current, SchoolCsv.Input rooms, SchoolCsv.Input sensors, Path schoolDir,
                            String schoolName) {
        return new CsvImport(current).apply(rooms, sensors, schoolDir, schoolName);
    }

    private ImportResult apply(SchoolCsv.Input roomsIn, SchoolCsv.Input sensorsIn, Path schoolDir, String schoolName) {
        CsvTable<RoomColumn> roomTable = roomsIn == null ? null : CsvTable.read(roomsIn.name(), roomsIn.bytes(), RoomColumn.class, problems);
        CsvTable<SensorColumn> sensorTable = sensorsIn == null ? null
                : CsvTable.read(sensorsIn.name(), sensorsIn.bytes(), SensorColumn.class, problems);
        List<RoomRow> roomRows = roomTable == null ? List.of() : roomRows(roomTable);
        Work work = new Work(current);
        Map<RoomId, RoomRow> byId = new HashMap<>();
        for (RoomRow r : roomRows) byId.put(r.id, r);
        List<SensorRow> sensorRows = sensorTable == null ? List.of() : sensorRows(sensorTable, roomRows, byId);
        if (problems.hasErrors()) return failed();

        List<RoomId> added = new ArrayList<>();
        List<RoomId> changed = new ArrayList<>();
        int unchanged = 0;
        for (RoomRow r : roomRows) {
            switch (work.put(r)) {
                case ADDED -> added.add(r.id);
                case CHANGED -> changed.add(r.id);
                case UNCHANGED -> unchanged++;
            }
        }
        List<DeviceId> placed = new ArrayList<>();
        List<DeviceId> moved = new ArrayList<>();
        int same = 0;
        if (sensorTable != null) {
            Map<DeviceId, Set<Placement>> before = new HashMap<>();
            for (Placement p : current.placements()) before.computeIfAbsent(p.device(), d -> new HashSet<>()).add(p);
            Map<DeviceId, Set<Placement>> after = new LinkedHashMap<>();
            for (SensorRow s : sensorRows) {
                after.computeIfAbsent(s.sensor.device(), d -> new HashSet<>()).add(new Placement(s.sensor.device(), s.room, s.sensor.since(), s.sensor));
            }
            work.placeSensors(sensorRows, after.keySet());
            for (Map.Entry<DeviceId, Set<Placement>> e : after.entrySet()) {
                Set<Placement> was = before.get(e.getKey());
                if (was == null) placed.add(e.getKey());
                else if (was.equals(e.getValue())) same++;
                else moved.add(e.getKey());
            }
        }
        SchoolModel next;
        try {
            next = work.model();
        } catch (IllegalArgumentException e) { // every rule the model checks was checked above
            problems.error(schoolName, "file.inconsistent", e.getMessage());
            return failed();
        }
        ImportSummary summary = new ImportSummary(added, changed, unchanged, placed, moved, same);
        if (summary.nothingChanged()) next = current;
        SchoolFile.Result check = SchoolFile.parse(SchoolFile.toJson(next).getBytes(StandardCharsets.UTF_8), schoolDir);
        for (Problem p : check.problems()) {
            String where = p.path().isEmpty() ? schoolName : schoolName + ": " + p.path();
            problems.add(new Problem(p.severity(), where, p.code(), p.args()));
        }
        if (!check.ok()) return failed();
        return new ImportResult(check.model(), summary, problems.list());
    }

    private ImportResult failed() {
        return new ImportResult(null, null, problems.list());
    }

    // ---- rows ----------------------------------------------------------------------------------------------

    private record RoomRow(int line, Site site, String building, String floor, Integer floorOrder, RoomId id, String name,
                           double volume, int seats, Profile profile, DisplayPolicy display) {
    }

    private record SensorRow(int line, RoomId room, Sensor sensor) {
    }

    private List<RoomRow> roomRows(CsvTable<RoomColumn> t) {
        List<RoomRow> out = new ArrayList<>();
        Map<RoomId, Integer> seen = new HashMap<>();
        for (CsvTable.Row<RoomColumn> row : t.rows) {
            String at = t.name + ":" + row.line();
            if (row.reportTooMany(at, problems)) continue;
            int before = problems.size();
            Site site = site(row.get(RoomColumn.SITE).orElse(null), at);
            String building = required(row, RoomColumn.BUILDING, "csv.building-missing", at);
            String floor = required(row, RoomColumn.FLOOR, "csv.floor-missing", at);
            Integer order = row.get(RoomColumn.FLOOR_ORDER).map(v -> whole(v, -20, 200, "csv.floor-order", at)).orElse(null);
            String name = row.get(RoomColumn.NAME).orElse(null);
            String idText = row.get(RoomColumn.ID).orElse(name);
            RoomId id = null;
            if (idText == null) problems.error(at, "csv.name-missing");
            else if (idText.chars().anyMatch(c -> c == '/' || c == '+' || c == '#' || Character.isISOControl(c))) {
                problems.error(at, "room-id.invalid", idText);
            } else {
                id = RoomId.of(idText);
                Integer first = seen.putIfAbsent(id, row.line());
                if (first != null) problems.error(at, "csv.room-twice", id, first);
            }
            double volume = row.get(RoomColumn.VOLUME).map(v -> decimal(v, 0, 100_000, "csv.volume", at)).orElse(0.0);
            int seats = row.get(RoomColumn.SEATS).map(v -> whole(v, 0, 10_000, "csv.seats", at)).orElse(0);
            Profile profile = row.get(RoomColumn.PROFILE).map(v -> {
                Optional<Profile> p = ProfileRefs.resolve(v, current.profiles());
                if (p.isEmpty()) problems.error(at, "profile.unknown", v, String.join(", ", ProfileRefs.known(current.profiles())));
                return p.orElse(null);
            }).orElse(null);
            DisplayPolicy display = row.get(RoomColumn.DISPLAY).map(v -> {
                try {
                    return DisplayPolicy.parse(v);
                } catch (IllegalArgumentException e) {
                    problems.error(at, "display.invalid", v);
                    return null;
                }
            }).orElse(null);
            if (problems.size() == before) {
                out.add(new RoomRow(row.line(), site, building, floor, order, id, name, volume, seats, profile, display));
            }
        }
        return out;
    }

    private List<SensorRow> sensorRows(CsvTable<SensorColumn> t, List<RoomRow> roomRows, Map<RoomId, RoomRow> byId) {
        // rooms as they will be: the school file's, then those of the rooms table (its name and site win)
        Map<RoomId, String> names = new LinkedHashMap<>();
        Map<RoomId, ZoneId> zones = new HashMap<>();
        for (RoomLocation l : current.roomLocations()) {
            names.put(l.room().id(), l.room().name());
            zones.put(l.room().id(), l.site().calendar().zone());
        }
        for (RoomRow r : roomRows) {
            names.put(r.id, r.name == null ? r.id.value() : r.name);
            zones.put(r.id, r.site.calendar().zone());
        }
        List<SensorRow> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvTable.Row<SensorColumn> row : t.rows) {
            String at = t.name + ":" + row.line();
            if (row.reportTooMany(at, problems)) continue;
            int before = problems.size();
            DeviceId device = null;
            String deviceText = row.get(SensorColumn.DEVICE).orElse(null);
            if (deviceText == null) problems.error(at, "csv.device-missing");
            else if (SCIENTIFIC.matcher(deviceText).matches()) problems.error(at, "csv.device-scientific", deviceText);
            else {
                try {
                    device = DeviceId.of(deviceText);
                } catch (IllegalArgumentException e) {
                    problems.error(at, "device.invalid", deviceText);
                }
            }
            RoomId room = row.get(SensorColumn.ROOM).map(r -> room(r, names, at)).orElse(null);
            if (row.get(SensorColumn.ROOM).isEmpty()) problems.error(at, "csv.room-missing");
            SensorModel model = row.get(SensorColumn.MODEL).map(m -> {
                Optional<SensorModel> found = SensorModel.byId(m);
                if (found.isEmpty()) {
                    problems.error(at, "model.unknown", m, String.join(", ", Arrays.stream(SensorModel.values()).map(SensorModel::id).toList()));
                }
                return found.orElse(null);
            }).orElse(null);
            ZoneId zone = room == null ? ZoneId.of("Europe/Berlin") : zones.get(room);
            Instant since = row.get(SensorColumn.SINCE).map(s -> since(s, zone, at)).orElse(null);
            String broker = row.get(SensorColumn.BROKER).orElse(null);
            if (device != null && (since != null || row.get(SensorColumn.SINCE).isEmpty())) {
                String key = device + "\u0000" + since;
                Integer first = seen.putIfAbsent(key, row.line());
                if (first != null) problems.error(at, "csv.placement-twice", device, first);
            }
            if (problems.size() == before) out.add(new SensorRow(row.line(), room, new Sensor(device, model, since, broker)));
        }
        return out;
    }

    private Site site(String ref, String at) {
        List<Site> sites = current.sites();
        if (ref == null) {
            if (sites.size() == 1) return sites.get(0);
            if (sites.isEmpty()) problems.error(at, "csv.no-site");
            else problems.error(at, "csv.site-needed", sites.size(), siteIds());
            return null;
        }
        for (Site s : sites) if (s.id().value().equals(ref)) return s;
        for (Site s : sites) if (s.name().equalsIgnoreCase(ref)) return s;
        problems.error(at, "csv.site-unknown", ref, siteIds());
        return null;
    }

    private String siteIds() {
        return String.join(", ", current.sites().stream().map(s -> s.id().value()).toList());
    }

    /** A room by id, else by its name if exactly one room has it. */
    private RoomId room(String ref, Map<RoomId, String> names, String at) {
        RoomId id = RoomId.of(ref);
        if (names.containsKey(id)) return id;
        List<RoomId> named = names.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(ref)).map(Map.Entry::getKey).toList();
        if (named.size() == 1) return named.get(0);
        if (named.isEmpty()) problems.error(at, "csv.room-unknown", ref);
        else problems.error(at, "csv.room-ambiguous", ref, String.join(", ", named.stream().map(RoomId::value).toList()));
        return null;
    }

    private String required(CsvTable.Row<RoomColumn> row, RoomColumn c, String code, String at) {
        Optional<String> v = row.get(c);
        if (v.isEmpty()) problems.error(at, code);
        return v.orElse(null);
    }

    /** "180", "180.5" or "180,5" (no thousands separators); {@code code}+"-not-number" / "-range" otherwise. */
    private Double decimal(String text, double min, double max, String code, String at) {
        String t = text.replace(" ", "").replace("\u202F", "");
        if (!DECIMAL.matcher(t).matches()) {
            problems.error(at, code + "-not-number", text);
            return 0.0;
        }
        double v = Double.parseDouble(t.replace(',', '.'));
        if (v < min || v > max) {
            problems.error(at, code + "-range", text, fmt(min), fmt(max));
            return 0.0;
        }
        return v;
    }

    private Integer whole(String text, int min, int max, String code, String at) {
        String t = text.replace(" ", "");
        if (!WHOLE.matcher(t).matches()) {
            problems.error(at, DECIMAL.matcher(t).matches() ? code + "-not-whole" : code + "-not-number", text);
            return 0;
        }
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            v = Long.MAX_VALUE;
        }
        if (v < min || v > max) {
            problems.error(at, code + "-range", text, min, max);
            return 0;
        }
        return (int) v;
    }

    private static String fmt(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** An instant (2026-09-01T06:00:00Z), an ISO date (2026-09-01) or a German one (1.9.2026): midnight in {@code zone}. */
    private Instant since(String text, ZoneId zone, String at) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, GERMAN_DATE)) {
                try {
                    return LocalDate.parse(text, f).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException next) {
                    // try the next form
                }
            }
            problems.error(at, "since.invalid", text);
            return null;
        }
    }

    // ---- the school being changed --------------------------------------------------------------------------

    private enum Outcome { ADDED, CHANGED, UNCHANGED }

    private static final class WFloor {
        final String name;
        int order;
        final List<Room> rooms = new ArrayList<>();

        WFloor(String name, int order) {
            this.name = name;
            this.order = order;
        }
    }

    private static final class WBuilding {
        final String id;
        final String name;
        final List<WFloor> floors = new ArrayList<>();

        WBuilding(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /** A mutable copy of the model's sites, changed row by row and turned back into a model. */
    private static final class Work {
        private final SchoolModel base;
        private final Map<String, List<WBuilding>> buildings = new LinkedHashMap<>();
        private final Map<RoomId, WFloor> floorOf = new HashMap<>();

        Work(SchoolModel base) {
            this.base = base;
            for (Site s : base.sites()) {
                List<WBuilding> bs = new ArrayList<>();
                for (Building b : s.buildings()) {
                    WBuilding wb = new WBuilding(b.id(), b.name());
                    for (Floor f : b.floors()) {
                        WFloor wf = new WFloor(f.name(), f.order());
                        wf.rooms.addAll(f.rooms());
                        for (Room r : f.rooms()) floorOf.put(r.id(), wf);
                        wb.floors.add(wf);
                    }
                    bs.add(wb);
                }
                buildings.put(s.id().value(), bs);
            }
        }

        Outcome put(RoomRow row) {
            List<WBuilding> bs = buildings.get(row.site.id().value());
            WBuilding b = bs.stream().filter(x -> x.id.equals(row.building)).findFirst()
                    .or(() -> bs.stream().filter(x -> x.name.equalsIgnoreCase(row.building)).findFirst())
                    .orElseGet(() -> {
                        WBuilding nb = new WBuilding(newBuildingId(bs, row.building), row.building);
                        bs.add(nb);
                        return nb;
                    });
            boolean floorChanged = false;
            WFloor f = b.floors.stream().filter(x -> x.name.equalsIgnoreCase(row.floor)).findFirst().orElse(null);
            if (f == null) {
                f = new WFloor(row.floor, row.floorOrder != null ? row.floorOrder : guessOrder(row.floor, b.floors));
                b.floors.add(f);
            } else if (row.floorOrder != null && row.floorOrder != f.order) {
                f.order = row.floorOrder;
                floorChanged = true;
            }
            WFloor was = floorOf.get(row.id);
            Room old = was == null ? null : was.rooms.stream().filter(r -> r.id().equals(row.id)).findFirst().orElseThrow();
            Room next = new Room(row.id, row.name, row.volume, row.seats, row.profile, row.display,
                    old == null ? List.of() : old.sensors());
            if (was == f) {
                f.rooms.set(f.rooms.indexOf(old), next);
            } else {
                if (was != null) was.rooms.remove(old);
                f.rooms.add(next);
                floorOf.put(row.id, f);
            }
            if (old == null) return Outcome.ADDED;
            return was == f && old.equals(next) && !floorChanged ? Outcome.UNCHANGED : Outcome.CHANGED;
        }

        /** Each listed device gets exactly its rows' placements; other sensors stay where and as they are. */
        void placeSensors(List<SensorRow> rows, Set<DeviceId> listed) {
            Map<RoomId, List<Sensor>> incoming = new LinkedHashMap<>();
            for (SensorRow r : rows) incoming.computeIfAbsent(r.room, k -> new ArrayList<>()).add(r.sensor);
            for (WFloor f : new LinkedHashSet<>(floorOf.values())) {
                for (int i = 0; i < f.rooms.size(); i++) {
                    Room r = f.rooms.get(i);
                    List<Sensor> next = new ArrayList<>();
                    for (Sensor s : r.sensors()) if (!listed.contains(s.device())) next.add(s);
                    next.addAll(incoming.getOrDefault(r.id(), List.of()));
                    if (!new HashSet<>(next).equals(new HashSet<>(r.sensors())) || next.size() != r.sensors().size()) {
                        f.rooms.set(i, r.withSensors(next));
                    }
                }
            }
        }

        SchoolModel model() {
            List<Site> sites = new ArrayList<>();
            for (Site s : base.sites()) {
                List<Building> bs = new ArrayList<>();
                for (WBuilding wb : buildings.get(s.id().value())) {
                    List<Floor> fs = new ArrayList<>();
                    for (WFloor wf : wb.floors) fs.add(new Floor(wf.name, wf.order, wf.rooms));
                    bs.add(new Building(wb.id, wb.name, fs));
                }
                sites.add(new Site(s.id(), s.name(), s.calendar(), s.profile(), s.display(), s.comfort(), bs, s.kiosks()));
            }
            return new SchoolModel(base.operator(), base.defaultProfile(), base.profiles(), base.mappings(),
                    base.defaultModels(), sites);
        }

        private static String newBuildingId(List<WBuilding> existing, String name) {
            String slug = java.text.Normalizer.normalize(name.toLowerCase(Locale.ROOT).replace("ß", "ss"), java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
            if (slug.isEmpty()) slug = "building";
            String id = slug;
            for (int n = 2; true; n++) {
                String candidate = id;
                if (existing.stream().noneMatch(b -> b.id.equals(candidate))) return candidate;
                id = slug + "-" + n;
            }
        }

        private static final Pattern UPPER = Pattern.compile("(\\d+)\\s*\\.?\\s*(og|obergeschoss|stock|etage|st|nd|rd|th|floor)\\b.*");
        private static final Pattern LOWER = Pattern.compile("(\\d+)\\s*\\.?\\s*(ug|untergeschoss|kg|kellergeschoss)\\b.*");

        /** EG/ground 0, UG/KG/Keller/basement -1 ("2. UG" -2), "1. OG"/"1st floor" 1; else one above the highest. */
        static int guessOrder(String name, List<WFloor> floors) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            if (n.equals("eg") || n.startsWith("erdgeschoss") || n.startsWith("ground") || n.equals("gf")) return 0;
            if (n.equals("ug") || n.equals("kg") || n.startsWith("keller") || n.startsWith("untergeschoss") || n.startsWith("basement")) return -1;
            Matcher m = LOWER.matcher(n);
            if (m.matches()) return -Math.min(20, Integer.parseInt(m.group(1)));
            m = UPPER.matcher(n);
            if (m.matches()) return Math.min(200, Integer.parseInt(m.group(1)));
            return floors.stream().mapToInt(f -> f.order).max().orElse(-1) + 1;
        }
    }
}
