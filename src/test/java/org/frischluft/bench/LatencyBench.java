package org.frischluft.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.frischluft.app.AppContext;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.model.DeviceId;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Sensor;
import org.frischluft.sim.DemoSchool;
import org.frischluft.sim.LoadGenerator;
import org.frischluft.sim.SensorReading;
import org.frischluft.sim.TtnUplinks;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.FxPump;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModel;
import org.frischluft.ui.common.RoomViewModels;
import org.frischluft.ui.common.Theme;
import org.frischluft.ui.kiosk.KioskView;
import org.frischluft.ui.kiosk.KioskViewModel;

/**
 * Publish → light on screen: a kiosk (the real view, view models and FX pump, under Monocle or a display)
 * wired like the app (real AppContext: MQTT link, ingest worker, H2 writer) to a broker that also carries a
 * steady background load of TTN uplinks from other devices. Each probe is a TTN uplink of the kiosk's own sensor
 * with a new CO2 value; its latency runs from just before the publish to the first frame after the kiosk's CO2
 * label shows that value. Baseline in the same run, under the same load: a plain Paho subscriber's
 * publish → messageArrived on the same topic.
 *
 * <pre>bench/latency.sh [BROKER_URL] [--rate 1000] [--probes 200] [--every-ms 250]</pre>
 */
public final class LatencyBench {
    public static void main(String[] args) throws Exception {
        String url = args.length > 0 && !args[0].startsWith("--") ? args[0] : "tcp://127.0.0.1:1883";
        int rate = intArg(args, "--rate", 1000);
        int probes = intArg(args, "--probes", 200);
        int everyMs = intArg(args, "--every-ms", 250);
        String app = "bench-" + Long.toHexString(System.nanoTime());
        TtnUplinks uplinks = new TtnUplinks(app);

        SchoolModel school = DemoSchool.model();
        Room room = school.rooms().get(0);
        Sensor sensor = room.sensors().get(0);
        DeviceId device = sensor.device();
        String topic = uplinks.topic(device);
        Clock clock = Clock.systemUTC();
        Path dir = Files.createTempDirectory("latency-bench");
        Store store = Store.open(StoreOptions.of("jdbc:h2:file:" + dir.resolve("history").toAbsolutePath()), clock);
        SchoolCatalog catalog = SchoolCatalog.of(school, "bench", clock);
        AppContext ctx = new AppContext(catalog, store,
                List.of(BrokerConfig.simple("bench", url, List.of("v3/" + app + "@ttn/devices/+/up"))), clock);

        // the kiosk
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        ConcurrentHashMap<Integer, Long> shownAt = new ConcurrentHashMap<>();
        Platform.runLater(() -> {
            Messages messages = Messages.forLocale(Locale.GERMAN);
            RoomViewModels rooms = new RoomViewModels(school, messages, clock);
            AppStatusViewModel status = new AppStatusViewModel(messages, clock);
            FxPump pump = new FxPump(ctx.live(), catalog, rooms, status, clock);
            RoomViewModel vm = rooms.get(room.id());
            KioskView view = new KioskView(new KioskViewModel(vm, status, DisplayPolicy.always(),
                    school.calendarOf(room.id()), clock));
            Stage stage = new Stage();
            Scene scene = new Scene(view, 1920, 1080);
            Theme.apply(scene);
            stage.setScene(scene);
            stage.show();
            // the value the label shows, stamped at the next frame (the one that paints it)
            int[] pending = {-1};
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (pending[0] >= 0) {
                        shownAt.putIfAbsent(pending[0], System.nanoTime());
                        pending[0] = -1;
                    }
                }
            }.start();
            vm.co2TextProperty().addListener((obs, o, text) -> {
                String digits = text.replaceAll("[^0-9]", "");
                if (!digits.isEmpty()) pending[0] = Integer.parseInt(digits);
            });
            pump.start();
        });

        // the baseline: a plain subscriber on the probe topic
        ConcurrentHashMap<Integer, Long> arrivedAt = new ConcurrentHashMap<>();
        MqttClient sub = new MqttClient(url, "bench-sub-" + app, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        sub.connect(o);
        sub.subscribe(topic, 0, (t, m) -> {
            String body = new String(m.getPayload(), java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher mm = java.util.regex.Pattern.compile("\"co2\":\\s*(\\d+)").matcher(body);
            if (mm.find()) arrivedAt.putIfAbsent(Integer.parseInt(mm.group(1)), System.nanoTime());
        });

        // the background load: other devices of the same application, steady
        Thread load = new Thread(() -> {
            try {
                LoadGenerator.Result r = LoadGenerator.run(url, app, rate * (probes * everyMs / 1000 + 30), 500, 0, rate);
                System.out.printf(Locale.ROOT, "background: %d messages at %.0f msg/s%n", r.messages(), r.rate());
            } catch (Exception e) {
                System.out.println("background load failed: " + e);
            }
        }, "background-load");
        load.setDaemon(true);
        load.start();
        Thread.sleep(5_000); // warm up: connection, JIT, first readings

        MqttClient pub = new MqttClient(url, "bench-pub-" + app, new MemoryPersistence());
        pub.connect(o);
        ConcurrentHashMap<Integer, Long> sentAt = new ConcurrentHashMap<>();
        long fCnt = 1;
        for (int i = 0; i < probes; i++) {
            int co2 = 700 + (i % 2 == 0 ? i : 600 + i); // each probe a new value
            SensorReading r = new SensorReading(Instant.now(), co2, 21.5, 45, 300, 0, 3600, 1013, 100);
            TtnUplinks.Uplink u = uplinks.uplink(device, sensor.model() == null ? null : sensor.model().id(), r, fCnt++);
            sentAt.put(co2, System.nanoTime());
            pub.publish(u.topic(), new MqttMessage(u.payload()));
            Thread.sleep(everyMs);
        }
        Thread.sleep(2_000);
        List<Double> screen = new ArrayList<>();
        List<Double> mqtt = new ArrayList<>();
        sentAt.forEach((co2, t0) -> {
            Long s = shownAt.get(co2);
            if (s != null) screen.add((s - t0) / 1e6);
            Long a = arrivedAt.get(co2);
            if (a != null) mqtt.add((a - t0) / 1e6);
        });
        System.out.printf(Locale.ROOT, "probes %d at one per %d ms, background %d msg/s (QoS 0, 500 devices)%n", probes, everyMs, rate);
        report("baseline: publish -> Paho subscriber", mqtt, probes);
        report("kiosk:    publish -> CO2 on screen (next frame)", screen, probes);
        pub.disconnect();
        sub.disconnect();
        ctx.close();
        Platform.exit();
        System.exit(0);
    }

    private static void report(String what, List<Double> ms, int probes) {
        Collections.sort(ms);
        if (ms.isEmpty()) {
            System.out.println(what + ": no probe arrived");
            return;
        }
        System.out.printf(Locale.ROOT, "%s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d of %d probes)%n", what,
                pct(ms, 50), pct(ms, 90), pct(ms, 99), ms.get(ms.size() - 1), ms.size(), probes);
    }

    private static double pct(List<Double> sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static int intArg(String[] args, String name, int def) {
        for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
        return def;
    }

    private LatencyBench() {
    }

}
