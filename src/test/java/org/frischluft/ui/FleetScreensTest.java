package org.frischluft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.model.Light;
import org.frischluft.model.LinkStatus;
import org.frischluft.model.RoomId;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.file.SchoolFile;
import org.frischluft.ui.admin.FleetPane;
import org.frischluft.ui.admin.FleetRow;
import org.frischluft.ui.admin.FleetViewModel;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.Snapshots;
import org.frischluft.ui.common.Theme;
import org.frischluft.ui.kiosk.PairingView;
import org.frischluft.ui.kiosk.PairingViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The pairing screen (its QR code read back from the rendered PNG with zxing) and the admin's fleet tab (pairing by
 * code saved through the SchoolEditor and sent); screenshots at the kiosk and admin sizes. Regenerate the ones in
 * docs/screenshots with {@code -Dfrischluft.screenshots=docs/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class FleetScreensTest {
    static final String QR = "frischluft:pair?kiosk=k-4f7q9c&code=K7M4PX";
    private static final Instant NOW = UiFixtures.NOW;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
    }

    private static Path out(Path tmp) {
        String target = System.getProperty("frischluft.screenshots");
        return target == null || target.isBlank() ? tmp : Path.of(target);
    }

    static Scene pairing(Locale locale, int w, int h) {
        PairingViewModel vm = new PairingViewModel(Messages.forLocale(locale), "K7M-4PX", "k-4f7q9c", "gs-lindenpark", QR);
        vm.applyLink(LinkStatus.State.CONNECTED, "tcp://mqtt.schule.local:1883");
        Scene scene = new Scene(new PairingView(vm), w, h);
        Theme.apply(scene);
        return scene;
    }

    private static String decode(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(img.getWidth(), img.getHeight(), px)));
        return new QRCodeReader().decode(bitmap).getText();
    }

    @Test
    void thePairingScreenShowsCodeIdAndStateAndItsQrCodeReadsBackFromThePng(FxRobot robot) throws Exception {
        Path o = out(dir);
        for (int[] size : new int[][] {{1920, 1080}, {1280, 800}}) {
            Path png = o.resolve("kiosk-pairing-" + size[0] + "x" + size[1] + ".png");
            Scene scene = WaitForAsyncUtils.asyncFx(() -> {
                Scene s = pairing(Locale.GERMAN, size[0], size[1]);
                Snapshots.toPng(s, png);
                return s;
            }).get(30, TimeUnit.SECONDS);
            assertThat(decode(png)).as(png.toString()).isEqualTo(QR);
            Label code = (Label) scene.lookup("#pairing-code");
            assertThat(code.getText()).isEqualTo("K7M-4PX");
            // readable across the room: the code's letters at least a tenth of the screen height, and not cut off
            assertThat(code.getFont().getSize()).isGreaterThanOrEqualTo(size[1] / 10.0 * 0.9);
            assertThat(code.getBoundsInParent().getWidth()).isLessThan(size[0] * 0.6);
            assertThat(((Label) scene.lookup("#pairing-kiosk")).getText()).isEqualTo("Bildschirm k-4f7q9c · Standort gs-lindenpark");
            assertThat(((Label) scene.lookup("#pairing-link")).getText()).isEqualTo("Verbunden mit tcp://mqtt.schule.local:1883 – wartet auf die Zuordnung");
        }
        Path en = o.resolve("kiosk-pairing-en-1280x800.png");
        WaitForAsyncUtils.asyncFx(() -> Snapshots.toPng(pairing(Locale.ENGLISH, 1280, 800), en)).get(30, TimeUnit.SECONDS);
        assertThat(decode(en)).isEqualTo(QR);
    }

    @Test
    void aKioskViewSwappedInAfterPairingGetsTheWholeWindowNotItsMinimum(FxRobot robot) throws Exception {
        double[] size = WaitForAsyncUtils.asyncFx(() -> {
            org.frischluft.ui.kiosk.KioskHost host = new org.frischluft.ui.kiosk.KioskHost();
            host.show(pairing(Locale.GERMAN, 10, 10).getRoot());
            Scene scene = new Scene(host, 1280, 800);
            Theme.apply(scene);
            Stage st = new Stage();
            st.setScene(scene);
            st.show();
            Messages de = Messages.forLocale(Locale.GERMAN);
            var clock = UiFixtures.clock();
            var room = new org.frischluft.ui.common.RoomViewModel(UiFixtures.room("r-204", "R 204 — 10a"), de, clock);
            host.show(new org.frischluft.ui.kiosk.KioskView(new org.frischluft.ui.kiosk.KioskViewModel(room,
                    new org.frischluft.ui.common.AppStatusViewModel(de, clock), org.frischluft.rooms.DisplayPolicy.always(),
                    org.frischluft.rooms.SchoolCalendar.germanDefault(), clock)));
            host.applyCss();
            host.layout();
            double[] wh = {host.kiosk().getWidth(), host.kiosk().getHeight()};
            st.hide();
            return wh;
        }).get(30, TimeUnit.SECONDS);
        assertThat(size).containsExactly(1280, 800);
    }

    /** The demo school with two kiosks already paired. */
    static SchoolModel school() {
        try {
            String json = java.nio.file.Files.readString(Path.of("kiosk-config/demo-school.json"), StandardCharsets.UTF_8);
            return SchoolFile.parse(json.getBytes(StandardCharsets.UTF_8), null).model();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<FleetRow> rows() {
        return List.of(
                new FleetRow("k-r101", "gs-lindenpark", true, null, "r-101", 1764059820000L, Light.GREEN, NOW.minusSeconds(95), "0.1.0",
                        NOW.minus(Duration.ofHours(26).plusMinutes(12)), Map.of()),
                new FleetRow("k-r102", "gs-lindenpark", true, null, "r-102", 1764059820000L, Light.RED, NOW.minusSeconds(40), "0.1.0",
                        NOW.minus(Duration.ofHours(3)), Map.of("tampered", 2, "replayed", 1)),
                new FleetRow("k-r203", "gs-lindenpark", false, null, "r-203", 1764040000000L, Light.YELLOW, NOW.minus(Duration.ofHours(5)), "0.1.0",
                        NOW.minus(Duration.ofDays(3)), Map.of()),
                new FleetRow("k-4f7q9c", "gs-lindenpark", true, "K7M4PX", null, 0, null, null, "0.1.0", NOW.minusSeconds(300), Map.of()),
                new FleetRow("k-aula", "gs-lindenpark", true, null, "r-aula", 1764059820000L, Light.GREY, null, "0.1.0",
                        NOW.minus(Duration.ofMinutes(42)), Map.of("unsigned", 1)));
    }

    private record Sent(SchoolModel model, SiteId site) {
    }

    @Test
    void theFleetTabListsEveryKioskInWordsAndPairsByCodeThroughTheEditor(FxRobot robot) throws Exception {
        SchoolEditor editor = new SchoolEditor(SchoolCatalog.of(school(), "test", UiFixtures.clock()), "admin");
        List<Sent> sent = new ArrayList<>();
        Messages de = Messages.forLocale(Locale.GERMAN);
        FleetViewModel vm = new FleetViewModel(editor, SiteId.of("gs-lindenpark"), (m, s) -> {
            sent.add(new Sent(m, s));
            return 1764060000000L;
        }, UiFixtures.clock(), () -> de, Runnable::run, Runnable::run);
        Path o = out(dir);
        FleetPane pane = WaitForAsyncUtils.asyncFx(() -> {
            vm.apply(rows());
            return new FleetPane(vm);
        }).get();
        for (int[] size : new int[][] {{1920, 1080}, {1366, 768}}) {
            Path png = o.resolve("admin-fleet-" + size[0] + "x" + size[1] + ".png");
            WaitForAsyncUtils.asyncFx(() -> {
                Scene s = new Scene(new javafx.scene.layout.StackPane(), size[0], size[1]);
                ((javafx.scene.layout.StackPane) s.getRoot()).getChildren().setAll(pane);
                Theme.apply(s);
                Stage st = new Stage();
                st.setScene(s);
                st.show();
                Snapshots.toPng(s, png);
                st.hide();
                ((javafx.scene.layout.StackPane) s.getRoot()).getChildren().clear();
            }).get(30, TimeUnit.SECONDS);
            assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(size[0]);
        }
        List<FleetViewModel.Line> lines = vm.lines();
        assertThat(lines).extracting(FleetViewModel.Line::stateText)
                .containsExactly("● online", "● online", "○ offline", "◐ wartet: K7M-4PX", "● online");
        assertThat(lines.get(0).room()).isEqualTo("R 101 — 7a");
        assertThat(lines.get(0).showing()).isEqualTo("Grün, Wert vor 1 min");
        assertThat(lines.get(0).uptime()).isEqualTo("26 h 12 min");
        assertThat(lines.get(1).refusals()).isEqualTo("1× Wiederholung, 2× verändert");
        assertThat(lines.get(2).uptime()).isEqualTo("–");
        assertThat(lines.get(0).version()).isEqualTo("25.11.2025 09:37:00");
        assertThat(lines.get(4).showing()).isEqualTo("Grau");
        assertThat(vm.countTextProperty().get()).isEqualTo("5 Bildschirme, 4 online, 1 warten auf Zuordnung");

        WaitForAsyncUtils.asyncFx(() -> vm.pair("k7m 4pz", null, RoomId.of("r-204"))).get();
        assertThat(vm.getResult()).isEqualTo("Kein wartender Bildschirm zeigt den Code k7m 4pz.");
        assertThat(sent).isEmpty();
        WaitForAsyncUtils.asyncFx(() -> vm.pair("k7m 4px", null, null)).get();
        assertThat(vm.getResult()).isEqualTo("Bitte einen Raum wählen.");

        WaitForAsyncUtils.asyncFx(() -> vm.pair("k7m-4px", null, RoomId.of("r-204"))).get();
        assertThat(vm.getResult()).isEqualTo("Bildschirm k-4f7q9c zeigt jetzt R 204 — 10a (Konfiguration 1764060000000 gesendet).");
        assertThat(editor.current().model().kiosk("k-4f7q9c").orElseThrow().room()).isEqualTo(RoomId.of("r-204"));
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.site()).isEqualTo(SiteId.of("gs-lindenpark"));
            assertThat(s.model().kiosk("k-4f7q9c").orElseThrow().room()).isEqualTo(RoomId.of("r-204"));
        });
    }
}
