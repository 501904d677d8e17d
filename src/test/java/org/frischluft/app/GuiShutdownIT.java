package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A window stopped with SIGTERM (systemd, the kiosk PC shutting down) never gets {@code Application.stop()};
 * the shutdown hook still flushes the history and closes the store.
 */
class GuiShutdownIT {
    @TempDir
    Path dir;

    @Test
    void sigtermToTheDemoWindowClosesTheStore() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = dir.resolve("gui.log");
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.log.org.frischluft.store=debug",
                Main.class.getName(), "overview", "--size", "800x600",
                "--db", "jdbc:h2:file:" + dir.resolve("demo").toAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            // JavaFX warns about its class-path configuration as the toolkit starts: the window is on its way
            await().atMost(Duration.ofSeconds(60)).until(() -> output(log).contains("connected, subscribed")
                    && output(log).contains("JavaFX"));
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(output(log)).as("output of the window process").contains("store-writer stopped");
    }

    /**
     * The city view (issue 15) opens its back end beside the window: the real launcher with a demo city of seven
     * sites shows the sites, then the first readings on them (its own log line), and SIGTERM still flushes and
     * closes the store the back end opened on its own thread.
     */
    @Test
    void theCityViewShowsItsFirstReadingsFromABackEndOpenedBesideTheWindowAndClosesItOnSigterm() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = dir.resolve("city.log");
        // Monocle's headless screen is 1280x800 unless told: a wider window overflows its frame buffer
        Process p = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dheadless.geometry=1920x1080-32",
                "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.log.org.frischluft.store=debug",
                Main.class.getName(), "demo", "--city", "7", "--size", "1366x768",
                "--db", "jdbc:h2:file:" + dir.resolve("city").toAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> output(log).contains("city view: first reading on screen after"));
            assertThat(output(log)).contains("showing the city view").doesNotContain("Exception");
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(output(log)).as("output of the window process").contains("store-writer stopped");
    }

    private static String output(Path log) throws Exception {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    }
}
