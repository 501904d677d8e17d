package org.frischluft.rooms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;
import org.frischluft.model.SensorModel;
import org.frischluft.model.SiteId;

/**
 * The typed school model of one installation: the operator, its sites with their calendars, buildings,
 * floors, rooms, sensors and kiosks, the threshold profiles defined in the file and the admin's source
 * mappings. Everything is resolved when the file is read (a profile id is a {@link Profile}, a display policy a
 * {@link DisplayPolicy}, a sensor model a {@link SensorModel}); lookups the hot paths need are indexed once here.
 * Immutable and thread-safe; a change is a new instance in a new {@link SchoolVersion}.
 */
public final class SchoolModel {
    private final Operator operator;
    private final Profile defaultProfile;
    private final List<Profile> profiles;
    private final List<SourceMapping> mappings;
    private final List<DefaultModel> defaultModels;
    private final List<Site> sites;

    private final Map<RoomId, RoomLocation> rooms = new LinkedHashMap<>();
    private final List<Placement> placements = new ArrayList<>();
    private final Map<DeviceId, Placement> current = new HashMap<>();
    private final Map<String, Kiosk> kiosks = new LinkedHashMap<>();
    private final Map<String, Site> kioskSites = new HashMap<>();
    /** Made on first use: {@link #sensorModels()} is asked per reading on the ingest side (issue 15: 3,000 sensors). */
    private volatile Map<DeviceId, SensorModel> sensorModels;

    /**
     * @param defaultProfile the profile of every room whose room and site name none
     * @param profiles       the profiles defined in the file (built-ins are not listed)
     * @throws IllegalArgumentException on duplicate room, site or kiosk ids or a sensor placed twice from the
     *                                  same time (the file reader reports these as problems first)
     */
    public SchoolModel(Operator operator, Profile defaultProfile, List<Profile> profiles, List<SourceMapping> mappings,
                       List<Site> sites) {
        this(operator, defaultProfile, profiles, mappings, List.of(), sites);
    }

    /** @param defaultModels sensor models of whole fleets (application, device profile, topic prefix), first match wins */
    public SchoolModel(Operator operator, Profile defaultProfile, List<Profile> profiles, List<SourceMapping> mappings,
                       List<DefaultModel> defaultModels, List<Site> sites) {
        this.defaultModels = List.copyOf(defaultModels);
        this.operator = operator == null ? Operator.NONE : operator;
        this.defaultProfile = defaultProfile == null ? Profiles.UBA : defaultProfile;
        this.profiles = List.copyOf(profiles);
        this.mappings = List.copyOf(mappings);
        this.sites = List.copyOf(sites);
        Set<SiteId> siteIds = new HashSet<>();
        Map<DeviceId, Set<Long>> since = new HashMap<>();
        for (Site site : this.sites) {
            if (!siteIds.add(site.id())) throw new IllegalArgumentException("site " + site.id() + " is listed twice");
            for (Building b : site.buildings()) {
                for (Floor f : b.floors()) {
                    for (Room r : f.rooms()) {
                        if (rooms.putIfAbsent(r.id(), new RoomLocation(site, b, f, r)) != null) {
                            throw new IllegalArgumentException("room " + r.id() + " is listed twice");
                        }
                        for (Sensor s : r.sensors()) {
                            Placement p = new Placement(s.device(), r.id(), s.since(), s);
                            if (!since.computeIfAbsent(s.device(), d -> new HashSet<>()).add(p.sinceMillis())) {
                                throw new IllegalArgumentException("sensor " + s.device() + " is placed twice from the same time");
                            }
                            placements.add(p);
                            current.merge(s.device(), p, (a, c) -> a.sinceMillis() >= c.sinceMillis() ? a : c);
                        }
                    }
                }
            }
            for (Kiosk k : site.kiosks()) {
                if (kiosks.putIfAbsent(k.id(), k) != null) throw new IllegalArgumentException("kiosk " + k.id() + " is listed twice");
                kioskSites.put(k.id(), site);
            }
        }
    }

    /** One site with one building: the shape of a single school (and of the old flat school file). */
    public static SchoolModel singleSite(Site site) {
        return new SchoolModel(Operator.NONE, Profiles.UBA, List.of(), List.of(), List.of(site));
    }

    public Operator operator() {
        return operator;
    }

    public Profile defaultProfile() {
        return defaultProfile;
    }

    /** Profiles defined in the file, in file order. */
    public List<Profile> profiles() {
        return profiles;
    }

    public List<SourceMapping> mappings() {
        return mappings;
    }

    /** Sensor models of whole fleets, in the file's order (the first that matches a message counts). */
    public List<DefaultModel> defaultModels() {
        return defaultModels;
    }

    public List<Site> sites() {
        return sites;
    }

    public Optional<Site> site(SiteId id) {
        return sites.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** A name for the installation: the operator's, else the only site's. */
    public String name() {
        if (operator.isNamed()) return operator.name();
        return sites.size() == 1 ? sites.get(0).name() : "";
    }

    /** Every room: sites, then buildings, floors in floor order, rooms in file order. */
    public List<Room> rooms() {
        return rooms.values().stream().map(RoomLocation::room).toList();
    }

    public Optional<Room> room(RoomId id) {
        RoomLocation l = rooms.get(id);
        return l == null ? Optional.empty() : Optional.of(l.room());
    }

    public boolean hasRoom(RoomId id) {
        return rooms.containsKey(id);
    }

    /** The room's own profile, else its site's, else the file's default. */
    public Profile profileOf(RoomId id) {
        RoomLocation l = rooms.get(id);
        if (l == null) return defaultProfile;
        if (l.room().profile() != null) return l.room().profile();
        return l.site().profile() != null ? l.site().profile() : defaultProfile;
    }

    /** The room's own display policy, else its site's, else always on. */
    public DisplayPolicy displayOf(RoomId id) {
        RoomLocation l = rooms.get(id);
        if (l == null) return DisplayPolicy.always();
        if (l.room().display() != null) return l.room().display();
        return l.site().display() != null ? l.site().display() : DisplayPolicy.always();
    }

    /** The display policy the school file sets for the room or its site, if it sets one. */
    public Optional<DisplayPolicy> configuredDisplayOf(RoomId id) {
        RoomLocation l = rooms.get(id);
        if (l == null) return Optional.empty();
        return Optional.ofNullable(l.room().display() != null ? l.room().display() : l.site().display());
    }

    /** The calendar of the room's site (the German default for an unknown room). */
    public SchoolCalendar calendarOf(RoomId id) {
        RoomLocation l = rooms.get(id);
        return l == null ? SchoolCalendar.germanDefault() : l.site().calendar();
    }

    public ComfortLimits comfortOf(RoomId id) {
        RoomLocation l = rooms.get(id);
        return l == null ? ComfortLimits.DEFAULT : l.site().comfort();
    }

    /** Every placement the file names, in file order (a sensor moved between rooms has several). */
    public List<Placement> placements() {
        return List.copyOf(placements);
    }

    /** The room a device is in now: its placement with the latest {@code since}. */
    public Optional<RoomId> roomOf(DeviceId device) {
        Placement p = current.get(device);
        return p == null ? Optional.empty() : Optional.of(p.room());
    }

    /** The current placement of each device. */
    public Map<DeviceId, Placement> currentPlacements() {
        return Map.copyOf(current);
    }

    /** The configured model of each device's current placement (devices without a model left out). */
    public Map<DeviceId, SensorModel> sensorModels() {
        Map<DeviceId, SensorModel> made = sensorModels;
        if (made == null) { // immutable model: two threads making it at once make the same map
            Map<DeviceId, SensorModel> out = new HashMap<>();
            current.forEach((d, p) -> {
                if (p.sensor().model() != null) out.put(d, p.sensor().model());
            });
            sensorModels = made = Map.copyOf(out);
        }
        return made;
    }

    /** The model of the sensor {@code device} is now, null when the file names none (or places no such sensor). */
    public SensorModel sensorModel(DeviceId device) {
        Placement p = current.get(device);
        return p == null ? null : p.sensor().model();
    }

    public List<Kiosk> kiosks() {
        return List.copyOf(kiosks.values());
    }

    public Optional<Kiosk> kiosk(String id) {
        return Optional.ofNullable(kiosks.get(id));
    }

    /** A kiosk's own display policy, else its room's. */
    public DisplayPolicy displayOf(Kiosk k) {
        if (k.display() != null) return k.display();
        if (k.room() != null) return displayOf(k.room());
        Site s = kioskSites.get(k.id());
        return s != null && s.display() != null ? s.display() : DisplayPolicy.always();
    }

    /** A profile by id: the file's own, then the built-ins (with {@code +blue} suffixes); empty if unknown. */
    public Optional<Profile> profile(String id) {
        return ProfileRefs.resolve(id, profiles);
    }

    public int sensorCount() {
        return current.size();
    }

    /** Rooms grouped for display: site, building, floor in order. */
    public List<RoomLocation> roomLocations() {
        return List.copyOf(rooms.values());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchoolModel m && operator.equals(m.operator) && defaultProfile.equals(m.defaultProfile)
                && profiles.equals(m.profiles) && mappings.equals(m.mappings) && defaultModels.equals(m.defaultModels) && sites.equals(m.sites);
    }

    @Override
    public int hashCode() {
        return Objects.hash(operator, defaultProfile, profiles, mappings, defaultModels, sites);
    }

    @Override
    public String toString() {
        return "SchoolModel[" + name() + ": " + sites.size() + " sites, " + rooms.size() + " rooms, " + current.size()
                + " sensors, " + kiosks.size() + " kiosks]";
    }

}
