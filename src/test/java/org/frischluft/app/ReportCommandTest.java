package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code frischluft report} on the test school: the lesson table from a CSV export and from an H2 file, and its errors. */
class ReportCommandTest {
    static final Path SCHOOL = Path.of("src/test/resources/report/school.json");
    static final DeviceId DEV = DeviceId.of("a81758fffe05a3c1");
    /** Monday 2 Nov 2026, lesson 1 (07:00–07:45Z): 800..1600 every 5 min; lesson 2 from 07:50Z: 900, 1500, gap, 600. */
    static final String EXPORT = """
            time,device,room,co2_ppm,temperature_c,humidity_pct
            2026-11-02T07:00:00Z,a81758fffe05a3c1,r-101,800,,
            2026-11-02T07:05:00Z,a81758fffe05a3c1,r-101,900,,
            2026-11-02T07:10:00Z,a81758fffe05a3c1,r-101,1000,,
            2026-11-02T07:15:00Z,a81758fffe05a3c1,r-101,1100,,
            2026-11-02T07:20:00Z,a81758fffe05a3c1,r-101,1200,,
            2026-11-02T07:25:00Z,a81758fffe05a3c1,r-101,1300,,
            2026-11-02T07:30:00Z,a81758fffe05a3c1,r-101,1400,,
            2026-11-02T07:35:00Z,a81758fffe05a3c1,r-101,1500,,
            2026-11-02T07:40:00Z,a81758fffe05a3c1,r-101,1600,,
            2026-11-02T07:45:00Z,a81758fffe05a3c1,r-101,1700,,
            2026-11-02T07:50:00Z,a81758fffe05a3c1,r-101,900,,
            2026-11-02T07:55:00Z,a81758fffe05a3c1,r-101,1500,,
            2026-11-02T08:30:00Z,a81758fffe05a3c1,r-101,600,,
            """;
    static final String EXPECTED_R101 = """
            room,date,lesson,start,end,mean_co2_ppm,peak_co2_ppm,minutes_above_1000,minutes_above_2000,coverage_pct
            r-101,2026-11-02,1,08:00,08:45,1200,1600,30,0,100
            r-101,2026-11-02,2,08:50,09:35,1200,1500,15,0,56
            r-101,2026-11-03,1,08:00,08:45,,,0,0,0
            r-101,2026-11-03,2,08:50,09:35,,,0,0,0
            """;

    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        ReportCommand cmd = new ReportCommand();
        cmd.clock = Clock.fixed(Instant.parse("2026-11-10T12:00:00Z"), ZoneOffset.UTC);
        return new CommandLine(cmd).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void printsTheLessonTableOfARoomFromACsvExportInLocalTime() throws Exception {
        Path csv = dir.resolve("export.csv");
        Files.writeString(csv, EXPORT);
        int code = run("--school", SCHOOL.toString(), "--csv", csv.toString(), "--from", "2026-11-02", "--to", "2026-11-04",
                "--room", "r-101", "--format", "csv");
        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo(EXPECTED_R101); // the 4th is a holiday
    }

    @Test
    void givesTheSameTableFromTheHistoryDatabaseAndWritesItToAFile() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("history").toAbsolutePath();
        try (Store store = Store.open(StoreOptions.of(url), Clock.fixed(Instant.parse("2026-11-03T00:00:00Z"), ZoneOffset.UTC))) {
            store.assign(DEV, RoomId.of("r-101"), Instant.parse("2026-11-01T00:00:00Z"));
            List<Reading> rs = new ArrayList<>();
            for (String line : EXPORT.lines().skip(1).toList()) {
                String[] c = line.split(",");
                rs.add(Reading.of(DEV, Instant.parse(c[0]), Double.parseDouble(c[3]), null, null));
            }
            store.writer().submitAll(rs);
            store.writer().flush(Duration.ofSeconds(20));
        }
        Path file = dir.resolve("lessons.csv");
        int code = run("--school", SCHOOL.toString(), "--db", url, "--from", "2026-11-02", "--to", "2026-11-03",
                "--format", "csv", "--out", file.toString());
        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString()).isEmpty();
        String table = Files.readString(file);
        assertThat(table).startsWith(EXPECTED_R101).contains("r-102,2026-11-02,1,08:00,08:45,,,0,0,0\n");
        assertThat(table.lines()).hasSize(1 + 4 + 4);
    }

    @Test
    void listsEveryProblemAtOnceOnStderrAndExitsWith2() {
        int code = run("--school", SCHOOL.toString(), "--from", "2026-11-31", "--room", "r-10l", "--format", "xls",
                "--out", dir.resolve("missing/out.csv").toString());
        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).containsExactlyInAnyOrder(
                "report: --format xls: use csv or pdf",
                "report: --out " + dir.resolve("missing/out.csv") + ": folder " + dir.resolve("missing") + " does not exist",
                "report: --from \"2026-11-31\" is not a date: write YYYY-MM-DD, e.g. 2026-11-02",
                "report: neither --db JDBC_URL nor --csv EXPORT.csv: say where the readings are",
                "report: --room r-10l is not a room of " + SCHOOL + "; did you mean r-101?");
    }

    @Test
    void aBrokenSchoolFileIsNamedWithItsProblems() throws Exception {
        Path bad = dir.resolve("school.json");
        Files.writeString(bad, "{\"format\": 2, \"sites\": [{\"id\": \"s\", \"calendar\": {\"zone\": \"Mars/Olympus\"}}]}");
        int code = run("--school", bad.toString(), "--csv", dir.resolve("none.csv").toString(), "--format", "csv");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Mars/Olympus").contains("--csv " + dir.resolve("none.csv") + ": no such file");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void airChangeRanksTheRoomWindowsCannotAirEnoughFirst() throws Exception {
        var cal = org.frischluft.rooms.file.SchoolFile.read(SCHOOL).sites().get(0).calendar();
        java.time.LocalDate mon = java.time.LocalDate.of(2026, 11, 9);
        java.time.LocalDate fri = mon.plusDays(4);
        StringBuilder csv = new StringBuilder("time,device,room,co2_ppm,temperature_c,humidity_pct\n");
        Object[][] rooms = {{"r-101", 150.0, 0.3, 8.0}, {"r-102", 150.0, 0.1, 2.0}};
        for (Object[] r : rooms) {
            var s = new org.frischluft.report.SimulatedWeek((double) r[1], 28, (double) r[2], (double) r[3], 2, 3)
                    .co2(cal, mon, fri);
            for (int i = 0; i < s.size(); i++) {
                csv.append(Instant.ofEpochMilli(s.ms(i))).append(",dev-").append(r[0]).append(',').append(r[0]).append(',')
                        .append((int) s.value(i)).append(",,\n");
            }
        }
        Path file = dir.resolve("export.csv");
        Files.writeString(file, csv);
        int code = run("--school", SCHOOL.toString(), "--csv", file.toString(), "--from", mon.toString(), "--to", fri.toString());
        assertThat(code).isEqualTo(2); // without a subcommand --format is needed
        err.getBuffer().setLength(0);
        out.getBuffer().setLength(0);
        code = run("air-change", "--school", SCHOOL.toString(), "--csv", file.toString(), "--from", mon.toString(),
                "--to", fri.toString());
        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("room,ach_closed_per_h,ach_closed_low,ach_closed_high,ach_aired_per_h,events");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).as(out.toString()).startsWith("r-102,0.1");
        assertThat(lines.get(2)).startsWith("r-101,0.3");
        String[] cells = lines.get(2).split(",");
        assertThat(Double.parseDouble(cells[4])).isBetween(7.0, 9.0);
        assertThat(Integer.parseInt(cells[5])).isGreaterThan(5);
    }

    @Test
    void airChangeListsEveryProblemAtOnce() {
        int code = run("air-change", "--outdoor", "5000", "--db", "jdbc:h2:mem:x", "--csv", "x.csv");
        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).containsExactlyInAnyOrder(
                "report air-change: --outdoor 5000.0: outdoor air lies near 420 ppm; give 200..800",
                "report air-change: --school FILE is missing: the school file names the rooms and each site's calendar",
                "report air-change: both --db and --csv: use one of them",
                "report air-change: --csv x.csv: no such file (or not readable)");
    }

    @Test
    void writesAPrintablePdfOnlyToAFile() throws Exception {
        Path csv = dir.resolve("export.csv");
        Files.writeString(csv, EXPORT);
        int code = run("--school", SCHOOL.toString(), "--csv", csv.toString(), "--from", "2026-11-02", "--to", "2026-11-06",
                "--format", "pdf");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("report: --format pdf needs --out FILE");
        err.getBuffer().setLength(0);
        Path pdf = dir.resolve("bericht.pdf");
        code = run("--school", SCHOOL.toString(), "--csv", csv.toString(), "--from", "2026-11-02", "--to", "2026-11-06",
                "--format", "pdf", "--out", pdf.toString(), "--language", "en");
        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(Files.readAllBytes(pdf));
        assertThat(reader.getNumberOfPages()).isEqualTo(3); // the site, r-101, r-102
        assertThat(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(2)).contains("Room R 101");
        assertThat(Files.exists(dir.resolve("bericht.pdf.part"))).isFalse();
    }

    @Test
    void openDataLeavesOutASiteWithFewerThanFiveSensorsAndSaysSo() throws Exception {
        Path csv = dir.resolve("export.csv");
        Files.writeString(csv, EXPORT);
        int code = run("open-data", "--school", SCHOOL.toString(), "--csv", csv.toString(), "--from", "2026-11-02",
                "--to", "2026-11-06");
        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo("site,date,sensors,rooms,lessons,mean_co2_ppm,lessons_above_1000_pct,max_co2_ppm\n");
        assertThat(err.toString()).isEqualTo("report open-data: left out gs-test: 2 sensors, fewer than 5\n");
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        code = run("open-data", "--school", SCHOOL.toString(), "--csv", csv.toString(), "--room", "r-101", "--format", "xml");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactlyInAnyOrder(
                "report open-data: --format xml: use csv or json",
                "report open-data: --room: open data is per site and day only, never per room; leave it out");
    }
}
