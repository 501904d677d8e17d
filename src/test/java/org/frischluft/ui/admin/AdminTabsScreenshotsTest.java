package org.frischluft.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.admin.broker.ConnectionTest;
import org.frischluft.app.StoreDayHistory;
import org.frischluft.model.RoomId;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.frischluft.ui.Screenshots;
import org.frischluft.ui.common.Snapshots;
import org.frischluft.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Screenshots of the 10b admin tabs, {@code admin-<tab>-<w>x<h>.png} at 1920×1080 and 1366×768, each in a plain
 * TabPane as the shell will host it: profiles (a copy being edited, the preview of room R 203's simulated day read
 * from an H2 store through {@link StoreDayHistory}), calendar (a bad lesson line said in words), import (a CSV with
 * errors checked), brokers (a test over the real Mosquitto where one runs). Kept in {@code docs/screenshots} with
 * {@code mvn -o -q test -Dtest=AdminScreenshotsTest -Dfrischluft.screenshots=docs/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class AdminTabsScreenshotsTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** The afternoon the screenshots show: Tuesday 25 Nov 2025, 14:35 in Berlin, as the room detail's. */
    static final Instant NOW = ZonedDateTime.of(2025, 11, 25, 14, 35, 0, 0, BERLIN).toInstant();
    static final int[][] SIZES = {{1920, 1080}, {1366, 768}};

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // each screenshot has its own stage
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        T t = WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return t;
    }

    private Stage shown(AdminTab tab, Locale locale, int[] size) throws Exception {
        return fx(() -> {
            var messages = org.frischluft.ui.common.Messages.forLocale(locale);
            javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane();
            for (String name : List.of("profiles", "calendar", "import", "brokers")) {
                javafx.scene.control.Tab t = new javafx.scene.control.Tab(messages.has("admin.tab." + name)
                        ? messages.get("admin.tab." + name) : name, name.equals(tab.name()) ? tab.node() : new javafx.scene.layout.Pane());
                t.setClosable(false);
                tabs.getTabs().add(t);
                if (name.equals(tab.name())) tabs.getSelectionModel().select(t);
            }
            Scene scene = new Scene((Parent) tabs, size[0], size[1]);
            Theme.apply(scene);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            return stage;
        });
    }

    private Path snap(Stage stage, Path out, String name, int[] size) throws Exception {
        Path file = out.resolve("admin-" + name + "-" + size[0] + "x" + size[1] + ".png");
        fx(() -> {
            Snapshots.toPng(stage.getScene(), file);
            stage.hide();
            return null;
        });
        return file;
    }

    private static boolean mosquitto() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 1883), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void everyTabIsRenderedAtBothSizes() throws Exception {
        String target = System.getProperty("frischluft.screenshots");
        Path out = target == null || target.isBlank() ? dir.resolve("shots") : Path.of(target);
        List<Path> files = new ArrayList<>();
        Clock clock = Clock.fixed(NOW, BERLIN);
        var executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "query-shots");
            t.setDaemon(true);
            return t;
        });
        try (Store store = Store.open(StoreOptions.of("jdbc:h2:file:" + dir.resolve("history").toAbsolutePath()), clock)) {
            Screenshots.simulateSchool(store, 1);
            StoreDayHistory history = new StoreDayHistory(store.history(), executor, clock);
            for (int[] size : SIZES) {
                // profiles: a copy of UBA made stricter, the preview of R 203's day under it
                Path school = Files.createDirectories(dir.resolve("p" + size[0]));
                SchoolEditor editor = AdminFixtures.editor(school);
                AdminFixtures.Language de = new AdminFixtures.Language(Locale.GERMAN);
                ProfilesPane profiles = fx(() -> new ProfilesPane(editor, history, de));
                Stage stage = shown(profiles, Locale.GERMAN, size);
                fx(() -> {
                    profiles.viewModel();
                    ((javafx.scene.control.Button) profiles.lookup("#profile-copy")).fire();
                    ((TextField) profiles.lookup("#profile-id")).setText("streng");
                    ((TextField) profiles.lookup("#profile-name")).setText("Streng (Grundschule)");
                    ((TextField) profiles.lookup("#profile-yellow")).setText("900");
                    ((TextField) profiles.lookup("#profile-red")).setText("1400");
                    ((TextField) profiles.lookup("#profile-blue")).setText("600");
                    javafx.scene.control.ComboBox<?> room = (javafx.scene.control.ComboBox<?>) profiles.lookup("#preview-room");
                    selectRoom(room, RoomId.of("r-203"));
                    return null;
                });
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !profiles.viewModel().samples().isEmpty());
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(profiles.viewModel().previewSummary()).startsWith("Mit diesem Profil wäre der Raum");
                files.add(snap(stage, out, "profiles", size));

                // calendar: Easter holidays added, a lesson line mistyped
                CalendarPane calendar = fx(() -> new CalendarPane(editor, de));
                stage = shown(calendar, Locale.GERMAN, size);
                fx(() -> {
                    ((TextField) calendar.lookup("#holiday-name")).setText("Osterferien");
                    ((TextField) calendar.lookup("#holiday-from")).setText("29.03.2027");
                    ((TextField) calendar.lookup("#holiday-to")).setText("10.04.2027");
                    ((javafx.scene.control.Button) calendar.lookup("#holiday-add")).fire();
                    ((TextField) calendar.lookup("#holiday-name")).setText("Pfingstferien");
                    ((TextField) calendar.lookup("#holiday-from")).setText("14.05.2027");
                    ((TextField) calendar.lookup("#holiday-to")).setText("13.05.2027");
                    TextArea lessons = (TextArea) calendar.lookup("#calendar-lessons");
                    lessons.setText(lessons.getText().replace("3 09:55-10:40", "3 09:55-1040"));
                    return null;
                });
                files.add(snap(stage, out, "calendar", size));

                // import: a rooms.csv with three bad lines, checked
                Path rooms = Files.writeString(school.resolve("rooms.csv"), ImportViewModelTest.BAD);
                ImportPane imp = fx(() -> new ImportPane(editor, de));
                stage = shown(imp, Locale.GERMAN, size);
                fx(() -> {
                    ((TextField) imp.lookup("#import-rooms")).setText(rooms.toString());
                    ((javafx.scene.control.Button) imp.lookup("#import-check")).fire();
                    return null;
                });
                files.add(snap(stage, out, "import", size));

                // brokers: the local Mosquitto tested (10 s of messages), a second entry with a wrong URL
                Path settings = Files.writeString(school.resolve("frischluft.properties"), "school = school.json\n"
                        + "broker.schule.url = tcp://127.0.0.1:1883\nbroker.schule.topics = frischluft-demo/#, v3/+/devices/+/up\n"
                        + "broker.ttn.url = ssl://eu1.cloud.thethings.network:8883\nbroker.ttn.topics = v3/+/devices/+/up\n"
                        + "broker.ttn.username = gs-lindenpark@ttn\nbroker.ttn.password.env = TTN_API_KEY\n");
                ConnectionTest test = new ConnectionTest(Duration.ofSeconds(10), Duration.ofSeconds(5), Clock.systemUTC());
                BrokersPane brokers = fx(() -> new BrokersPane(editor, settings, de, test, executor));
                stage = shown(brokers, Locale.GERMAN, size);
                if (mosquitto()) {
                    fx(() -> {
                        brokers.runTest();
                        return null;
                    });
                    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                            () -> ((javafx.scene.control.Label) brokers.lookup("#broker-verdict")).getText().startsWith("Alle"));
                    WaitForAsyncUtils.waitForFxEvents();
                }
                files.add(snap(stage, out, "brokers", size));
            }
            // once in English: the profiles tab at the laptop size
            Path school = Files.createDirectories(dir.resolve("en"));
            SchoolEditor editor = AdminFixtures.editor(school);
            ProfilesPane profiles = fx(() -> new ProfilesPane(editor, history, new AdminFixtures.Language(Locale.ENGLISH)));
            Stage stage = shown(profiles, Locale.ENGLISH, SIZES[1]);
            fx(() -> {
                ((javafx.scene.control.Button) profiles.lookup("#profile-copy")).fire();
                ((TextField) profiles.lookup("#profile-yellow")).setText("gross");
                selectRoom((javafx.scene.control.ComboBox<?>) profiles.lookup("#preview-room"), RoomId.of("r-203"));
                return null;
            });
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !profiles.viewModel().samples().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            files.add(snap(stage, out, "profiles-en", SIZES[1]));
        } finally {
            executor.shutdownNow();
        }
        assertThat(files).hasSize(SIZES.length * 4 + 1);
        for (Path f : files) {
            BufferedImage image = ImageIO.read(f.toFile());
            String name = f.getFileName().toString();
            assertThat(image.getWidth() + "x" + image.getHeight()).as(name).isEqualTo(name.substring(name.lastIndexOf('-') + 1, name.length() - 4));
        }
    }

    @SuppressWarnings("unchecked")
    private static void selectRoom(javafx.scene.control.ComboBox<?> box, RoomId id) {
        var b = (javafx.scene.control.ComboBox<org.frischluft.rooms.Room>) box;
        b.getItems().stream().filter(r -> r.id().equals(id)).findFirst().ifPresent(b::setValue);
    }
}
