package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code frischluft config validate FILE}: one line per problem, exit 2 if any; else ok and the counts. */
class ConfigCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out) {
    }

    private static Run validate(String... args) {
        StringWriter out = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "config";
        all[1] = "validate";
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter())).execute(all);
        return new Run(exit, out.toString());
    }

    @Test
    void theDemoSchoolIsValidAndCounted() {
        Run r = validate("kiosk-config/demo-school.json", "--language", "en");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("ok: 1 sites, 27 rooms, 27 sensors, 1 kiosks" + System.lineSeparator());
    }

    @Test
    void aBrokenFileGetsOneLinePerProblemFileThenPathThenWhatToDoAndExitTwo() throws Exception {
        Path f = dir.resolve("school.json");
        Files.writeString(f, """
                {"sites": [{"id": "gs-a", "calendar": {"state": "SH"}, "buildings": [{"id": "main", "floors": [{"name": "EG", "rooms": [
                  {"id": "r-1", "display": "blinking"},
                  {"id": "r-2", "sensors": [{"device": "a81758fffe0312ab", "model": "elsys-ers-co3"}]},
                  {"id": "r-3", "profiel": "komfort"}]}]}]}]}
                """);
        Run r = validate(f.toString(), "--language", "en");
        assertThat(r.exit()).isEqualTo(2);
        String room = f + ": sites[0].buildings[0].floors[0].rooms";
        assertThat(r.out().lines()).containsExactly(
                room + "[0].display: \"blinking\" is no display policy. Use always, quiet, schedule, \"schedule dim\" or \"schedule 07:30-16:00 dim\".",
                room + "[1].sensors[0].model: \"elsys-ers-co3\" is not a sensor model Frischluft knows. Use one of: "
                        + "elsys-ers-co2, milesight-am103, milesight-am307, milesight-am319, milesight-em500-co2, decentlab-dl-lp8p, "
                        + "decentlab-dl-iam, talkpool-oy1210, mclimate-co2-sensor, dragino-laq4, browan-tbhv110, netvox-r72615a, "
                        + "adeunis-comfort-co2. Or leave \"model\" out if the network server decodes the payload.",
                room + "[2].profiel: \"profiel\" is not a setting here. Did you mean \"profile\"?");
        Run de = validate(f.toString(), "--language", "de");
        assertThat(de.out()).contains("\"blinking\" ist keine Anzeigeregel");
    }

    @Test
    void aFileThatIsNullIsOneLineNotAStackTrace() throws Exception {
        Path f = dir.resolve("school.json");
        Files.writeString(f, "null");
        Run r = validate(f.toString(), "--language", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out().lines()).containsExactly(f + ": the file must hold one JSON object { ... }, not null.");
    }

    @Test
    void warningsArePrintedButTheFileIsOk() throws Exception {
        Path f = dir.resolve("school.json");
        Files.writeString(f, """
                {"sites": [{"id": "gs-a", "buildings": [{"id": "main", "floors": [{"name": "EG", "rooms": [{"id": "r-1"}]}]}]}]}""");
        Run r = validate(f.toString(), "--language", "en");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).containsExactly(
                f + ": sites[0].calendar: warning: no calendar: the German default bell schedule (8 lessons from 08:00, Monday to Friday) is used and no holidays are known.",
                "ok: 1 sites, 1 rooms, 0 sensors, 0 kiosks");
    }

    @Test
    void aSettingsFileIsCheckedWithTheSchoolFileItNames() throws Exception {
        Files.copy(Path.of("kiosk-config/demo-school.json"), dir.resolve("demo-school.json"));
        Path f = dir.resolve("kiosk.properties");
        Files.writeString(f, "school = demo-school.json\nretention.days = ten\nlanguage = de\n");
        Run bad = validate(f.toString(), "--language", "en");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.out().lines()).containsExactly(f + ": retention.days: \"ten\" is not a number");
        Files.writeString(f, "school = demo-school.json\nretention.days = 10\nlanguage = de\n");
        Run ok = validate(f.toString(), "--language", "en");
        assertThat(ok.exit()).isZero();
        assertThat(ok.out().lines()).containsExactly("ok: settings with 0 brokers", "ok: 1 sites, 27 rooms, 27 sensors, 1 kiosks");
    }
}
