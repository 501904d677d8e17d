package org.frischluft.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.frischluft.admin.SchoolEdits;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.Profiles;
import org.frischluft.rooms.Room;
import org.frischluft.ui.common.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Screenshots of each admin tab at 1920×1080 and 1366×768 (and the PIN gate, the Places form with a problem, one tab
 * in English): into a temporary folder always (checked for size and content), into {@code docs/screenshots/} with
 * {@code mvn -o -q -B test -Dtest=AdminScreenshotsTest -Dfrischluft.screenshots=docs/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class AdminScreenshotsTest {
    static final int[][] SIZES = {{1920, 1080}, {1366, 768}};
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void everyAdminScreenIsRenderedAtItsSizeAndIsNotBlank(@TempDir Path work, @TempDir Path out) throws Exception {
        String target = System.getProperty("frischluft.screenshots");
        Path dir = target == null || target.isBlank() ? out : Path.of(target);
        List<Path> files = render(work, dir);
        assertThat(files).hasSize(SIZES.length * 6 + 1);
        for (Path f : files) {
            BufferedImage image = ImageIO.read(f.toFile());
            String name = f.getFileName().toString();
            assertThat(image.getWidth() + "x" + image.getHeight()).as(name).isEqualTo(name.substring(name.lastIndexOf('-') + 1, name.length() - 4));
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 3) for (int x = 0; x < image.getWidth(); x += 3) colours.add(image.getRGB(x, y));
            assertThat(colours.size()).as(name).isGreaterThan(30);
        }
    }

    private List<Path> render(Path work, Path dir) throws Exception {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        AdminFixture f = new AdminFixture(work, Locale.GERMAN, Platform::runLater);
        try {
            // a little history: two edits and a placement undone
            f.editor.save("Raum 101: Volumen und Profil", m -> SchoolEdits.updateRoom(m, RoomId.of("r-101"), r -> new Room(r.id(),
                    r.name(), 196, 30, Profiles.KOMFORT, r.display(), r.sensors())));
            f.editor.save("Physik: Anzeige nur im Unterricht", m -> SchoolEdits.updateRoom(m, RoomId.of("r-102"), r -> new Room(r.id(),
                    r.name(), 240, 28, r.profile(), DisplayPolicy.parse("schedule dim"), r.sensors())));
            f.editor.save("sensor placed", m -> SchoolEdits.place(m, org.frischluft.model.DeviceId.of("a81758fffe0312ab"),
                    RoomId.of("r-002"), null, f.clock.instant()));
            f.editor.undo();
            AdminView[] view = new AdminView[1];
            WaitForAsyncUtils.asyncFx(() -> {
                f.unplaced.apply(f.seenUnplaced());
                view[0] = new AdminView(new AdminViewModel(f.editor, f.texts, null, Platform::runLater), f.tabs(Platform::runLater));
                stage.setScene(new Scene(view[0], 1920, 1080));
                stage.show();
            }).get();
            TableView<?> versions = (TableView<?>) view[0].lookup("#history-versions");
            await().atMost(Duration.ofSeconds(20)).until(() -> versions.getItems().size() == 5);
            for (int[] size : SIZES) {
                for (String tab : List.of("places", "sensors", "unplaced", "history")) {
                    files.add(shot(view[0], tab, size, dir, "admin-" + tab, () -> {
                        if (tab.equals("places")) selectRoom(view[0], 1, 0, null);
                        if (tab.equals("unplaced")) ((TableView<?>) view[0].lookup("#admin-unplaced-table")).getSelectionModel().select(0);
                        if (tab.equals("history")) versions.getSelectionModel().select(1);
                    }));
                }
                files.add(shot(view[0], "places", size, dir, "admin-places-invalid", () -> selectRoom(view[0], 0, 1, "viel")));
                files.add(shot(view[0], "history", size, dir, "admin-history-en", () -> f.texts.switchTo(Locale.ENGLISH)));
                WaitForAsyncUtils.asyncFx(() -> f.texts.switchTo(Locale.GERMAN)).get();
            }
            AdminFixture g = f;
            WaitForAsyncUtils.asyncFx(() -> {
                AdminView gate = new AdminView(new AdminViewModel(g.editor, g.texts, "pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA$"
                        + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", Platform::runLater), List.of());
                stage.setScene(new Scene(gate, 1366, 768));
            }).get();
            WaitForAsyncUtils.waitForFxEvents();
            Path gateFile = dir.resolve("admin-gate-1366x768.png");
            WaitForAsyncUtils.asyncFx(() -> Snapshots.toPng(stage.getScene(), gateFile)).get();
            files.add(gateFile);
        } finally {
            f.close();
        }
        return files;
    }

    private static void selectRoom(AdminView view, int floor, int room, String volume) {
        @SuppressWarnings("unchecked")
        TreeView<PlacesPane.Place> tree = (TreeView<PlacesPane.Place>) view.lookup("#places-tree");
        TreeItem<PlacesPane.Place> item = tree.getRoot().getChildren().get(0).getChildren().get(0).getChildren().get(floor)
                .getChildren().get(room);
        tree.getSelectionModel().select(item);
        if (volume != null) ((TextField) view.lookup("#places-volume")).setText(volume);
    }

    private Path shot(AdminView view, String tab, int[] size, Path dir, String name, Runnable prepare) throws Exception {
        Path file = dir.resolve(name + "-" + size[0] + "x" + size[1] + ".png");
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
            view.getScene().getWindow().sizeToScene();
            TabPane tabs = (TabPane) view.lookup("#admin-tabs");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getId().equals("admin-tab-" + tab)).findFirst().orElseThrow());
            prepare.run();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            view.getScene().getRoot().resize(size[0], size[1]);
            view.getScene().getRoot().applyCss();
            view.getScene().getRoot().layout();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> Snapshots.toPng(view, file)).get();
        return file;
    }
}
