package org.frischluft.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.frischluft.app.AppContext;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.model.Light;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.sim.DemoCity;
import org.frischluft.sim.DemoSchool;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.frischluft.ui.city.CityAggregator;
import org.frischluft.ui.city.CityView;
import org.frischluft.ui.city.CityViewModel;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.FxPump;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModels;
import org.frischluft.ui.common.Theme;
import org.frischluft.ui.overview.OverviewView;
import org.frischluft.ui.overview.OverviewViewModel;
import org.frischluft.ui.room.RoomDetailView;
import org.frischluft.ui.room.RoomDetailViewModel;

/**
 * The desktop at city scale (issue 15): the real screen (city view for more than 27 rooms, else the 27-room demo
 * school's overview), view models, FX pump, AppContext (MQTT link, ingest worker, H2 history) reading a broker that a
 * separate {@code simulate} process feeds at about 1,000 msg/s (bench/city.sh). Measures, in this JVM:
 * <ul>
 *   <li>first content: JVM start to the first painted frame that shows a reading (a site card counting a coloured
 *       room; the overview: a tile with a CO2 value);</li>
 *   <li>click → room detail shown: a synthetic primary click on a room tile to the second frame after it with the
 *       detail visible (p50/p95); in the city view first a click on a site card → its drill-down painted, then on a
 *       room tile there;</li>
 *   <li>CPU % of one core over a window (utime + stime from /proc/self/stat), RSS (VmRSS) at the end; messages
 *       the ingest side took per second over the CPU window.</li>
 * </ul>
 * <pre>bench/city.sh</pre> runs it; args: BROKER_URL --rooms N [--seconds 120] [--clicks 20] [--cpu-from 40] [--cpu-for 60]
 */
public final class CityBench {
    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) { // the FX threads would keep a failed bench alive: end it with the reason
            t.printStackTrace();
            Runtime.getRuntime().halt(1);
        }
    }

    private static void run(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        String url = args[0];
        int roomsWanted = intArg(args, "--rooms", 27);
        int seconds = intArg(args, "--seconds", 120);
        int clicks = intArg(args, "--clicks", 20);
        int cpuFrom = intArg(args, "--cpu-from", 40);
        int cpuFor = intArg(args, "--cpu-for", 60);
        boolean city = roomsWanted > 27;
        SchoolModel school = city ? DemoCity.model(DemoCity.sitesFor(roomsWanted)) : DemoSchool.model();
        Clock clock = Clock.systemDefaultZone();
        System.out.printf(Locale.ROOT, "school model (%d rooms) after %d ms%n", school.rooms().size(), System.currentTimeMillis() - jvmStart);
        // --history DIR: the history of an earlier run (the daily start); else a fresh one (the first start)
        String historyArg = stringArg(args, "--history");
        Path dir = historyArg != null ? Files.createDirectories(Path.of(historyArg)) : Files.createTempDirectory("city-bench");
        System.out.printf(Locale.ROOT, "history: %s (%s)%n", dir, Files.exists(dir.resolve("history.mv.db")) ? "from an earlier run" : "fresh");
        SchoolCatalog catalog = SchoolCatalog.of(school, "bench", clock);
        java.util.concurrent.Callable<AppContext> open = () -> {
            Store store = Store.open(StoreOptions.of("jdbc:h2:file:" + dir.resolve("history").toAbsolutePath()), clock);
            System.out.printf(Locale.ROOT, "store open after %d ms%n", System.currentTimeMillis() - jvmStart);
            return new AppContext(catalog, store, List.of(BrokerConfig.simple("bench", url, List.of("v3/+/devices/+/up"))), clock);
        };
        // as the app (GuiLauncher): the overview opens its back end before the window, the city view beside it
        CompletableFuture<AppContext> backEnd = new CompletableFuture<>();
        if (city) {
            Thread t = new Thread(() -> {
                try {
                    backEnd.complete(open.call());
                } catch (Throwable e) {
                    backEnd.completeExceptionally(e);
                }
            }, "back-end-start");
            t.setDaemon(true);
            t.start();
        } else {
            backEnd.complete(open.call());
        }
        // as the app: the city's summaries start on the back end's thread, not behind the window's first pulses
        CompletableFuture<CityAggregator> aggregator = backEnd.thenApply(ctx -> city
                ? new CityAggregator(ctx.live(), catalog::model, null).start() : null);
        backEnd.thenAccept(ctx -> {
            System.out.printf(Locale.ROOT, "back end (store, links, worker) ready after %d ms%n", System.currentTimeMillis() - jvmStart);
            Thread watcher = new Thread(() -> { // when the first reading reaches the live state (before any screen)
                while (ctx.live().rooms().stream().noneMatch(r -> r.lastReading() != null)) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                System.out.printf(Locale.ROOT, "first reading in the live state after %d ms%n", System.currentTimeMillis() - jvmStart);
            }, "bench-watch");
            watcher.setDaemon(true);
            watcher.start();
        });
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        System.out.printf(Locale.ROOT, "JavaFX started after %d ms%n", System.currentTimeMillis() - jvmStart);
        CompletableFuture<Long> firstContent = new CompletableFuture<>();
        Screen screen = onFx(() -> {
            Messages messages = Messages.forLocale(Locale.GERMAN);
            RoomViewModels rooms = city ? RoomViewModels.onDemand(school, messages, clock) : new RoomViewModels(school, messages, clock);
            AppStatusViewModel status = new AppStatusViewModel(messages, clock);
            long b0 = System.currentTimeMillis();
            RoomDetailView detail = new RoomDetailView(new RoomDetailViewModel(
                    request -> backEnd.thenCompose(ctx -> ctx.roomHistory().load(request)), catalog::model, clock, messages,
                    Platform::runLater));
            Parent root;
            CityViewModel cvm = null;
            BooleanSupplier content;
            java.util.function.Consumer<AppContext> whenReady;
            if (city) {
                CityViewModel vm = new CityViewModel(rooms, id -> backEnd.isDone() ? backEnd.join().live().room(id)
                        : java.util.Optional.empty(), status, messages, false, clock);
                vm.apply(CityAggregator.beforeAnyReading(school)); // as the app: the sites at once, counts to follow
                status.markStarting();
                long b1 = System.currentTimeMillis();
                root = new CityView(vm, detail);
                System.out.printf(Locale.ROOT, "  room detail built in %d ms, city view in %d ms%n", b1 - b0, System.currentTimeMillis() - b1);
                cvm = vm;
                content = () -> !vm.sites().isEmpty() && vm.sites().stream().anyMatch(s -> s.red() + s.yellow() + s.green() > 0)
                        && root.lookup(".city-site-card") != null;
                whenReady = ctx -> {
                    FxPump pump = new FxPump(ctx.live(), catalog, rooms, status, clock);
                    CityAggregator agg = aggregator.join();
                    boolean[] told = {false};
                    pump.onTick(() -> {
                        org.frischluft.ui.city.CityState st = agg.current();
                        if (!told[0] && st.sites().stream().anyMatch(x -> x.red() + x.yellow() + x.green() > 0)) {
                            told[0] = true;
                            System.out.printf(Locale.ROOT, "first counted reading taken by the pump after %d ms%n",
                                    System.currentTimeMillis() - jvmStart);
                        }
                        vm.apply(st);
                    });
                    pump.start();
                    System.out.printf(Locale.ROOT, "pump and aggregator started after %d ms%n", System.currentTimeMillis() - jvmStart);
                };
            } else {
                root = new OverviewView(new OverviewViewModel(rooms, status, messages), detail);
                content = () -> rooms.all().stream().anyMatch(r -> r.getLight() != Light.GREY);
                whenReady = ctx -> new FxPump(ctx.live(), catalog, rooms, status, clock).start();
            }
            long b2 = System.currentTimeMillis();
            Stage stage = new Stage();
            Scene scene = new Scene(root, 1920, 1080);
            Theme.apply(scene);
            stage.setScene(scene);
            long b3 = System.currentTimeMillis();
            stage.show();
            System.out.printf(Locale.ROOT, "  scene and theme in %d ms, show in %d ms%n", b3 - b2, System.currentTimeMillis() - b3);
            backEnd.thenAccept(ctx -> Platform.runLater(() -> whenReady.accept(ctx)));
            System.out.printf(Locale.ROOT, "screen built and shown after %d ms%n", System.currentTimeMillis() - jvmStart);
            // the first frame that shows a reading: the condition holds at a pulse, that pulse paints it
            new AnimationTimer() {
                boolean seen;

                @Override
                public void handle(long now) {
                    if (seen) {
                        stop();
                        firstContent.complete(System.currentTimeMillis() - jvmStart);
                    } else if (content.getAsBoolean()) {
                        seen = true;
                    }
                }
            }.start();
            return new Screen(root, detail, cvm);
        });
        AppContext ctx = backEnd.get(120, TimeUnit.SECONDS);
        long first = firstContent.get(120, TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "first content after %d ms%n", first);

        sleepUntil(jvmStart, 15);
        List<Double> siteClicks = new ArrayList<>();
        List<Double> roomClicks = new ArrayList<>();
        for (int i = 0; i < clicks; i++) {
            final int n = i;
            if (city) {
                long t0 = System.nanoTime();
                onFxAndFrames(() -> click(visible(screen.root.lookup("#city-sites"), ".list-cell", n)),
                        () -> screen.city.page() == CityViewModel.Page.SITE).get(10, TimeUnit.SECONDS);
                siteClicks.add((System.nanoTime() - t0) / 1e6);
            }
            Thread.sleep(300);
            long t1 = System.nanoTime();
            onFxAndFrames(() -> click(visible(city ? screen.root.lookup("#city-site-rooms") : screen.root, city ? ".city-tile" : ".room-tile", n * 7)),
                    () -> screen.detail.isVisible()).get(10, TimeUnit.SECONDS);
            roomClicks.add((System.nanoTime() - t1) / 1e6);
            Thread.sleep(300);
            onFx(() -> {
                screen.detail.close();
                if (screen.city != null) screen.city.back();
                return null;
            });
            Thread.sleep(400);
        }
        // the CPU window starts once the clicks are over (they are measured above, not here)
        long clicksOver = (System.currentTimeMillis() - jvmStart) / 1000 + 3;
        if (clicksOver > cpuFrom) System.out.printf(Locale.ROOT, "CPU window from %d s (after the clicks), not %d s%n", clicksOver, cpuFrom);
        sleepUntil(jvmStart, (int) Math.max(cpuFrom, clicksOver));
        java.util.Map<String, Long> threads0 = threadTicks();
        long cpu0 = cpuTicks();
        long msgs0 = ctx.stats().messages();
        long w0 = System.nanoTime();
        Thread.sleep(cpuFor * 1000L);
        double cpu = (cpuTicks() - cpu0) / 100.0 / ((System.nanoTime() - w0) / 1e9) * 100;
        double windowS = (System.nanoTime() - w0) / 1e9;
        java.util.Map<String, Long> threads1 = threadTicks();
        StringBuilder perThread = new StringBuilder();
        threads1.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - threads0.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0).sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                .forEach(e -> perThread.append(String.format(Locale.ROOT, " %s=%.1f%%", e.getKey(), e.getValue() / 100.0 / windowS * 100)));
        System.out.println("CPU by thread (% of a core):" + perThread);
        double rate = (ctx.stats().messages() - msgs0) / ((System.nanoTime() - w0) / 1e9);
        sleepUntil(jvmStart, seconds);
        long rss = rssKb();
        System.out.printf(Locale.ROOT, "RESULT rooms=%d view=%s first_content_ms=%d site_click_p50=%s site_click_p95=%s "
                        + "room_click_p50=%.0f room_click_p95=%.0f rss_mb=%.0f cpu_pct=%.1f msg_per_s=%.0f dropped=%d%n",
                school.rooms().size(), city ? "city" : "overview", first,
                siteClicks.isEmpty() ? "-" : String.format(Locale.ROOT, "%.0f", pct(siteClicks, 50)),
                siteClicks.isEmpty() ? "-" : String.format(Locale.ROOT, "%.0f", pct(siteClicks, 95)),
                pct(roomClicks, 50), pct(roomClicks, 95), rss / 1024.0, cpu, rate, ctx.stats().inboxDropped());
        System.out.flush();
        // a JFR recording started with -XX:StartFlightRecording=filename=… is written out before the halt below
        for (jdk.jfr.Recording r : jdk.jfr.FlightRecorder.getFlightRecorder().getRecordings()) {
            if (r.getDestination() != null) r.dump(r.getDestination());
        }
        if (historyArg != null) ctx.close(); // kept for the next run: closed in order (else its last readings are lost)
        Runtime.getRuntime().halt(0); // the bench is over: no orderly flush of a temporary history
    }

    private record Screen(Parent root, RoomDetailView detail, CityViewModel city) {
    }

    /** The {@code n}-th (mod count) visible node matching {@code query} under {@code root}. */
    private static Node visible(Node root, String query, int n) {
        List<Node> shown = new ArrayList<>();
        for (Node x : root.lookupAll(query)) {
            if (x.isVisible() && x.getScene() != null && x.localToScene(x.getBoundsInLocal()).getMaxY() < 1060
                    && x.localToScene(x.getBoundsInLocal()).getMinY() > 0 && !(x instanceof javafx.scene.control.ListCell<?> c && c.isEmpty())) {
                shown.add(x);
            }
        }
        if (shown.isEmpty()) throw new IllegalStateException("nothing visible matches " + query);
        return shown.get(n % shown.size());
    }

    private static void click(Node node) {
        javafx.geometry.Bounds b = node.localToScene(node.getBoundsInLocal());
        double x = b.getCenterX(), y = b.getCenterY();
        node.fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, x, y, x, y, MouseButton.PRIMARY, 1, false, false, false, false,
                true, false, false, false, false, true, null));
    }

    /** Runs {@code action} on the FX thread, then completes at the second frame after {@code done} holds. */
    private static CompletableFuture<Void> onFxAndFrames(Runnable action, BooleanSupplier done) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            action.run();
            new AnimationTimer() {
                int frames;

                @Override
                public void handle(long now) {
                    if (frames == 0 && !done.getAsBoolean()) return;
                    if (++frames >= 2) {
                        stop();
                        f.complete(null);
                    }
                }
            }.start();
        });
        return f;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    private static void sleepUntil(long jvmStart, int seconds) throws InterruptedException {
        long left = jvmStart + seconds * 1000L - System.currentTimeMillis();
        if (left > 0) Thread.sleep(left);
    }

    private static long cpuTicks() throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
    }

    /** CPU ticks per thread name (numbers folded: "GC Thread#0" and "#1" add up), from /proc/self/task. */
    private static java.util.Map<String, Long> threadTicks() throws java.io.IOException {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "N");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (java.io.IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return out;
    }

    private static long rssKb() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return -1;
    }

    private static double pct(List<Double> values, int p) {
        if (values.isEmpty()) return Double.NaN; // no clicks asked for
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
    }

    private static String stringArg(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return args[i + 1];
        return null;
    }

    private static int intArg(String[] args, String name, int def) {
        for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
        return def;
    }
}
