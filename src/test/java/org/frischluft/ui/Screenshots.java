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
import org.frischluft.model.Advice;
import org.frischluft.model.Light;
import org.frischluft.model.LinkStatus;
import org.frischluft.model.RoomId;
import org.frischluft.model.RoomSnapshot;
import org.frischluft.model.Sign;
import org.frischluft.live.StoreHealth;
import org.frischluft.rooms.RoomConfig;
import org.frischluft.rooms.SchoolConfig;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModel;
import org.frischluft.ui.common.Snapshots;
import org.frischluft.ui.common.Theme;
import org.frischluft.ui.kiosk.DisplayPolicy;
import org.frischluft.ui.kiosk.KioskView;
import org.frischluft.ui.kiosk.KioskViewModel;
import org.frischluft.ui.overview.OverviewView;
import org.frischluft.ui.overview.OverviewViewModel;

/**
 * Renders the screenshots in {@code docs/screenshots/}: the kiosk in every state at 1920×1080 and
 * 1280×800, the overview of a 24-room, 3-floor school at 1920×1080 and 1366×768 (also with rejected
 * messages in the header and their list open). Headless (Monocle),
 * no X server. Regenerate with
 * {@code mvn -o -q test -Dtest=ScreenshotsTest -Dfrischluft.screenshots=docs/screenshots}, or run this
 * {@code main} on the test classpath (optional argument: the output directory, default {@code docs/screenshots}).
 */
public final class Screenshots {
    /** One kiosk state to render. */
    public record KioskState(String name, double co2, Light light, Advice advice, Set<Sign> signs, Duration age,
                             LinkStatus.State link, StoreHealth store, DisplayPolicy policy) {
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
            new KioskState("green-quiet-dimmed", 684, Light.GREEN, null, Set.of(), Duration.ofMinutes(1), LinkStatus.State.CONNECTED, StoreHealth.OK, DisplayPolicy.quiet()));

    static final int[][] KIOSK_SIZES = {{1920, 1080}, {1280, 800}};
    static final int[][] OVERVIEW_SIZES = {{1920, 1080}, {1366, 768}};

    private Screenshots() {
    }

    /** A kiosk scene in {@code state}, ready to snapshot (FX thread). */
    public static Scene kiosk(KioskState state, Locale locale, int width, int height) {
        UiFixtures.MutableClock clock = UiFixtures.clock();
        Messages messages = Messages.forLocale(locale);
        RoomConfig room = UiFixtures.room("r-204", locale.getLanguage().equals("de") ? "Raum 204 · 7b" : "Room 204 · 7b", "2. OG", 2);
        RoomViewModel vm = new RoomViewModel(room, messages, clock);
        AppStatusViewModel status = new AppStatusViewModel(messages, clock);
        Instant now = clock.instant();
        vm.apply(UiFixtures.snapshot(room.id(), state.co2(), state.light(), state.advice(), state.signs(), now, state.age()));
        status.applyLink(new LinkStatus("tcp://broker", state.link(), now.minus(state.link() == LinkStatus.State.CONNECTED ? Duration.ofHours(3) : Duration.ofMinutes(12)), ""));
        status.applyStoreHealth(state.store());
        status.tick(now);
        vm.tick(now);
        KioskViewModel kvm = new KioskViewModel(vm, status, state.policy(), clock);
        return scene(new KioskView(kvm), width, height);
    }

    /** The overview of the 24-room demo school in a lesson: mixed lights, one room stale, one low battery. */
    public static Scene overview(Locale locale, int width, int height, LinkStatus.State link) {
        return overview(locale, width, height, link, null, false);
    }

    /**
     * The overview with rejected messages ({@code rejections} non-null: "1 204 abgelehnt" in the header), and
     * with the admin's list of them open when {@code panelOpen}.
     */
    public static Scene overview(Locale locale, int width, int height, LinkStatus.State link,
                                 org.frischluft.live.RejectionSummary rejections, boolean panelOpen) {
        UiFixtures.MutableClock clock = UiFixtures.clock();
        Messages messages = Messages.forLocale(locale);
        SchoolConfig school = UiFixtures.school();
        Map<RoomId, RoomViewModel> rooms = UiFixtures.viewModels(school, messages, clock);
        Instant now = clock.instant();
        double[] co2 = {640, 1180, 2140, 870, 560, 990, 1430, 720, 2380, 1010, 780, 930, 1650, 610, 540, 880,
            1230, 820, 700, 1960, 2210, 760, 1100, 690};
        int i = 0;
        for (RoomConfig r : school.rooms()) {
            double v = co2[i % co2.length];
            Light light = UiFixtures.uba(v);
            Duration age = Duration.ofSeconds(30 + 37L * i % 240);
            Set<Sign> signs = Set.of();
            if (i == 5 || i == 17) {
                light = Light.GREY;
                age = Duration.ofMinutes(i == 5 ? 26 : 3 * 60 + 5);
            }
            if (i == 11) signs = Set.of(Sign.LOW_BATTERY);
            if (i == 14) light = Light.BLUE;
            if (i == 2) signs = Set.of(Sign.TOO_WARM);
            RoomSnapshot s = UiFixtures.snapshot(r.id(), v, light, null, signs, now, age);
            if (i == 11) {
                s = new RoomSnapshot(s.room(), s.device(), s.co2(), s.temperature(), s.humidity(), 8.0, s.lastReading(), s.assessment());
            }
            rooms.get(r.id()).apply(s);
            i++;
        }
        AppStatusViewModel status = new AppStatusViewModel(messages, clock);
        status.applyLink(new LinkStatus("tcp://broker", link, now.minus(Duration.ofMinutes(12)), ""));
        status.tick(now);
        if (rejections != null) status.applyRejections(rejections);
        OverviewViewModel vm = new OverviewViewModel(school, rooms, status, messages);
        Scene scene = scene(new OverviewView(vm), width, height);
        if (panelOpen) ((javafx.scene.control.Button) scene.lookup("#rejections-count")).fire();
        return scene;
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
        files.add(render(overview(Locale.GERMAN, 1920, 1080, LinkStatus.State.DISCONNECTED), dir, "overview-disconnected", OVERVIEW_SIZES[0]));
        files.add(render(overview(Locale.ENGLISH, 1366, 768, LinkStatus.State.CONNECTED), dir, "overview-en", OVERVIEW_SIZES[1]));
        for (int[] size : OVERVIEW_SIZES) {
            files.add(render(overview(Locale.GERMAN, size[0], size[1], LinkStatus.State.CONNECTED,
                    UiFixtures.rejections(UiFixtures.NOW), false), dir, "overview-rejections", size));
            files.add(render(overview(Locale.GERMAN, size[0], size[1], LinkStatus.State.CONNECTED,
                    UiFixtures.rejections(UiFixtures.NOW), true), dir, "overview-rejections-panel", size));
        }
        files.add(render(overview(Locale.ENGLISH, 1366, 768, LinkStatus.State.CONNECTED,
                UiFixtures.rejections(UiFixtures.NOW), true), dir, "overview-rejections-panel-en", OVERVIEW_SIZES[1]));
        return files;
    }

    private static Path render(Scene scene, Path dir, String name, int[] size) {
        Path file = dir.resolve(name + "-" + size[0] + "x" + size[1] + ".png");
        Snapshots.toPng(scene, file);
        return file;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
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
