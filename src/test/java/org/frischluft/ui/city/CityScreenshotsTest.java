package org.frischluft.ui.city;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.frischluft.model.SiteId;
import org.frischluft.ui.common.Snapshots;
import org.frischluft.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders {@code docs/screenshots/city-<what>-<size>.png}: the city of 70 sites (3,010 rooms), the drill-down of
 * its red site, the problems across the city, at 1920×1080, 1366×768 and 1280×800. Into a temporary directory
 * (checked for size and content), or regenerated with
 * {@code mvn -o -q test -Dtest=CityScreenshotsTest -Dfrischluft.screenshots=docs/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class CityScreenshotsTest {
    static final int[][] SIZES = {{1920, 1080}, {1366, 768}, {1280, 800}};
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void everyCityScreenshotIsRenderedAtItsSize(@TempDir Path tmp) throws Exception {
        String target = System.getProperty("frischluft.screenshots");
        Path dir = target == null || target.isBlank() ? tmp : Path.of(target);
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int[] size : SIZES) {
            for (String what : List.of("overview", "site", "problems", "search", "starting")) {
                CityFixture city = new CityFixture(70, Locale.GERMAN);
                // the first seconds: the sites from the school file, before any reading (the app shows this while
                // its back end opens)
                if (what.equals("starting")) {
                    city.vm.apply(CityAggregator.beforeAnyReading(city.school));
                    city.status.markStarting();
                }
                WaitForAsyncUtils.asyncFx(() -> {
                    Scene scene = new Scene(new CityView(city.vm, null), size[0], size[1]);
                    Theme.apply(scene);
                    stage.setScene(scene);
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    stage.show();
                    switch (what) {
                        case "site" -> city.vm.openSite(SiteId.of("s05-schule"));
                        case "problems" -> city.vm.problemsOnlyProperty().set(true);
                        case "search" -> city.vm.searchProperty().set("R 110");
                        default -> { }
                    }
                }).get();
                WaitForAsyncUtils.waitForFxEvents(4);
                Path file = dir.resolve("city-" + what + "-" + size[0] + "x" + size[1] + ".png");
                WaitForAsyncUtils.asyncFx(() -> Snapshots.toPng(stage.getScene(), file)).get();
                files.add(file);
            }
        }
        for (Path f : files) {
            BufferedImage image = ImageIO.read(f.toFile());
            String name = f.getFileName().toString();
            assertThat(image.getWidth() + "x" + image.getHeight()).as(name).isEqualTo(name.substring(name.lastIndexOf('-') + 1, name.length() - 4));
        }
    }
}
