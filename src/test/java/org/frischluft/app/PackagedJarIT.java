package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded {@code target/frischluft.jar} as users run it (failsafe runs after {@code package}): it carries our
 * replacement of Paho's {@code CountingInputStream}, not Paho's (a shade filter, not the order of the jars),
 * the resources the school file needs (message bundles, jollyday's holiday rules), and it runs.
 */
class PackagedJarIT {
    private static Path jar;

    @BeforeAll
    static void findJar() {
        jar = Path.of(System.getProperty("frischluft.jar", "target/frischluft.jar"));
        assertThat(jar).as("run with 'mvn verify': failsafe tests the packaged jar").exists();
    }

    private static final String PAHO_CLASS = "org/eclipse/paho/client/mqttv3/internal/wire/CountingInputStream.class";

    @Test
    void theJarCarriesOurCountingInputStreamNotPahos() throws Exception {
        byte[] ours = Files.readAllBytes(Path.of("target/classes").resolve(PAHO_CLASS));
        try (JarFile j = new JarFile(jar.toFile())) {
            ZipEntry e = j.getEntry(PAHO_CLASS);
            assertThat(e).isNotNull();
            try (InputStream in = j.getInputStream(e)) {
                assertThat(in.readAllBytes()).as("the class in the jar is the one compiled from src/main/java").isEqualTo(ours);
            }
            assertThat(j.stream().filter(x -> x.getName().equals(PAHO_CLASS)).count()).isEqualTo(1);
        }
    }

    @Test
    void theJarCarriesTheBundlesAndTheHolidayRules() throws Exception {
        try (JarFile j = new JarFile(jar.toFile())) {
            for (String r : List.of("org/frischluft/rooms/problems.properties", "org/frischluft/rooms/problems_de.properties",
                    "org/frischluft/ui/messages_de.properties", "holidays/Holidays_de.xml", "db/migration/V1__history.sql")) {
                assertThat(j.getEntry(r)).as(r).isNotNull();
            }
        }
    }

    @Test
    void theJarRunsAndValidatesTheDemoSchool() throws Exception {
        assertThat(run("--version")).startsWith("frischluft ");
        assertThat(run("config", "validate", "kiosk-config/demo-school.json", "--language", "en"))
                .isEqualTo("ok: 1 sites, 27 rooms, 27 sensors, 1 kiosks\n");
    }

    @Test
    void withoutAScreenTheWindowSaysWhatToDoInsteadOfAStackTrace(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", jar.toString(), "demo", "--kiosk", "r-101", "--size", "800x600",
                "--db", "jdbc:h2:file:" + dir.resolve("history").toAbsolutePath()).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(1);
        assertThat(out).contains("frischluft: cannot open a window here").contains("frischluft record")
                .doesNotContain("\tat com.sun.glass");
    }

    private static String run(String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
