package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code frischluft alerts --replay CSV [--school FILE]}: the contract of the issue, to the letter. */
class AlertsCommandTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    private record Run(int exit, List<String> out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString().lines().toList(), err.toString());
    }

    private static Instant at(int hour, int minute) {
        return LocalDateTime.of(2026, 11, 2, hour, minute).atZone(BERLIN).toInstant();
    }

    /** An export of R 101: 35 minutes above 2000 ppm from 8:00 in lesson 1, then 1500 ppm; battery 15 % at 9:00. */
    private Path export() throws Exception {
        List<String> lines = new ArrayList<>(List.of("time,device,room,co2_ppm,temperature_c,humidity_pct,battery_pct"));
        for (int m = 0; m < 45; m++) {
            lines.add(at(8, 0).plusSeconds(60L * m) + ",a81758fffe0312ab,r-101," + (m < 35 ? 2150 : 1500) + ",22.5,40,");
        }
        lines.add(at(9, 0) + ",a81758fffe0312ab,r-101,900,22.0,40,15");
        lines.add("not a line");
        Path csv = dir.resolve("export.csv");
        Files.write(csv, lines);
        return csv;
    }

    @Test
    void printsTimeRoomRuleEventForWhatWouldHaveFired() throws Exception {
        Run r = run("alerts", "--replay", export().toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsExactly(
                "time,room,rule,event",
                at(8, 10) + ",r-101,red-in-lesson,opened",
                at(8, 30) + ",r-101,co2-high,opened",
                at(8, 35) + ",r-101,co2-high,resolved",
                at(8, 37) + ",r-101,red-in-lesson,resolved",
                at(9, 0) + ",r-101,battery-low,opened");
        assertThat(r.err()).contains("1 bad line(s) skipped").contains("line 48");
    }

    @Test
    void aSchoolFileGivesTheCalendarAndAlertsJsonBesideItTheThresholds() throws Exception {
        Path school = dir.resolve("school.json");
        Files.writeString(school, """
                {"sites": [{"id": "gs-test", "name": "Testschule", "calendar": {"state": "SH"},
                  "buildings": [{"id": "main", "floors": [{"name": "EG", "rooms": [{"id": "r-101", "name": "R 101",
                  "sensors": [{"device": "a81758fffe0312ab", "model": "elsys-ers-co2"}]}]}]}]}]}
                """);
        Files.writeString(dir.resolve("alerts.json"), "{\"sites\": {\"gs-test\": {\"co2HighMinutes\": 20, \"off\": [\"red-in-lesson\"]}}}");
        Run r = run("alerts", "--replay", export().toString(), "--school", school.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("time,room,rule,event", at(8, 20) + ",r-101,co2-high,opened");
        assertThat(r.out()).noneMatch(l -> l.contains("red-in-lesson"));
    }

    @Test
    void aBrokenAlertSettingsFileIsExplainedWithExit2() throws Exception {
        Path bad = dir.resolve("bad-alerts.json");
        Files.writeString(bad, "{\"defaults\": {\"co2HighMinutes\": -5}}");
        Run r = run("alerts", "--replay", export().toString(), "--alerts", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("co2HighMinutes").doesNotContain("Exception");
    }

    @Test
    void configValidateChecksAlertsJsonAgainstTheSchoolFileBesideIt() throws Exception {
        Files.writeString(dir.resolve("school.json"), """
                {"sites": [{"id": "gs-test", "calendar": {"state": "SH"},
                  "buildings": [{"id": "main", "floors": [{"name": "EG", "rooms": [{"id": "r-101", "name": "R 101"}]}]}]}]}
                """);
        Path alerts = dir.resolve("alerts.json");
        Files.writeString(alerts, "{\"sites\": {\"gs-tset\": {}}, \"webhooks\": [{\"url\": \"https://example.org/h\"}]}");
        Run bad = run("config", "validate", "--language", "en", alerts.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.out()).containsExactly(alerts + ": sites.gs-tset: \"gs-tset\" is not a site of the school file. Use one of: gs-test.");
        Files.writeString(alerts, "{\"sites\": {\"gs-test\": {\"co2HighMinutes\": 20}}, \"webhooks\": [{\"url\": \"https://example.org/h\"}]}");
        Run ok = run("config", "validate", alerts.toString());
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).containsExactly("ok: alert settings for 1 sites, 0 recipients, 1 webhooks, MQTT");
    }
}
