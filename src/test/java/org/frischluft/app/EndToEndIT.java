package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.model.DeviceId;
import org.frischluft.model.LinkStatus;
import org.frischluft.model.RoomId;
import org.frischluft.model.SensorModel;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.TestSchool;
import org.frischluft.sim.EmbeddedBroker;
import org.frischluft.sim.SensorReading;
import org.frischluft.sim.TtnUplinks;
import org.frischluft.store.ExportQuery;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.FxPump;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModels;
import org.frischluft.ui.common.Theme;
import org.frischluft.ui.kiosk.KioskView;
import org.frischluft.ui.kiosk.KioskViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The whole path with real parts: a TTN v3 uplink published over TCP to a real broker, Paho, the ingest
 * worker, a row in a real H2 file, and the light on a real (headless) JavaFX stage. Against the embedded
 * broker always, and against the Mosquitto at 127.0.0.1:1883 where one answers.
 */
@ExtendWith(ApplicationExtension.class)
class EndToEndIT {
    private static final PseudoClass LIT = PseudoClass.getPseudoClass("lit");
    private static final DeviceId SENSOR = DeviceId.of("a81758fffe0312ab");
    private static final RoomId ROOM = RoomId.of("r-101");

    @TempDir
    Path dir;

    private Stage stage;
    private AppContext context;
    private FxPump pump;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.show();
    }

    @AfterEach
    void stop() {
        if (pump != null) pump.stop();
        if (context != null) context.close();
    }

    @Test
    void uplinkThroughTheEmbeddedBrokerBecomesARowInH2AndARedLightWithWords(FxRobot robot) throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            runPath(robot, broker.url());
        }
    }

    @Test
    void uplinkThroughTheLocalMosquittoBecomesARowInH2AndARedLightWithWords(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(answers("127.0.0.1", 1883), "skipped: no Mosquitto answers at 127.0.0.1:1883");
        runPath(robot, "tcp://127.0.0.1:1883");
    }

    private void runPath(FxRobot robot, String url) throws Exception {
        String app = "e2e-" + Long.toHexString(System.nanoTime()); // private topics on a shared broker
        Clock clock = Clock.systemUTC();
        SchoolModel model = TestSchool.site("it", "IT-Schule").room(ROOM.value(), "Raum 101", "EG", 0)
                .sensor(SENSOR.value(), SensorModel.ELSYS_ERS_CO2, Instant.parse("2026-08-01T00:00:00Z")).model();
        SchoolCatalog school = SchoolCatalog.of(model, "it", clock);
        Store store = Store.open(StoreOptions.of("jdbc:h2:file:" + dir.resolve("history").toAbsolutePath()), clock);
        context = new AppContext(school, store,
                List.of(BrokerConfig.simple("it", url, List.of("v3/" + app + "@ttn/devices/+/up"))), clock);

        Messages messages = Messages.forLocale(Locale.GERMAN);
        RoomViewModels rooms = new RoomViewModels(model, messages, clock);
        AppStatusViewModel status = new AppStatusViewModel(messages, clock);
        robot.interact(() -> {
            Scene scene = new Scene(new KioskView(new KioskViewModel(rooms.get(ROOM), status, DisplayPolicy.always(), model.calendarOf(ROOM), clock)), 1280, 800);
            Theme.apply(scene);
            stage.setScene(scene);
            pump = new FxPump(context.live(), school, rooms, status, clock);
            pump.start();
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> context.live().links().stream()
                .anyMatch(l -> l.state() == LinkStatus.State.CONNECTED));

        MqttClient publisher = new MqttClient(url, "e2e-pub-" + app, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        publisher.connect(options);
        try {
            TtnUplinks uplinks = new TtnUplinks(app);
            String topic = uplinks.topic(SENSOR);
            // a sender's garbage first: counted, and the connection stays
            publisher.publish(topic, "{\"uplink_message\": {".getBytes(StandardCharsets.UTF_8), 1, false);
            Instant t = Instant.now().minusSeconds(5);
            TtnUplinks.Uplink up = uplinks.uplink(SENSOR, SensorModel.ELSYS_ERS_CO2.id(),
                    new SensorReading(t, 2100, 22.6, 41, 39, 6, 3426, 1013, 0), 7);
            publisher.publish(up.topic(), up.payload(), 1, false);
        } finally {
            publisher.disconnect();
            publisher.close();
        }

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            StringBuilder csv = new StringBuilder();
            context.store().history().exportCsv(new ExportQuery(null, null, null, ROOM), csv);
            assertThat(csv.toString()).contains(",a81758fffe0312ab,r-101,2100,22.6,41");
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(robot.lookup("#headline").queryAs(Label.class).getText()).isEqualTo("Jetzt lüften!");
            assertThat(robot.lookup("#lamp-red").query().getPseudoClassStates()).contains(LIT);
            assertThat(robot.lookup("#co2").queryAs(Label.class).getText()).isEqualTo("2\u202F100 ppm");
        });
        assertThat(context.rejections().counts()).containsEntry("malformed-json", 1L);
        assertThat(context.links()).allMatch(l -> l.isConnected());
    }

    private static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
