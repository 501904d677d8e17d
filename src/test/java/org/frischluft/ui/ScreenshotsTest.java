package org.frischluft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {
    @Start
    void start(Stage stage) {
        // the renderer needs only the toolkit, no window
    }

    @Test
    void everyScreenshotIsRenderedAtItsSizeAndIsNotBlank(FxRobot robot, @TempDir Path dir) throws Exception {
        List<Path> files = WaitForAsyncUtils.asyncFx(() -> Screenshots.renderAll(dir)).get(2, TimeUnit.MINUTES);
        List<Path> written;
        try (var stream = java.nio.file.Files.list(dir)) {
            written = stream.sorted().toList();
        }
        assertThat(written).containsExactlyInAnyOrderElementsOf(files);
        int expected = Screenshots.KIOSK_SIZES.length * (Screenshots.KIOSK_STATES.size() + 1) + Screenshots.OVERVIEW_SIZES.length * 7 + Screenshots.OVERVIEW_EXTRA_SIZES.length + 6
                + Screenshots.ROOM_DETAIL_SIZES.length + 2;
        assertThat(written).hasSize(expected);
        for (Path file : written) {
            BufferedImage image = ImageIO.read(file.toFile());
            String name = file.getFileName().toString();
            String size = name.substring(name.lastIndexOf('-') + 1, name.length() - 4);
            assertThat(image.getWidth() + "x" + image.getHeight()).as(name).isEqualTo(size);
            assertThat(distinctColours(image)).as("distinct colours in " + name).isGreaterThan(200);
        }
    }

    /**
     * Regenerates {@code docs/screenshots/} when asked:
     * {@code mvn -o -q test -Dtest=ScreenshotsTest -Dfrischluft.screenshots=docs/screenshots}.
     */
    @Test
    void rendersIntoTheRequestedDirectoryWhenAsked() throws Exception {
        String target = System.getProperty("frischluft.screenshots");
        org.junit.jupiter.api.Assumptions.assumeTrue(target != null && !target.isBlank(), "-Dfrischluft.screenshots not set");
        List<Path> files = WaitForAsyncUtils.asyncFx(() -> Screenshots.renderAll(Path.of(target))).get(2, TimeUnit.MINUTES);
        assertThat(files).allSatisfy(f -> assertThat(f).exists());
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
