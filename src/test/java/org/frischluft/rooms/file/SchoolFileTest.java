package org.frischluft.rooms.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.frischluft.model.RoomId;
import org.frischluft.model.SensorModel;
import org.frischluft.rooms.Brightness;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.Problem;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.Profiles;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Site;
import org.frischluft.rooms.SourceMapping;
import org.frischluft.sim.DemoSchool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchoolFileTest {
    @TempDir
    Path dir;

    private SchoolFile.Result parse(String json) {
        return SchoolFile.parse(json.getBytes(StandardCharsets.UTF_8), dir);
    }

    private static List<String> errors(SchoolFile.Result r) {
        return r.errors().stream().map(p -> p.path() + " " + p.code()).toList();
    }

    /** One site with one building, its rooms as given (JSON objects). */
    private static String school(String rooms) {
        return """
                {"sites": [{"id": "gs-test", "name": "Testschule",
                  "calendar": {"zone": "Europe/Berlin", "state": "SH"},
                  "buildings": [{"id": "main", "floors": [{"name": "EG", "rooms": [%s]}]}]}]}
                """.formatted(rooms);
    }

    @Test
    void everyProblemOfABrokenFileIsReportedAtOnceEachWithItsPath() {
        SchoolFile.Result r = parse("""
                {"operator": {"id": "hl", "name": "Hansestadt"},
                 "profile": "ubaa",
                 "profiles": [{"id": "streng", "yellowFrom": 900, "redFrom": 800}],
                 "sites": [{"id": "GS Test", "name": "Testschule",
                   "calendar": {"zone": "Europe/Berlim", "state": "XX",
                     "lessons": [{"name": "1", "start": "08:00", "end": "08:45"}, {"name": "2", "start": "08:30", "end": "9:15"}],
                     "holidays": [{"name": "Herbst", "from": "2026-10-24", "to": "2026-10-12"}]},
                   "buildings": [{"id": "main", "floors": [{"name": "EG", "rooms": [
                     {"id": "r-1", "name": "R 1", "volumen": 180},
                     {"id": "r-2", "volumeM3": "gross", "display": "blinking",
                      "sensors": [{"device": "a81758fffe0312ab", "model": "elsys-ers-co3"}]},
                     {"id": "r-1", "seats": -3},
                     {"id": "r-4", "profile": "komfort+blue",
                      "sensors": [{"device": "a81758fffe0312ab", "since": "gestern"}, {"device": ""}]}]}]}],
                   "kiosks": [{"id": "k-1", "room": "r-99", "language": "fr"}]}]}
                """);
        assertThat(r.ok()).isFalse();
        String room = "sites[0].buildings[0].floors[0].rooms";
        assertThat(errors(r)).containsExactlyInAnyOrder(
                "profile profile.unknown",
                "profiles[0].redFrom profile.order",
                "sites[0].id site-id.invalid",
                "sites[0].calendar.zone zone.invalid",
                "sites[0].calendar.state state.invalid",
                "sites[0].calendar.lessons[1] lesson.overlap",
                "sites[0].calendar.holidays[0] holiday.order",
                room + "[0].volumen key.unknown-near",
                room + "[1].volumeM3 value.not-number",
                room + "[1].display display.invalid",
                room + "[1].sensors[0].model model.unknown",
                room + "[2].id id.twice-at",
                room + "[2].seats number.range",
                room + "[3].sensors[0].since since.invalid",
                room + "[3].sensors[1].device value.blank",
                "sites[0].kiosks[0].room kiosk.room-unknown",
                "sites[0].kiosks[0].language language.invalid");
    }

    @Test
    void messagesSayWhatIsWrongAndWhatToDoInGermanAndEnglish() {
        SchoolFile.Result r = parse(school("""
                {"id": "r-1", "volumen": 180, "display": "blinking",
                 "sensors": [{"device": "a81758fffe0312ab", "model": "elsys-ers-co3"}]}"""));
        Problem near = r.errors().stream().filter(p -> p.code().equals("key.unknown-near")).findFirst().orElseThrow();
        assertThat(near.message(Locale.ENGLISH)).isEqualTo("\"volumen\" is not a setting here. Did you mean \"volumeM3\"?");
        assertThat(near.message(Locale.GERMAN)).isEqualTo("\"volumen\" ist hier keine Einstellung. Meinten Sie \"volumeM3\"?");
        Problem model = r.errors().stream().filter(p -> p.code().equals("model.unknown")).findFirst().orElseThrow();
        assertThat(model.describe(Locale.ENGLISH))
                .startsWith("sites[0].buildings[0].floors[0].rooms[0].sensors[0].model: \"elsys-ers-co3\" is not a sensor model")
                .contains("elsys-ers-co2, milesight-am103").contains("leave \"model\" out");
        Problem display = r.errors().stream().filter(p -> p.code().equals("display.invalid")).findFirst().orElseThrow();
        assertThat(display.message(Locale.GERMAN)).contains("\"blinking\" ist keine Anzeigeregel").contains("schedule dim");
        assertThat(r.problems()).allSatisfy(p -> {
            assertThat(p.message(Locale.ENGLISH)).doesNotContain("Exception").doesNotContain("{0}");
            assertThat(p.message(Locale.GERMAN)).doesNotContain("Exception").doesNotContain("{0}");
        });
    }

    @Test
    void aFileThatIsNullEmptyOrNoJsonIsOneClearProblemNotACrash() {
        assertThat(errors(parse("null"))).containsExactly(" file.not-object");
        assertThat(errors(parse("   "))).containsExactly(" file.empty");
        assertThat(errors(parse("[1, 2]"))).containsExactly(" file.not-object");
        SchoolFile.Result syntax = parse("{\"sites\": [\n  {\"id\": \"a\",,}\n]}");
        assertThat(errors(syntax)).containsExactly(" json.syntax");
        assertThat(syntax.errors().get(0).message(Locale.ENGLISH)).contains("line 2, column").doesNotContain("Source");
        assertThat(parse("{\"sites\": [").errors().get(0).message(Locale.ENGLISH))
                .isEqualTo("this is not valid JSON at line 1, column 12: Unexpected end-of-input: expected close marker for Array. "
                        + "Look for a missing comma, quote or bracket just before that place.");
        assertThat(errors(parse("{\"sites\": [], \"sites\": []}"))).as("a key given twice").containsExactly(" json.syntax");
        assertThat(errors(SchoolFile.check(dir.resolve("missing.json")))).containsExactly(" file.missing");
    }

    @Test
    void typesAreResolvedWhenTheFileIsRead() {
        SchoolFile.Result r = parse("""
                {"profile": "komfort",
                 "profiles": [{"id": "streng", "name": "Streng (Grundschule)", "yellowFrom": 900, "redFrom": 1500,
                               "blueBelow": 600, "holdUpMinutes": 1, "holdDownMinutes": 4}],
                 "sites": [{"id": "gs-a", "profile": "streng", "display": "schedule dim",
                   "calendar": {"state": "sh"},
                   "buildings": [{"id": "main", "floors": [{"name": "EG", "rooms": [
                     {"id": "r-1", "sensors": [{"device": "A81758FFFE0312AB", "model": "Elsys_ERS_CO2", "since": "2026-09-01"}]},
                     {"id": "r-2", "profile": "uba+blue550", "display": "quiet"}]}]}],
                   "kiosks": [{"id": "k-r1", "room": "r-1", "language": "de"}, {"id": "k-spare"}]}]}
                """);
        assertThat(r.errors()).isEmpty();
        SchoolModel m = r.model();
        Profile streng = m.profileOf(RoomId.of("r-1"));
        assertThat(streng.id()).isEqualTo("streng");
        assertThat(streng.name()).isEqualTo("Streng (Grundschule)");
        assertThat(streng.blueBelow()).isEqualTo(600.0);
        assertThat(streng.holdUp()).isEqualTo(Duration.ofMinutes(1));
        assertThat(streng.holdDown()).isEqualTo(Duration.ofMinutes(4));
        assertThat(m.profileOf(RoomId.of("r-2"))).isEqualTo(Profiles.UBA.withBlue(550));
        assertThat(m.defaultProfile()).isEqualTo(Profiles.KOMFORT);
        assertThat(m.displayOf(RoomId.of("r-1"))).isEqualTo(DisplayPolicy.schedule(Brightness.DIM));
        assertThat(m.displayOf(RoomId.of("r-2"))).isEqualTo(DisplayPolicy.quiet());
        assertThat(m.sensorModels()).containsEntry(DeviceId.of("a81758fffe0312ab"), SensorModel.ELSYS_ERS_CO2);
        assertThat(m.placements().get(0).since()).as("a date is midnight in the site's zone")
                .isEqualTo(Instant.parse("2026-08-31T22:00:00Z"));
        assertThat(m.kiosk("k-r1").orElseThrow().language()).isEqualTo(Locale.GERMAN);
        assertThat(m.kiosk("k-spare").orElseThrow().paired()).isFalse();
        assertThat(m.sites().get(0).calendar().state()).isEqualTo("SH");
    }

    @Test
    void aSensorMovedToAnotherRoomNeedsTheDateOfTheMove() {
        String moved = school("""
                {"id": "r-1", "sensors": [{"device": "a81758fffe0312ab"}]},
                {"id": "r-2", "sensors": [{"device": "a81758fffe0312ab", "since": "2026-11-02"}]}""");
        SchoolModel m = parse(moved).model();
        assertThat(m.roomOf(DeviceId.of("a81758fffe0312ab"))).contains(RoomId.of("r-2"));
        assertThat(m.placements()).hasSize(2);
        String twice = school("""
                {"id": "r-1", "sensors": [{"device": "a81758fffe0312ab"}]},
                {"id": "r-2", "sensors": [{"device": "a81758fffe0312ab"}]}""");
        SchoolFile.Result r = parse(twice);
        assertThat(errors(r)).containsExactly("sites[0].buildings[0].floors[0].rooms[1].sensors[0] sensor.twice");
        assertThat(r.errors().get(0).message(Locale.ENGLISH))
                .contains("already placed at sites[0].buildings[0].floors[0].rooms[0].sensors[0]").contains("since");
    }

    @Test
    void theFlatFileOfVersionZeroOneStillReadsAsOneSiteWithOneBuilding() throws Exception {
        String flat = """
                {"id": "gs-lindenpark", "name": "Gesamtschule am Lindenpark", "profile": "uba",
                 "rooms": [
                   {"id": "r-101", "name": "R 101", "floor": "1. OG", "floorOrder": 1, "volumeM3": 198.0, "seats": 28,
                    "profile": null, "display": null},
                   {"id": "r-001", "name": "R 001", "floor": "EG", "floorOrder": 0, "volumeM3": 182.0, "seats": 27,
                    "profile": "komfort", "display": "quiet"}],
                 "sensors": [
                   {"device": "a81758fffe05a3c1", "room": "r-101", "model": "elsys-ers-co2", "since": null},
                   {"device": "24e124126b41a2c7", "room": "r-001", "model": "milesight-am319", "since": "2026-08-01T00:00:00Z"}]}
                """;
        SchoolFile.Result r = parse(flat);
        assertThat(r.errors()).isEmpty();
        Site site = r.model().sites().get(0);
        assertThat(site.id().value()).isEqualTo("gs-lindenpark");
        assertThat(site.buildings()).hasSize(1);
        assertThat(site.buildings().get(0).floors()).extracting(f -> f.name()).containsExactly("EG", "1. OG");
        assertThat(r.model().roomOf(DeviceId.of("a81758fffe05a3c1"))).contains(RoomId.of("r-101"));
        assertThat(r.model().profileOf(RoomId.of("r-001"))).isEqualTo(Profiles.KOMFORT);
        assertThat(r.warnings()).extracting(Problem::code).containsExactly("calendar.missing");

        SchoolFile.Result broken = parse("""
                {"id": "Alte Schule", "rooms": [{"id": "r-1", "floorOrder": "eins"}],
                 "sensors": [{"device": "a81758fffe05a3c1", "room": "r-9", "model": "nope"}]}""");
        assertThat(errors(broken)).containsExactlyInAnyOrder("rooms[0].floorOrder value.not-number",
                "sensors[0].room sensor.room-unknown", "sensors[0].model model.unknown");
    }

    @Test
    void whatIsWrittenReadsBackToTheSameModel() throws Exception {
        SchoolModel demo = DemoSchool.model();
        SourceMapping mapping = new SourceMapping("hausmeister", "haus/+/luft", "topic:1", "/ts",
                Map.of(Metric.CO2, SourceMapping.Field.of("/co2"), Metric.TEMPERATURE, new SourceMapping.Field("/t", 0.1, 0)));
        Profile own = new Profile("streng", "Streng", 900, 1500, 600.0, 0.05, Duration.ofMinutes(1), Duration.ofMinutes(3), 0.25);
        SchoolModel rich = new SchoolModel(new org.frischluft.rooms.Operator("hl", "Hansestadt Lübeck"), Profiles.KOMFORT,
                List.of(own), List.of(mapping), demo.sites());
        Path file = dir.resolve("school.json");
        SchoolFile.write(rich, file);
        SchoolFile.Result back = SchoolFile.check(file);
        assertThat(back.problems()).isEmpty();
        assertThat(back.model()).isEqualTo(rich);
        assertThat(Files.list(dir)).as("no temporary file left").containsExactly(file);
    }

    @Test
    void schoolHolidaysComeFromTheMinistrysIcalendarFileBesideTheSchoolFile() throws Exception {
        Files.writeString(dir.resolve("ferien-sh.ics"), """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Ministerium//Ferien SH//DE\r
                BEGIN:VEVENT\r
                UID:herbst-2026@example\r
                DTSTAMP:20260101T000000Z\r
                DTSTART;VALUE=DATE:20261012\r
                DTEND;VALUE=DATE:20261025\r
                SUMMARY:Herbstferien Schleswig-Holstein 2026\r
                END:VEVENT\r
                END:VCALENDAR\r
                """);
        String json = """
                {"sites": [{"id": "gs-a", "calendar": {"state": "SH", "holidaysIcs": "ferien-sh.ics",
                   "holidays": [{"name": "Beweglicher Ferientag", "from": "2026-11-20"}]},
                   "buildings": [{"id": "main", "floors": [{"name": "EG", "rooms": [{"id": "r-1"}]}]}]}]}""";
        SchoolFile.Result r = parse(json);
        assertThat(r.problems()).isEmpty();
        var cal = r.model().sites().get(0).calendar();
        assertThat(cal.holiday(LocalDate.of(2026, 10, 12))).contains("Herbstferien Schleswig-Holstein 2026");
        assertThat(cal.holiday(LocalDate.of(2026, 10, 24))).contains("Herbstferien Schleswig-Holstein 2026");
        assertThat(cal.isSchoolDay(LocalDate.of(2026, 10, 26))).isTrue();
        assertThat(cal.holiday(LocalDate.of(2026, 11, 20))).contains("Beweglicher Ferientag");
        assertThat(cal.lessons().get(0).start()).isEqualTo(LocalTime.of(8, 0));

        Files.writeString(dir.resolve("ferien-sh.ics"), "this is no calendar");
        assertThat(errors(parse(json))).containsExactly("sites[0].calendar.holidaysIcs ics.invalid");
        Files.delete(dir.resolve("ferien-sh.ics"));
        SchoolFile.Result missing = parse(json);
        assertThat(errors(missing)).containsExactly("sites[0].calendar.holidaysIcs ics.missing");
        assertThat(missing.errors().get(0).message(Locale.ENGLISH)).contains("ferien-sh.ics").contains("relative to the school file");
    }

    @Test
    void aMappingWithAnInvalidTopicFilterOrPointerIsNamed() {
        SchoolFile.Result r = parse("""
                {"mappings": [{"name": "a", "topicFilter": "haus/#/luft", "devicePointer": "id",
                               "metrics": {"co2_ppm": {"pointer": "/co2", "scale": 0}, "co3": {"pointer": "/x"}}}],
                 "sites": [{"id": "gs-a", "buildings": [{"id": "main", "floors": [{"name": "EG", "rooms": [{"id": "r-1"}]}]}]}]}""");
        assertThat(errors(r)).containsExactlyInAnyOrder("mappings[0].topicFilter topic-filter.invalid",
                "mappings[0].devicePointer pointer.invalid", "mappings[0].metrics.co2_ppm.scale scale.zero",
                "mappings[0].metrics.co3 metric.unknown");
        assertThat(r.warnings()).extracting(p -> p.path() + " " + p.code()).containsExactly("sites[0].calendar calendar.missing");
    }

    @Test
    void theDemoSchoolFileInTheRepositoryIsValid() {
        SchoolFile.Result r = SchoolFile.check(Path.of("kiosk-config/demo-school.json"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.model().rooms()).hasSize(27);
        assertThat(r.model().kiosks()).extracting(k -> tuple(k.id(), k.room().value())).containsExactly(tuple("k-r101", "r-101"));
    }
}
