package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config import} and {@code config export}: bad lines change nothing (exit 2), a good import passes validate. */
class ConfigImportExportCommandTest {
    @TempDir
    Path dir;
    Path school;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeEach
    void copyDemo() throws Exception {
        school = dir.resolve("school.json");
        Files.copy(Path.of("kiosk-config/demo-school.json"), school);
    }

    @Test
    void aFileWithBadLinesChangesNothingListsEveryLineAndExitsTwo() throws Exception {
        byte[] before = Files.readAllBytes(school);
        Path rooms = dir.resolve("rooms.csv");
        Files.writeString(rooms, "Gebäude;Etage;Raum;Volumen (m³);Plätze\n"
                + "Hauptgebäude;EG;Neu 1;100;20\n".repeat(15) // lines 2-16: the first is fine, the others repeat its id
                + "Hauptgebäude;EG;Neu 17;gross;20\n");
        Run r = run("config", "import", "--school", school.toString(), "--rooms", rooms.toString(), "--language", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out().lines().filter(l -> l.contains("listed twice"))).hasSize(14);
        assertThat(r.out()).contains(rooms + ":17: volume \"gross\" is not a number");
        assertThat(r.out().lines().reduce((a, b) -> b).orElseThrow()).isEqualTo("nothing changed: 15 errors");
        assertThat(Files.readAllBytes(school)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("school.json", "rooms.csv");
        }
    }

    @Test
    void aGoodImportIsWrittenAndPassesValidate() throws Exception {
        Path rooms = dir.resolve("rooms.csv");
        Path sensors = dir.resolve("sensors.csv");
        Files.writeString(rooms, "\uFEFFbuilding,floor,name,volume,seats\nNeubau,EG,N 001,\"180,5\",28\n");
        Files.writeString(sensors, "DevEUI;Raum;Modell\nA81758FFFE0399AA;N 001;elsys-ers-co2\n");
        Run r = run("config", "import", "--school", school.toString(), "--rooms", rooms.toString(), "--sensors", sensors.toString(),
                "--language", "en");
        assertThat(r.out()).isEqualTo("ok: 1 rooms added, 0 changed, 0 unchanged; 1 sensors placed, 0 changed, 0 unchanged; "
                + school + System.lineSeparator());
        assertThat(r.exit()).isZero();
        Run v = run("config", "validate", school.toString(), "--language", "en");
        assertThat(v.out()).isEqualTo("ok: 1 sites, 28 rooms, 28 sensors, 1 kiosks" + System.lineSeparator());
        Run again = run("config", "import", "--school", school.toString(), "--rooms", rooms.toString(), "--sensors", sensors.toString(),
                "--language", "en");
        assertThat(again.out()).startsWith("unchanged: 0 rooms added, 0 changed, 1 unchanged; 0 sensors placed, 0 changed, 1 unchanged");
    }

    @Test
    void exportToFilesAndStdoutThenImportChangesNothing() throws Exception {
        byte[] before = Files.readAllBytes(school);
        Path rooms = dir.resolve("rooms.csv");
        Path sensors = dir.resolve("sensors.csv");
        Run e = run("config", "export", "--school", school.toString(), "--rooms", rooms.toString(), "--sensors", sensors.toString(),
                "--language", "de");
        assertThat(e.exit()).isZero();
        String roomsCsv = Files.readString(rooms, StandardCharsets.UTF_8);
        assertThat(roomsCsv).startsWith("\uFEFFStandort;Gebäude;Etage;Etagen-Nr.;Raum-ID;Raum;Volumen (m³);Plätze;Profil;Anzeige\r\n"
                + "gs-lindenpark;Hauptgebäude;EG;0;r-001;R 001 — 5a;182;27;;\r\n");
        assertThat(Files.readString(sensors)).startsWith("\uFEFFGerät;Raum;Modell;seit;Broker\r\n");
        Run stdout = run("config", "export", "--school", school.toString(), "--language", "de");
        assertThat(stdout.out()).isEqualTo(roomsCsv.substring(1));
        Run sensorsOut = run("config", "export", "--school", school.toString(), "--sensors", "--language", "en");
        assertThat(sensorsOut.out()).startsWith("device;room;model;since;broker\r\n");
        Run both = run("config", "export", "--school", school.toString(), "--rooms", "--sensors");
        assertThat(both.exit()).isEqualTo(2);

        Run i = run("config", "import", "--school", school.toString(), "--rooms", rooms.toString(), "--sensors", sensors.toString(),
                "--language", "en");
        assertThat(i.exit()).isZero();
        assertThat(i.out()).startsWith("unchanged: 0 rooms added, 0 changed, 27 unchanged; 0 sensors placed, 0 changed, 27 unchanged");
        assertThat(Files.readAllBytes(school)).isEqualTo(before);
    }

    @Test
    void aBrokenSchoolFileIsSaidAndNotTouched() throws Exception {
        Files.writeString(school, "{\"sites\": [");
        Path rooms = dir.resolve("rooms.csv");
        Files.writeString(rooms, "Gebäude;Etage;Raum\nA;EG;X\n");
        Run r = run("config", "import", "--school", school.toString(), "--rooms", rooms.toString(), "--language", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).startsWith(school.toString() + ": ");
        assertThat(Files.readString(school)).isEqualTo("{\"sites\": [");
    }
}
