package org.frischluft.admin.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.Problem;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.RoomLocation;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.file.SchoolFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rooms and sensors spreadsheets into the school model and back: German and English, ; and ,, BOM or not. */
class SchoolCsvTest {
    private static final Path DEMO = Path.of("kiosk-config/demo-school.json");
    private static SchoolModel demo;

    @BeforeAll
    static void readDemo() throws Exception {
        demo = SchoolFile.read(DEMO);
    }

    private static SchoolCsv.Input csv(String name, String text) {
        return new SchoolCsv.Input(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static ImportResult rooms(String text) {
        return SchoolCsv.importInto(demo, csv("rooms.csv", text), null, DEMO);
    }

    private static List<String> lines(ImportResult r) {
        return r.problems().stream().map(p -> p.describe(Locale.ENGLISH)).toList();
    }

    @Test
    void aGermanExcelFileWithBomSemicolonsAndDecimalCommasAddsRoomsAndANewBuilding() {
        ImportResult r = rooms("\uFEFFGebäude;Stockwerk;Raum;Raumvolumen (m³);Sitzplätze;Profil;Anzeige\r\n"
                + "Neubau;EG;N 001;180,5;28;;quiet\r\n"
                + "Neubau;1. OG;N 101;210;30;uba;\r\n"
                + ";;;;;;\r\n");
        assertThat(lines(r)).isEmpty();
        assertThat(r.ok()).isTrue();
        assertThat(r.summary().roomsAdded()).containsExactly(RoomId.of("N 001"), RoomId.of("N 101"));
        RoomLocation n001 = r.model().roomLocations().stream().filter(l -> l.room().id().value().equals("N 001")).findFirst().orElseThrow();
        assertThat(n001.building().id()).isEqualTo("neubau");
        assertThat(n001.floor().order()).isZero();
        assertThat(n001.room().volumeM3()).isEqualTo(180.5);
        assertThat(n001.room().seats()).isEqualTo(28);
        assertThat(n001.room().display().setting()).isEqualTo("quiet");
        RoomLocation n101 = r.model().roomLocations().stream().filter(l -> l.room().id().value().equals("N 101")).findFirst().orElseThrow();
        assertThat(n101.floor().order()).isEqualTo(1);
        assertThat(r.model().rooms()).hasSize(demo.rooms().size() + 2);
    }

    @Test
    void everyBadLineIsListedWithItsLineNumberAndNothingIsApplied() {
        ImportResult r = rooms("""
                building,floor,room id,name,volume,seats,profile,display
                Hauptgebäude,EG,r-001,R 001,182,27,,
                Hauptgebäude,EG,r-900,R 900,gross,27,,
                Hauptgebäude,,r-901,R 901,100,2.5,,
                Hauptgebäude,EG,r-001,again,100,20,kommfort,blinking
                Hauptgebäude,EG,a/b,bad id,100,20,,
                Hauptgebäude,EG,r-902,fine,100,20,,,,
                Hauptgebäude,EG,r-903,too many,100,20,,,x
                """);
        assertThat(r.ok()).isFalse();
        assertThat(r.model()).isNull();
        assertThat(lines(r)).containsExactly(
                "rooms.csv:3: volume \"gross\" is not a number",
                "rooms.csv:4: floor is empty: every room needs its floor (e.g. EG, 1. OG).",
                "rooms.csv:4: seats \"2.5\" is not a whole number",
                "rooms.csv:5: room \"r-001\" is listed twice (first on line 2).",
                "rooms.csv:5: \"kommfort\" is not a threshold profile. Use one of: " + String.join(", ",
                        org.frischluft.rooms.ProfileRefs.known(demo.profiles()))
                        + " (optionally with +blue or +blue550 for a blue band), or define it under \"profiles\".",
                "rooms.csv:5: \"blinking\" is no display policy. Use always, quiet, schedule, \"schedule dim\" or \"schedule 07:30-16:00 dim\".",
                "rooms.csv:6: room id \"a/b\" must not contain \"/\", \"+\", \"#\" or control characters.",
                "rooms.csv:8: the line has 9 cells, the header line 8: a separator too many, or a value with a separator in it that needs \"quotes\".");
    }

    @Test
    void theBadLinesSpeakGermanToo() {
        ImportResult r = rooms("Gebäude;Etage;Raum;Volumen\nHauptgebäude;EG;X;gross\n");
        assertThat(r.problems()).extracting(p -> p.describe(Locale.GERMAN)).containsExactly("rooms.csv:2: Volumen \"gross\" ist keine Zahl");
    }

    @Test
    void aMissingRequiredColumnIsSaidOnceForTheHeaderLine() {
        ImportResult r = rooms("Raum;Volumen;Bemerkung\nX;100;hinten links\n");
        assertThat(lines(r)).containsExactly(
                "rooms.csv:1: column \"Bemerkung\" is not read (known columns: site / Standort, building / Gebäude, floor / Etage, "
                        + "floor order / Etagen-Nr., room id / Raum-ID, name / Raum, volume m3 / Volumen (m³), seats / Plätze, "
                        + "profile / Profil, display / Anzeige).",
                "rooms.csv:1: the header line has no column building / Gebäude.",
                "rooms.csv:1: the header line has no column floor / Etage.");
    }

    @Test
    void aFileThatIsNotUtf8IsRejectedAsAWhole() {
        byte[] latin1 = "Gebäude;Etage;Raum\nHaus;EG;Küche\n".getBytes(StandardCharsets.ISO_8859_1);
        ImportResult r = SchoolCsv.importInto(demo, new SchoolCsv.Input("rooms.csv", latin1), null, DEMO);
        assertThat(lines(r)).containsExactly("rooms.csv: the file is not UTF-8 text. In Excel choose \"Save as\" and the type \"CSV UTF-8\".");
    }

    @Test
    void anExistingRoomIsUpdatedAndMovedAndKeepsItsSensors() {
        Room before = demo.room(RoomId.of("r-001")).orElseThrow();
        ImportResult r = rooms("building;floor;room id;name;volume;seats\nHauptgebäude;3. OG;r-001;Musik;190;26\n");
        assertThat(lines(r)).isEmpty();
        assertThat(r.summary().roomsChanged()).containsExactly(RoomId.of("r-001"));
        RoomLocation l = r.model().roomLocations().stream().filter(x -> x.room().id().equals(RoomId.of("r-001"))).findFirst().orElseThrow();
        assertThat(l.floor().name()).isEqualTo("3. OG");
        assertThat(l.room().name()).isEqualTo("Musik");
        assertThat(l.room().sensors()).isEqualTo(before.sensors());
        assertThat(r.model().rooms()).hasSize(demo.rooms().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void exportThenImportIsTheSameSchool(String language) {
        for (char sep : new char[] {';', ','}) {
            SchoolCsv.Style style = new SchoolCsv.Style(sep, Locale.forLanguageTag(language), true);
            String roomsCsv = SchoolCsv.exportRooms(demo, style);
            String sensorsCsv = SchoolCsv.exportSensors(demo, style);
            ImportResult r = SchoolCsv.importInto(demo, csv("rooms.csv", roomsCsv), csv("sensors.csv", sensorsCsv), DEMO);
            assertThat(lines(r)).isEmpty();
            assertThat(r.summary().nothingChanged()).as(r.summary().toString()).isTrue();
            assertThat(r.summary().roomsUnchanged()).isEqualTo(demo.rooms().size());
            assertThat(r.summary().sensorsUnchanged()).isEqualTo(demo.sensorCount());
            assertThat(SchoolFile.toJson(r.model())).isEqualTo(SchoolFile.toJson(demo));
            assertThat(SchoolCsv.exportRooms(r.model(), style)).isEqualTo(roomsCsv);
        }
    }

    @Test
    void importedIntoASchoolWithoutRoomsTheExportBuildsTheSameRoomsAndSensors() {
        String roomsCsv = SchoolCsv.exportRooms(demo, new SchoolCsv.Style(';', Locale.GERMAN, false));
        String sensorsCsv = SchoolCsv.exportSensors(demo, new SchoolCsv.Style(';', Locale.GERMAN, false));
        var site = demo.sites().get(0);
        var empty = new SchoolModel(demo.operator(), demo.defaultProfile(), demo.profiles(), demo.mappings(), demo.defaultModels(),
                List.of(new org.frischluft.rooms.Site(site.id(), site.name(), site.calendar(), site.profile(), site.display(),
                        site.comfort(), site.buildings().stream().map(b -> new org.frischluft.rooms.Building(b.id(), b.name(), List.of())).toList(),
                        List.of())));
        ImportResult r = SchoolCsv.importInto(empty, csv("rooms.csv", roomsCsv), csv("sensors.csv", sensorsCsv), DEMO);
        assertThat(lines(r)).isEmpty();
        assertThat(r.summary().roomsAdded()).hasSize(demo.rooms().size());
        assertThat(r.summary().sensorsPlaced()).hasSize(demo.sensorCount());
        assertThat(r.model().rooms()).isEqualTo(demo.rooms());
        assertThat(r.model().placements()).isEqualTo(demo.placements());
    }

    @Test
    void sensorsArePlacedByRoomIdOrNameMovedAndCheckedLineByLine() {
        String sensors = """
                DevEUI;Raum;Modell;seit;Broker
                A81758FFFE0399AA;r-001;elsys-ers-co2;1.9.2026;ttn
                a81758fffe0399bb;R 002 — 5b;;;
                """;
        ImportResult r = SchoolCsv.importInto(demo, csv("rooms.csv", "Gebäude;Etage;Raum\n"), csv("sensors.csv", sensors), DEMO);
        assertThat(lines(r)).isEmpty();
        assertThat(r.summary().sensorsPlaced()).containsExactly(DeviceId.of("a81758fffe0399aa"), DeviceId.of("a81758fffe0399bb"));
        assertThat(r.model().roomOf(DeviceId.of("a81758fffe0399aa"))).contains(RoomId.of("r-001"));
        assertThat(r.model().roomOf(DeviceId.of("a81758fffe0399bb"))).contains(RoomId.of("r-002"));
        var placed = r.model().currentPlacements().get(DeviceId.of("a81758fffe0399aa"));
        assertThat(placed.sensor().since()).isEqualTo(java.time.Instant.parse("2026-08-31T22:00:00Z"));
        assertThat(placed.sensor().broker()).isEqualTo("ttn");

        ImportResult bad = SchoolCsv.importInto(demo, csv("rooms.csv", "Gebäude;Etage;Raum\n"), csv("sensors.csv", """
                device,room,model,since
                1.81235E+13,r-001,,
                a81758fffe0399aa,r-999,elsys-ers-co3,yesterday
                a81758fffe0399cc,r-001,,2026-09-01
                a81758fffe0399cc,r-002,,2026-09-01
                ,r-001,,
                """), DEMO);
        assertThat(bad.ok()).isFalse();
        assertThat(lines(bad)).hasSize(6).satisfiesExactly(
                l -> assertThat(l).startsWith("sensors.csv:2: device \"1.81235E+13\" looks like a number Excel shortened"),
                l -> assertThat(l).isEqualTo("sensors.csv:3: room \"r-999\" is neither in the school file nor in the rooms file."),
                l -> assertThat(l).startsWith("sensors.csv:3: \"elsys-ers-co3\" is not a sensor model"),
                l -> assertThat(l).startsWith("sensors.csv:3: \"yesterday\" is no time."),
                l -> assertThat(l).isEqualTo("sensors.csv:5: sensor a81758fffe0399cc is placed twice from the same time (first on line 4)."),
                l -> assertThat(l).isEqualTo("sensors.csv:6: device is empty: write the sensor's DevEUI or device id."));
    }

    @Test
    void aSensorMovedInTheTableLeavesItsOldRoom() {
        DeviceId d = demo.placements().get(0).device();
        RoomId from = demo.placements().get(0).room();
        ImportResult r = SchoolCsv.importInto(demo, csv("rooms.csv", "building;floor;name\n"),
                csv("sensors.csv", "device;room\n" + d.value() + ";r-105\n"), DEMO);
        assertThat(lines(r)).isEmpty();
        assertThat(r.summary().sensorsChanged()).containsExactly(d);
        assertThat(r.model().roomOf(d)).contains(RoomId.of("r-105"));
        assertThat(r.model().room(from).orElseThrow().sensors()).noneMatch(s -> s.device().equals(d));
        assertThat(r.model().sensorCount()).isEqualTo(demo.sensorCount());
    }

    @Test
    void headersAreMatchedWhateverTheirCaseSpacesUmlautsAndUnit() {
        assertThat(CsvTable.column(RoomColumn.class, " Raumvolumen (m³) ")).contains(RoomColumn.VOLUME);
        assertThat(CsvTable.column(RoomColumn.class, "GEBAEUDE")).contains(RoomColumn.BUILDING);
        assertThat(CsvTable.column(RoomColumn.class, "Room ID")).contains(RoomColumn.ID);
        assertThat(CsvTable.column(SensorColumn.class, "DevEUI")).contains(SensorColumn.DEVICE);
        assertThat(CsvTable.column(SensorColumn.class, "Gerät")).contains(SensorColumn.DEVICE);
        assertThat(CsvTable.column(RoomColumn.class, "Bemerkung")).isEmpty();
        assertThat(CsvTable.delimiter("a,b;c,d\n1;2")).isEqualTo(',');
        assertThat(CsvTable.delimiter("\"a;b\",c\n")).isEqualTo(',');
        assertThat(CsvTable.delimiter("a;b;c\n")).isEqualTo(';');
    }

    @Test
    void aWarningKeepsTheImportGoing() {
        ImportResult r = rooms("Gebäude;Etage;Raum;Bemerkung\nHauptgebäude;EG;Lager;nur Stühle\n");
        assertThat(r.ok()).isTrue();
        assertThat(r.problems()).singleElement().extracting(Problem::isError).isEqualTo(false);
    }
}
