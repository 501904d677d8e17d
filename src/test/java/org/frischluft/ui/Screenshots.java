package org.frischluft.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.frischluft.live.StoreHealth;
import org.frischluft.model.Advice;
import org.frischluft.model.Light;
import org.frischluft.model.LinkStatus;
import org.frischluft.model.RoomId;
import org.frischluft.model.RoomSnapshot;
import org.frischluft.model.Sign;
import org.frischluft.model.Trend;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.sim.DemoSchool;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModel;
import org.frischluft.ui.common.RoomViewModels;
import org.frischluft.ui.common.Snapshots;
import org.frischluft.ui.common.Theme;
import org.frischluft.ui.kiosk.KioskView;
import org.frischluft.ui.kiosk.KioskViewModel;
import org.frischluft.ui.overview.OverviewView;
import org.frischluft.ui.overview.OverviewViewModel;

/**
 * Renders the screenshots in {@code docs/screenshots/}: the kiosk of one demo room in every state at
 * 1920×1080 and 1280×800 (as installed, and once as the demo shows it, with its badge), the overview of the demo school ({@link DemoSchool}: 27 rooms, 9 on each of
 * 3 floors) on a November morning at 1920×1080, 1600×900 and 1366×768 (also with rejected messages in
 * the header and their list open), and the room detail of one demo room over the overview at 1920×1080 and
 * 1366×768 (today; once the last 7 days; once in English), its history simulated into a temporary H2 file and
 * read through the app's adapter. Headless (Monocle), no X server. Regenerate with
 * {@code mvn -o -q test -Dtest=ScreenshotsTest -Dfrischluft.screenshots=docs/screenshots}, or run this
 * {@code main} on the test classpath (optional argument: the output directory, default {@code docs/screenshots}).
 */
public final class Screenshots {
    /** One kiosk state to render. */
    public record KioskState(String name, double co2, Light light, Advice advice, Set<Sign> signs, Duration age,
                             LinkStatus.State link, StoreHealth store, DisplayPolicy policy, boolean demo, Trend pending) {
        KioskState(String name, double co2, Light light, Advice advice, Set<Sign> signs, Duration age,
                   LinkStatus.State link, StoreHealth store, DisplayPolicy policy, boolean demo) {
            this(name, co2, light, advice, signs, age, link, store, policy, demo, null);
        }

        /** A connected, healthy kiosk whose light holds back a change in direction {@code pending}. */
        KioskState(String name, double co2, Light light, Advice advice, Set<Sign> signs, Duration age, Trend pending) {
            this(name, co2, light, advice, signs, age, LinkStatus.State.CONNECTED, StoreHealth.OK, DisplayPolicy.always(),
                    false, pending);
        }

        KioskState(String name, double co2, Light light, Advice advice, Set<Sign> signs, Duration age,
                   LinkStatus.State link, StoreHealth store, DisplayPolicy policy) {
            this(name, co2, light, advice, signs, age, link, store, policy, false);
        }

        KioskState(String name, double co2, Light light, Advice advice, Set<Sign> signs, Duration age,
                   LinkStatus.State link, StoreHealth store) {
            this(name, co2, light, advice, signs, age, link, store, DisplayPolicy.always());
        }
    }

    static final List<KioskState> KIOSK_STATES = List.of(
            new KioskState("green", 742, Light.GREEN, null, Set.of(), Duration.ofMinutes(1), LinkStatus.State.CONNECTED, StoreHealth.OK),
            new KioskState("green-forecast", 912, Light.GREEN, new Advice(Advice.Kind.YELLOW_SOON, 7), Set.of(), Duration.ofMinutes(2), LinkStatus.State.CONNECTED, StoreHealth.OK),
            new KioskState("yellow", 1234, Light.YELLOW, new Advice(Advice.Kind.RED_SOON, 12), Set.of(Sign.TOO_DRY), Duration.ofMinutes(2), LinkStatus.State.CONNECTED, StoreHealth.OK),
            new KioskState("red", 2100, Light.RED, null, Set.of(Sign.TOO_WARM), Duration.ofMinutes(1), LinkStatus.State.CONNECTED, StoreHealth.OK),
            new KioskState("airing", 1380, Light.YELLOW, new Advice(Advice.Kind.CLOSE_IN, 3), Set.of(Sign.TOO_COLD), Duration.ofSeconds(40), LinkStatus.State.CONNECTED, StoreHealth.OK),
            new KioskState("blue", 520, Light.BLUE, new Advice(Advice.Kind.CLOSE_NOW, 0), Set.of(Sign.TOO_COLD), Duration.ofMinutes(1), LinkStatus.State.CONNECTED, StoreHealth.OK),
            new KioskState("grey", 1105, Light.GREY, null, Set.of(), Duration.ofMinutes(23), LinkStatus.State.CONNECTED, StoreHealth.OK),
            new KioskState("disconnected", 980, Light.GREY, null, Set.of(), Duration.ofMinutes(14), LinkStatus.State.RECONNECTING, StoreHealth.OK),
            new KioskState("store-failing", 856, Light.GREEN, null, Set.of(), Duration.ofMinutes(1), LinkStatus.State.CONNECTED, new StoreHealth(StoreHealth.State.DISK_FULL, "disk full")),
            new KioskState("green-quiet-dimmed", 684, Light.GREEN, null, Set.of(), Duration.ofMinutes(1), LinkStatus.State.CONNECTED, StoreHealth.OK, DisplayPolicy.quiet()),
            // the value has crossed a threshold, the colour follows after its hold: the screen says which way
            new KioskState("green-rising", 1046, Light.GREEN, null, Set.of(), Duration.ofSeconds(40), Trend.RISING),
            new KioskState("yellow-falling", 866, Light.YELLOW, new Advice(Advice.Kind.CLOSE_IN, 4), Set.of(Sign.TOO_COLD), Duration.ofSeconds(30), Trend.FALLING),
            new KioskState("demo", 1180, Light.YELLOW, new Advice(Advice.Kind.RED_SOON, 9), Set.of(Sign.TOO_DRY), Duration.ofSeconds(50), LinkStatus.State.CONNECTED, StoreHealth.OK, DisplayPolicy.always(), true));

    static final int[][] KIOSK_SIZES = {{1920, 1080}, {1280, 800}};
    /** The room detail, over the overview, at the afternoon of a simulated school day. */
    static final int[][] ROOM_DETAIL_SIZES = {{1920, 1080}, {1366, 768}};
    /** The room shown in the room detail: its teachers air late, so five of eight hours have a mean above 1 000 ppm. */
    static final String DETAIL_ROOM = "r-203";
    /** The afternoon the room detail shows: Tuesday 25 Nov 2025, 14:35 in Berlin. */
    static final Instant DETAIL_NOW = java.time.ZonedDateTime.of(2025, 11, 25, 14, 35, 0, 0, UiFixtures.BERLIN).toInstant();
    static final int[][] OVERVIEW_SIZES = {{1920, 1080}, {1366, 768}};
    /** Further overview sizes rendered once (a common desktop window). */
    static final int[][] OVERVIEW_EXTRA_SIZES = {{1600, 900}};

    /**
     * One room of the demo school at 10:42 on a November morning: CO2, temperature, humidity (dry winter
     * air, so many rooms say so), the light and how old the value is.
     */
    record DemoRoom(String id, double co2, double temperature, double humidity, Light light, Duration age, Trend pending) {
        DemoRoom(String id, double co2, double temperature, double humidity, Duration age) {
            this(id, co2, temperature, humidity, UiFixtures.uba(co2), age, null);
        }

        DemoRoom(String id, double co2, double temperature, double humidity, Light light, Duration age) {
            this(id, co2, temperature, humidity, light, age, null);
        }
    }

    static final List<DemoRoom> DEMO_MORNING = List.of(
            new DemoRoom("r-001", 1180, 21.8, 31, Duration.ofSeconds(50)),
            new DemoRoom("r-002", 760, 21.2, 29, Duration.ofSeconds(95)),
            new DemoRoom("r-003", 1830, 23.4, 36, Light.RED, Duration.ofSeconds(40), Trend.FALLING),
            new DemoRoom("r-004", 930, 21.5, 30, Duration.ofMinutes(2)),
            new DemoRoom("r-005", 1420, 22.6, 33, Duration.ofSeconds(70)),
            new DemoRoom("r-006", 610, 20.9, 28, Duration.ofMinutes(3)),
            new DemoRoom("r-010", 870, 21.0, 27, Duration.ofSeconds(30)),
            new DemoRoom("r-012", 990, 21.3, 32, Light.GREY, Duration.ofMinutes(26)),
            new DemoRoom("r-aula", 640, 19.4, 26, Duration.ofMinutes(1)),
            new DemoRoom("r-101", 2380, 24.1, 38, Duration.ofSeconds(45)),
            new DemoRoom("r-102", 1046, 22.0, 32, Light.GREEN, Duration.ofMinutes(1), Trend.RISING),
            new DemoRoom("r-103", 780, 21.4, 29, Duration.ofSeconds(80)),
            new DemoRoom("r-104", 930, 21.7, 30, Duration.ofMinutes(3)),
            new DemoRoom("r-105", 1650, 22.9, 34, Duration.ofSeconds(55)),
            new DemoRoom("r-106", 540, 18.4, 25, Light.BLUE, Duration.ofSeconds(35)),
            new DemoRoom("r-110", 880, 21.3, 28, Duration.ofMinutes(1)),
            new DemoRoom("r-111", 1230, 22.2, 31, Duration.ofSeconds(100)),
            new DemoRoom("r-112", 720, 23.0, 27, Duration.ofMinutes(2)),
            new DemoRoom("r-201", 640, 21.5, 29, Duration.ofSeconds(65)),
            new DemoRoom("r-202", 1180, 22.1, 32, Duration.ofMinutes(1)),
            new DemoRoom("r-203", 2210, 23.8, 37, Duration.ofSeconds(25)),
            new DemoRoom("r-204", 866, 21.9, 30, Light.YELLOW, Duration.ofSeconds(50), Trend.FALLING),
            new DemoRoom("r-205", 560, 20.4, 28, Duration.ofSeconds(90)),
            new DemoRoom("r-206", 2008, 23.1, 35, Light.YELLOW, Duration.ofMinutes(1), Trend.RISING),
            new DemoRoom("r-210", 1100, 22.4, 31, Duration.ofSeconds(75)),
            new DemoRoom("r-211", 690, 21.1, 27, Duration.ofMinutes(3)),
            new DemoRoom("r-212", 820, 20.2, 29, Duration.ofSeconds(40)));
    /** The demo room whose sensor reports a low battery. */
    static final String LOW_BATTERY_ROOM = "r-104";

    private Screenshots() {
    }

    /** A kiosk scene in {@code state}, ready to snapshot (FX thread). */
    public static Scene kiosk(KioskState state, Locale locale, int width, int height) {
        UiFixtures.MutableClock clock = UiFixtures.clock();
        Messages messages = Messages.forLocale(locale);
        Room room = DemoSchool.model().rooms().stream().filter(r -> r.id().value().equals("r-204")).findFirst().orElseThrow();
        RoomViewModel vm = new RoomViewModel(room, messages, clock);
        AppStatusViewModel status = new AppStatusViewModel(messages, clock);
        Instant now = clock.instant();
        vm.apply(climate(UiFixtures.snapshot(room.id(), state.co2(), state.light(), state.advice(), state.signs(), now, state.age(), state.pending()),
                state.signs().contains(Sign.TOO_COLD) ? 18.6 : state.signs().contains(Sign.TOO_WARM) ? 26.4 : 22.1,
                state.signs().contains(Sign.TOO_DRY) ? 27 : 34, 87.0));
        status.applyLink(new LinkStatus("tcp://broker", state.link(), now.minus(state.link() == LinkStatus.State.CONNECTED ? Duration.ofHours(3) : Duration.ofMinutes(12)), ""));
        status.applyStoreHealth(state.store());
        status.tick(now);
        vm.tick(now);
        KioskViewModel kvm = new KioskViewModel(vm, status, state.policy(), SchoolCalendar.germanDefault(), clock, state.demo());
        return scene(new KioskView(kvm), width, height);
    }

    /**
     * The overview of the demo school in a lesson: mixed lights, one room stale, one airing, one low battery, and
     * four rooms whose value has crossed a threshold while their colour holds (1 046 ppm still green, rising).
     */
    public static Scene overview(Locale locale, int width, int height, LinkStatus.State link) {
        return overview(locale, width, height, link, null, false);
    }

    /**
     * The overview with rejected messages ({@code rejections} non-null: "1 204 abgelehnt" in the header), and
     * with the admin's list of them open when {@code panelOpen}.
     */
    public static Scene overview(Locale locale, int width, int height, LinkStatus.State link,
                                 org.frischluft.model.RejectionSummary rejections, boolean panelOpen) {
        return overview(locale, width, height, link, rejections, panelOpen, st -> { });
    }

    /** The overview after the caretaker saved a school file with a typo: it was not used, and the header says so. */
    public static Scene overviewSchoolRefused(Locale locale, int width, int height) {
        org.frischluft.rooms.file.SchoolFile.Result broken = org.frischluft.rooms.file.SchoolFile.parse((
                "{\"sites\": [{\"id\": \"gs-lindenpark\", \"calendar\": {\"state\": \"SH\"}, \"buildings\": [{\"id\": \"main\", "
                        + "\"floors\": [{\"name\": \"EG\", \"rooms\": [{\"id\": \"r-001\", \"volumen\": 182, "
                        + "\"display\": \"blinking\"}]}]}]}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        var version = new org.frischluft.rooms.SchoolVersion(3, DemoSchool.model(), UiFixtures.NOW, "school.json", List.of());
        var refusal = new org.frischluft.rooms.SchoolCatalog.Reload(org.frischluft.rooms.SchoolCatalog.Reload.Outcome.REFUSED,
                version, broken.problems());
        return overview(locale, width, height, LinkStatus.State.CONNECTED, null, false,
                st -> st.applySchoolRefusal(refusal, "/etc/frischluft/school.json"));
    }

    /**
     * The demo school's overview with three sensors that send but are in no room: the header's "3 Sensoren ohne
     * Raum", and with {@code open} the list of them with their inferred models.
     */
    public static Scene overviewUnplaced(Locale locale, int width, int height, boolean open) {
        Scene scene = overview(locale, width, height, LinkStatus.State.CONNECTED, null, false,
                st -> st.applyUnplaced(unplaced(UiFixtures.NOW)));
        if (open) ((javafx.scene.control.Button) scene.lookup("#unplaced-count")).fire();
        return scene;
    }

    /** Three devices seen but not placed: one read from its bytes, one by its vendor prefix, one the network decoded. */
    public static org.frischluft.model.UnplacedDevices unplaced(Instant now) {
        return new org.frischluft.model.UnplacedDevices(3, List.of(
                new org.frischluft.model.UnplacedDevices.Device(org.frischluft.model.DeviceId.of("24e124707c481005"),
                        now.minusSeconds(50), 1180.0, "milesight-am319", "frame"),
                new org.frischluft.model.UnplacedDevices.Device(org.frischluft.model.DeviceId.of("70b3d52dd300a1f2"),
                        now.minus(Duration.ofMinutes(7)), 640.0, "mclimate-co2-sensor", "oui"),
                new org.frischluft.model.UnplacedDevices.Device(org.frischluft.model.DeviceId.of("ampel-werkraum"),
                        now.minus(Duration.ofHours(20)), 910.0, null, null)));
    }

    /** The demo school as two buildings: the old one's ground and first floor, the second floor in the new one. */
    static SchoolModel twoBuildings() {
        org.frischluft.rooms.Site site = DemoSchool.model().sites().get(0);
        List<org.frischluft.rooms.Floor> floors = site.buildings().get(0).floors();
        org.frischluft.rooms.Site two = new org.frischluft.rooms.Site(site.id(), site.name(), site.calendar(), null, null,
                site.comfort(), List.of(new org.frischluft.rooms.Building("altbau", "Altbau", floors.subList(0, 2)),
                        new org.frischluft.rooms.Building("neubau", "Neubau", floors.subList(2, 3))), site.kiosks());
        return SchoolModel.singleSite(two);
    }

    private static Scene overview(Locale locale, int width, int height, LinkStatus.State link,
                                  org.frischluft.model.RejectionSummary rejections, boolean panelOpen,
                                  java.util.function.Consumer<AppStatusViewModel> extra) {
        return overview(DemoSchool.model(), locale, width, height, link, rejections, panelOpen, extra);
    }

    private static Scene overview(SchoolModel school, Locale locale, int width, int height, LinkStatus.State link,
                                  org.frischluft.model.RejectionSummary rejections, boolean panelOpen,
                                  java.util.function.Consumer<AppStatusViewModel> extra) {
        return overview(school, locale, width, height, link, rejections, panelOpen, extra, null, null);
    }

    /**
     * The demo school's overview with the caretaker's alert list ({@link #demoAlerts}): beside the rooms at 1920×1080,
     * behind the header's "3 offene Alarme" at laptop size unless {@code alertsOpen}.
     */
    public static Scene overviewAlerts(Locale locale, int width, int height, Boolean alertsOpen) {
        return overviewAlerts(locale, width, height, alertsOpen, demoAlerts(UiFixtures.NOW));
    }

    /** As {@link #overviewAlerts(Locale, int, int, Boolean)} with another feed (a test's, that records what is acknowledged). */
    public static Scene overviewAlerts(Locale locale, int width, int height, Boolean alertsOpen, org.frischluft.ui.common.AlertFeed feed) {
        return overview(DemoSchool.model(), locale, width, height, LinkStatus.State.CONNECTED, null, false, st -> { },
                feed, alertsOpen);
    }

    /**
     * The demo morning's alerts: R 101 above 2000 ppm for 34 min (co2-high), R 203 red in the lesson, R 012's sensor
     * silent since 10:16, R 104's battery low (taken on by the caretaker) and R 211 drifting.
     */
    public static org.frischluft.ui.common.AlertFeed demoAlerts(Instant now) {
        org.frischluft.model.SiteId site = DemoSchool.model().sites().get(0).id();
        List<org.frischluft.ui.common.AlertFeed.Item> items = List.of(
                new org.frischluft.ui.common.AlertFeed.Item(7, "co2-high", 3, RoomId.of("r-101"), site, "open",
                        now.minus(Duration.ofMinutes(4)), now.minus(Duration.ofMinutes(34)), 2380.0, null, null),
                new org.frischluft.ui.common.AlertFeed.Item(8, "red-in-lesson", 3, RoomId.of("r-203"), site, "open",
                        now.minus(Duration.ofMinutes(2)), now.minus(Duration.ofMinutes(12)), 2210.0, null, null),
                new org.frischluft.ui.common.AlertFeed.Item(6, "sensor-silent", 2, RoomId.of("r-012"), site, "open",
                        now.minus(Duration.ofMinutes(11)), now.minus(Duration.ofMinutes(26)), null, null, null),
                new org.frischluft.ui.common.AlertFeed.Item(3, "battery-low", 1, RoomId.of(LOW_BATTERY_ROOM), site, "acknowledged",
                        now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(1)), 8.0, "Hausmeister", "Batterien bestellt, Tausch Freitag"),
                new org.frischluft.ui.common.AlertFeed.Item(2, "drift", 1, RoomId.of("r-211"), site, "escalated",
                        now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(10)), 312.0, null, null));
        org.frischluft.ui.common.AlertFeed.Snapshot snap = new org.frischluft.ui.common.AlertFeed.Snapshot(1, items);
        return new org.frischluft.ui.common.AlertFeed() {
            @Override
            public Snapshot current() {
                return snap;
            }

            @Override
            public void acknowledge(long id, String by, String comment) {
            }
        };
    }

    private static Scene overview(SchoolModel school, Locale locale, int width, int height, LinkStatus.State link,
                                  org.frischluft.model.RejectionSummary rejections, boolean panelOpen,
                                  java.util.function.Consumer<AppStatusViewModel> extra,
                                  org.frischluft.ui.common.AlertFeed alertFeed, Boolean alertsOpen) {
        UiFixtures.MutableClock clock = UiFixtures.clock();
        Messages messages = Messages.forLocale(locale);
        RoomViewModels rooms = UiFixtures.viewModels(school, messages, clock);
        Instant now = clock.instant();
        for (DemoRoom d : DEMO_MORNING) {
            RoomId id = RoomId.of(d.id());
            Set<Sign> signs = java.util.EnumSet.noneOf(Sign.class);
            if (d.temperature() < 20) signs.add(Sign.TOO_COLD);
            if (d.temperature() > 26) signs.add(Sign.TOO_WARM);
            if (d.humidity() < 30) signs.add(Sign.TOO_DRY);
            if (d.id().equals(LOW_BATTERY_ROOM)) signs.add(Sign.LOW_BATTERY);
            Advice advice = d.light() == Light.BLUE ? new Advice(Advice.Kind.CLOSE_NOW, 0) : null;
            RoomSnapshot s = UiFixtures.snapshot(id, d.co2(), d.light(), advice, signs, now, d.age(), d.pending());
            rooms.get(id).apply(climate(s, d.temperature(), d.humidity(), d.id().equals(LOW_BATTERY_ROOM) ? 8.0 : 87.0));
        }
        AppStatusViewModel status = new AppStatusViewModel(messages, clock);
        status.applyLink(new LinkStatus("tcp://broker", link, now.minus(Duration.ofMinutes(12)), ""));
        status.tick(now);
        if (rejections != null) status.applyRejections(rejections);
        extra.accept(status);
        org.frischluft.ui.common.AlertsViewModel alerts = null;
        if (alertFeed != null) {
            alerts = new org.frischluft.ui.common.AlertsViewModel(alertFeed, rooms, messages, clock);
            alerts.apply(alertFeed.current());
        }
        OverviewViewModel vm = new OverviewViewModel(rooms, status, messages, true, alerts);
        OverviewView view = new OverviewView(vm);
        Scene scene = scene(view, width, height);
        if (alertsOpen != null) {
            view.applyCss();
            view.layout();
            ((javafx.scene.control.Button) scene.lookup("#alerts-toggle")).fire();
            if (!alertsOpen) ((javafx.scene.control.Button) scene.lookup("#alerts-toggle")).fire();
        }
        if (panelOpen) ((javafx.scene.control.Button) scene.lookup("#rejections-count")).fire();
        return scene;
    }

    /**
     * The room detail of {@link #DETAIL_ROOM} over the overview of the demo school at {@link #DETAIL_NOW}, its
     * history read from {@code store} (filled by {@link #simulateSchool}) through the app's adapter; every
     * tile shows the simulated school at that moment. Synchronous (a direct executor), so it can be snapshot
     * at once.
     */
    public static Scene roomDetail(Locale locale, int width, int height, org.frischluft.store.Store store,
                                   Map<RoomId, org.frischluft.sim.SensorReading> latest, org.frischluft.ui.room.Range range) {
        UiFixtures.MutableClock clock = new UiFixtures.MutableClock(DETAIL_NOW.plusSeconds(40), UiFixtures.BERLIN);
        Messages messages = Messages.forLocale(locale);
        SchoolModel school = DemoSchool.model();
        RoomViewModels rooms = UiFixtures.viewModels(school, messages, clock);
        latest.forEach((id, m) -> {
            RoomSnapshot s = UiFixtures.snapshot(id, m.co2Ppm(), UiFixtures.uba(m.co2Ppm()), null, Set.of(), DETAIL_NOW,
                    Duration.between(m.time(), DETAIL_NOW));
            rooms.get(id).apply(climate(s, m.temperatureC(), m.humidityPct(), 87.0));
        });
        AppStatusViewModel status = new AppStatusViewModel(messages, clock);
        status.applyLink(new LinkStatus("tcp://broker", LinkStatus.State.CONNECTED, DETAIL_NOW.minus(Duration.ofHours(7)), ""));
        status.tick(DETAIL_NOW);
        org.frischluft.ui.room.RoomHistory history = new org.frischluft.app.StoreRoomHistory(store.history(), Runnable::run);
        org.frischluft.ui.room.RoomDetailViewModel dvm = new org.frischluft.ui.room.RoomDetailViewModel(history,
                () -> school, clock, messages, Runnable::run);
        org.frischluft.ui.room.RoomDetailView detail = new org.frischluft.ui.room.RoomDetailView(dvm);
        OverviewViewModel vm = new OverviewViewModel(rooms, status, messages, true);
        Scene scene = scene(new OverviewView(vm, detail), width, height);
        // TilesFX lays out a tile's content only while its window shows: render from a shown (headless) stage
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.setScene(scene);
        stage.show();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        RoomId room = RoomId.of(DETAIL_ROOM);
        detail.open(rooms.get(room), scene.lookup("#tile-" + DETAIL_ROOM));
        scene.getRoot().applyCss();
        scene.getRoot().layout(); // the chart now knows its width: load again with as many points as pixels
        if (range != org.frischluft.ui.room.Range.TODAY) {
            dvm.setRange(range);
        } else {
            dvm.reload();
        }
        return scene;
    }

    /** The simulator's seed for the room detail's school days (the demo's own). */
    static final long SIM_SEED = 42L;

    /**
     * Writes {@code days} school days (ending at {@link #DETAIL_NOW}) of the simulated demo school into
     * {@code store}, a reading a minute per room, each sensor placed in its room; returns each room's last reading.
     */
    public static Map<RoomId, org.frischluft.sim.SensorReading> simulateSchool(org.frischluft.store.Store store, int days) {
        SchoolModel school = DemoSchool.model();
        Instant start = DETAIL_NOW.atZone(UiFixtures.BERLIN).toLocalDate().minusDays(days - 1L)
                .atTime(5, 0).atZone(UiFixtures.BERLIN).toInstant();
        Map<RoomId, org.frischluft.model.DeviceId> sensors = new java.util.HashMap<>();
        school.currentPlacements().forEach((device, p) -> sensors.put(p.room(), device));
        for (var e : sensors.entrySet()) store.assign(e.getValue(), e.getKey(), start.minus(Duration.ofDays(1)));
        org.frischluft.sim.SchoolSimulation sim = new org.frischluft.sim.SchoolSimulation(school.rooms(), SIM_SEED, start,
                org.frischluft.rooms.SchoolCalendar.germanDefault());
        Map<RoomId, org.frischluft.sim.SensorReading> latest = new java.util.LinkedHashMap<>();
        for (Instant t = start; !t.isAfter(DETAIL_NOW); t = t.plus(Duration.ofMinutes(1))) {
            sim.step(t);
            for (int i = 0; i < sim.size(); i++) {
                org.frischluft.model.DeviceId device = sensors.get(sim.rooms().get(i).id());
                if (device == null) continue;
                org.frischluft.sim.SensorReading m = sim.measure(i);
                latest.put(sim.rooms().get(i).id(), m);
                store.writer().submit(org.frischluft.model.Reading.of(device, m.time(), (double) m.co2Ppm(), m.temperatureC(), m.humidityPct()));
            }
        }
        store.writer().flush(Duration.ofMinutes(2));
        return latest;
    }

    private static RoomSnapshot climate(RoomSnapshot s, double temperature, double humidity, double batteryPct) {
        return new RoomSnapshot(s.room(), s.device(), s.co2(), temperature, humidity, batteryPct, s.lastReading(), s.assessment());
    }

    private static Scene scene(Parent root, int width, int height) {
        Scene scene = new Scene(root, width, height);
        Theme.apply(scene);
        return scene;
    }

    /** Renders every screenshot into {@code dir} (FX thread); returns the files written. */
    public static List<Path> renderAll(Path dir) {
        List<Path> files = new ArrayList<>();
        for (int[] size : KIOSK_SIZES) {
            for (KioskState s : KIOSK_STATES) {
                files.add(render(kiosk(s, Locale.GERMAN, size[0], size[1]), dir, "kiosk-" + s.name(), size));
            }
            files.add(render(kiosk(KIOSK_STATES.get(3), Locale.ENGLISH, size[0], size[1]), dir, "kiosk-red-en", size));
        }
        for (int[] size : OVERVIEW_SIZES) {
            files.add(render(overview(Locale.GERMAN, size[0], size[1], LinkStatus.State.CONNECTED), dir, "overview", size));
        }
        for (int[] size : OVERVIEW_EXTRA_SIZES) {
            files.add(render(overview(Locale.GERMAN, size[0], size[1], LinkStatus.State.CONNECTED), dir, "overview", size));
        }
        files.add(render(overview(Locale.GERMAN, 1920, 1080, LinkStatus.State.DISCONNECTED), dir, "overview-disconnected", OVERVIEW_SIZES[0]));
        files.add(render(overview(Locale.ENGLISH, 1366, 768, LinkStatus.State.CONNECTED), dir, "overview-en", OVERVIEW_SIZES[1]));
        for (int[] size : OVERVIEW_SIZES) {
            files.add(render(overviewSchoolRefused(Locale.GERMAN, size[0], size[1]), dir, "overview-school-refused", size));
            files.add(render(overview(twoBuildings(), Locale.GERMAN, size[0], size[1], LinkStatus.State.CONNECTED, null, false,
                    st -> { }), dir, "overview-buildings", size));
        }
        for (int[] size : OVERVIEW_SIZES) {
            files.add(render(overview(Locale.GERMAN, size[0], size[1], LinkStatus.State.CONNECTED,
                    UiFixtures.rejections(UiFixtures.NOW), false), dir, "overview-rejections", size));
            files.add(render(overview(Locale.GERMAN, size[0], size[1], LinkStatus.State.CONNECTED,
                    UiFixtures.rejections(UiFixtures.NOW), true), dir, "overview-rejections-panel", size));
        }
        files.add(render(overview(Locale.ENGLISH, 1366, 768, LinkStatus.State.CONNECTED,
                UiFixtures.rejections(UiFixtures.NOW), true), dir, "overview-rejections-panel-en", OVERVIEW_SIZES[1]));
        for (int[] size : OVERVIEW_SIZES) {
            files.add(render(overviewAlerts(Locale.GERMAN, size[0], size[1], null), dir, "overview-alerts", size));
        }
        files.add(render(overviewAlerts(Locale.GERMAN, 1366, 768, true), dir, "overview-alerts-open", OVERVIEW_SIZES[1]));
        files.add(render(overviewAlerts(Locale.ENGLISH, 1366, 768, true), dir, "overview-alerts-open-en", OVERVIEW_SIZES[1]));
        for (int[] size : OVERVIEW_SIZES) {
            files.add(render(overviewUnplaced(Locale.GERMAN, size[0], size[1], true), dir, "overview-unplaced", size));
        }
        files.add(render(overviewUnplaced(Locale.ENGLISH, 1366, 768, true), dir, "overview-unplaced-en", OVERVIEW_SIZES[1]));
        files.addAll(renderRoomDetails(dir));
        return files;
    }

    /** The room detail screenshots, from a history store in a temporary directory (deleted afterwards). */
    static List<Path> renderRoomDetails(Path dir) {
        List<Path> files = new ArrayList<>();
        Path tmp = null;
        try {
            tmp = java.nio.file.Files.createTempDirectory("frischluft-shots");
            java.time.Clock storeClock = java.time.Clock.fixed(DETAIL_NOW, UiFixtures.BERLIN);
            try (org.frischluft.store.Store store = org.frischluft.store.Store.open(org.frischluft.store.StoreOptions.of(
                    "jdbc:h2:file:" + tmp.resolve("history").toAbsolutePath()), storeClock)) {
                Map<RoomId, org.frischluft.sim.SensorReading> latest = simulateSchool(store, 7);
                for (int[] size : ROOM_DETAIL_SIZES) {
                    files.add(render(roomDetail(Locale.GERMAN, size[0], size[1], store, latest, org.frischluft.ui.room.Range.TODAY),
                            dir, "room-detail", size));
                }
                files.add(render(roomDetail(Locale.GERMAN, 1920, 1080, store, latest, org.frischluft.ui.room.Range.WEEK),
                        dir, "room-detail-week", ROOM_DETAIL_SIZES[0]));
                files.add(render(roomDetail(Locale.ENGLISH, 1366, 768, store, latest, org.frischluft.ui.room.Range.TODAY),
                        dir, "room-detail-en", ROOM_DETAIL_SIZES[1]));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            deleteQuietly(tmp);
        }
        return files;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var walk = java.nio.file.Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temporary directory
        }
    }

    private static Path render(Scene scene, Path dir, String name, int[] size) {
        Path file = dir.resolve(name + "-" + size[0] + "x" + size[1] + ".png");
        Snapshots.toPng(scene, file);
        if (scene.getWindow() != null) scene.getWindow().hide();
        return file;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1920x1080-32"); // room-detail stages of 1920x1080
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        CompletableFuture<List<Path>> done = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                done.complete(renderAll(dir));
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        try {
            done.get(5, TimeUnit.MINUTES).forEach(p -> System.out.println("wrote " + p));
        } finally {
            Platform.exit();
        }
    }
}
