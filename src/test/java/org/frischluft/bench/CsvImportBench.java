package org.frischluft.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.admin.csv.ImportResult;
import org.frischluft.admin.csv.SchoolCsv;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.Operator;
import org.frischluft.rooms.Profiles;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Site;
import org.frischluft.rooms.file.SchoolFile;

/**
 * CSV import benchmark (issue 10; a plain {@code main}, not a test): a city's spreadsheets — {@code --rooms} rooms
 * (2,500) and {@code --sensors} sensor placements (2,700: one per room, a second one in the largest rooms) over
 * {@code --sites} school sites (70), Lübeck's size — imported into a school file that names the sites and nothing
 * else. Per round, in this order, each on the same bytes:
 * <ol>
 *   <li>baseline: both files read with plain Commons CSV (header line, every cell touched), nothing checked;</li>
 *   <li>validated: {@code SchoolCsv.importInto} (every line checked, the new model built and checked with the school
 *       file's rules) — what {@code config import --dry-run} and the admin's "Check" do;</li>
 *   <li>baseline: the resulting school file written alone ({@code SchoolFile.write}, atomic);</li>
 *   <li>for comparison: the written school file read and checked alone ({@code SchoolFile.check}), the part of 2 that
 *       is the school file's own rules;</li>
 *   <li>validated and saved as {@code config import} does it: 2 + 3;</li>
 *   <li>validated and saved as the admin's Import button does it: 2, then {@code SchoolEditor.save} (the school
 *       file's rules once more on the new model, then the atomic write and the new version).</li>
 * </ol>
 * Round 0 is a warm-up; the best and the median of {@code --rounds} (5) are printed.
 */
public final class CsvImportBench {
    private CsvImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int rooms = 2500;
        int sensors = 2700;
        int sites = 70;
        int rounds = 5;
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rooms" -> rooms = Integer.parseInt(args[++i]);
                case "--sensors" -> sensors = Integer.parseInt(args[++i]);
                case "--sites" -> sites = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: [--rooms N] [--sensors N] [--sites N] [--rounds N] [--dir DIR]");
            }
        }
        if (sensors < rooms) throw new IllegalArgumentException("--sensors must be at least --rooms (one per room)");
        dir = dir == null ? Files.createTempDirectory("frischluft-csvbench") : Files.createDirectories(dir);
        Path school = dir.resolve("school.json");
        SchoolModel base = sites(sites);
        byte[] baseBytes = SchoolFile.toJson(base).getBytes(StandardCharsets.UTF_8);
        byte[] roomsCsv = roomsCsv(rooms, sites).getBytes(StandardCharsets.UTF_8);
        byte[] sensorsCsv = sensorsCsv(rooms, sensors, sites).getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("rooms.csv"), roomsCsv);
        Files.write(dir.resolve("sensors.csv"), sensorsCsv);
        System.out.printf(Locale.ROOT, "%d sites, %d rooms (%d KB), %d sensor placements (%d KB) in %s; %d rounds after a warm-up%n",
                sites, rooms, roomsCsv.length / 1024, sensors, sensorsCsv.length / 1024, dir, rounds);
        SchoolCsv.Input roomsIn = new SchoolCsv.Input("rooms.csv", roomsCsv);
        SchoolCsv.Input sensorsIn = new SchoolCsv.Input("sensors.csv", sensorsCsv);
        String[] names = {"baseline: plain Commons CSV read", "validated (importInto)", "baseline: school file written alone",
            "for comparison: the written school file read and checked alone (SchoolFile.check)", "validated + saved (config import)", "validated + saved (admin Import, SchoolEditor)"};
        double[][] ms = new double[names.length][rounds];
        long fileSize = 0;
        for (int round = 0; round <= rounds; round++) {
            long t0 = System.nanoTime();
            long cells = plainRead(roomsCsv) + plainRead(sensorsCsv);
            long t1 = System.nanoTime();
            Files.write(school, baseBytes);
            SchoolModel current = SchoolFile.read(school);
            long t2 = System.nanoTime();
            ImportResult r = SchoolCsv.importInto(current, roomsIn, sensorsIn, school);
            long t3 = System.nanoTime();
            if (!r.ok()) throw new IllegalStateException("the generated files have problems: " + r.errors().subList(0, Math.min(5, r.errors().size())));
            if (r.summary().roomsAdded().size() != rooms || r.summary().sensorsPlaced().size() != sensors) {
                throw new IllegalStateException("unexpected summary: " + r.summary());
            }
            long t4 = System.nanoTime();
            SchoolFile.write(r.model(), school);
            long t5 = System.nanoTime();
            fileSize = Files.size(school);
            long t8 = System.nanoTime();
            if (!SchoolFile.check(school).ok()) throw new IllegalStateException("the written school file has problems");
            long t9 = System.nanoTime();
            // the admin's path: a catalog of the base file, the import checked, then saved through the editor
            Files.write(school, baseBytes);
            SchoolEditor editor = new SchoolEditor(SchoolCatalog.open(school, Clock.systemUTC()), "bench");
            long t6 = System.nanoTime();
            ImportResult checked = SchoolCsv.importInto(editor.current().model(), roomsIn, sensorsIn, school);
            SchoolEditor.Outcome o = editor.save("CSV import: " + checked.summary(), m -> checked.model());
            long t7 = System.nanoTime();
            if (!o.saved()) throw new IllegalStateException("not saved: " + o.errors());
            if (SchoolFile.read(school).rooms().size() != rooms + sites) throw new IllegalStateException("the saved file lacks rooms");
            double[] round_ = {(t1 - t0) / 1e6, (t3 - t2) / 1e6, (t5 - t4) / 1e6, (t9 - t8) / 1e6, (t3 - t2 + t5 - t4) / 1e6, (t7 - t6) / 1e6};
            System.out.printf(Locale.ROOT, "round %d%s: read %.0f ms (%d cells), validated %.0f ms, write %.0f ms, check %.0f ms, cli %.0f ms, admin %.0f ms%n",
                    round, round == 0 ? " (warm-up)" : "", round_[0], cells, round_[1], round_[2], round_[3], round_[4], round_[5]);
            if (round > 0) for (int k = 0; k < names.length; k++) ms[k][round - 1] = round_[k];
        }
        System.out.printf(Locale.ROOT, "school file written: %d KB%n", fileSize / 1024);
        System.out.println("| step | best | median | median / plain read |");
        System.out.println("|---|---|---|---|");
        double readMedian = median(ms[0]);
        for (int k = 0; k < names.length; k++) {
            double[] s = ms[k].clone();
            Arrays.sort(s);
            System.out.printf(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.1f |%n", names[k], s[0], median(ms[k]), median(ms[k]) / readMedian);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Every cell of every record touched, as an import must at least do. */
    private static long plainRead(byte[] csv) throws IOException {
        long cells = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser p = CSVParser.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)), format)) {
            for (CSVRecord r : p) {
                for (String v : r) if (!v.isEmpty()) cells++;
            }
        }
        return cells;
    }

    /** A city's operator file: its sites (schools) with their calendars, each with only its office in its main building. */
    static SchoolModel sites(int n) {
        List<Site> out = new ArrayList<>();
        for (int s = 1; s <= n; s++) {
            out.add(new Site(SiteId.of(siteId(s)), "Schule " + s, SchoolCalendar.germanDefault().withState("SH"), null, null, null,
                    List.of(new org.frischluft.rooms.Building("haupthaus", "Haupthaus", List.of(new org.frischluft.rooms.Floor("EG", 0,
                            List.of(new org.frischluft.rooms.Room(org.frischluft.model.RoomId.of(siteId(s) + "-sekretariat"), "Sekretariat",
                                    60, 0, null, null, List.of())))))), List.of()));
        }
        return new SchoolModel(new Operator("luebeck", "Hansestadt Lübeck"), Profiles.UBA, List.of(), List.of(), out);
    }

    static String siteId(int s) {
        return String.format(Locale.ROOT, "schule-%02d", s);
    }

    private static String roomId(int i) {
        return String.format(Locale.ROOT, "r%04d", i);
    }

    /** German Excel: ; separated, a decimal comma, German headers. */
    static String roomsCsv(int rooms, int sites) {
        StringBuilder b = new StringBuilder("Standort;Gebäude;Etage;Etagen-Nr.;Raum-ID;Raum;Volumen (m³);Plätze\r\n");
        String[] floors = {"EG", "1. OG", "2. OG", "3. OG"};
        for (int i = 0; i < rooms; i++) {
            int site = i % sites + 1;
            int floor = i / sites % floors.length;
            b.append(siteId(site)).append(';').append(i % 3 == 0 ? "Neubau" : "Haupthaus").append(';').append(floors[floor]).append(';')
                    .append(floor).append(';').append(roomId(i)).append(';').append("Raum ").append(floor).append(String.format(Locale.ROOT, "%02d", i % 97))
                    .append(" (").append(roomId(i)).append(')').append(';').append(150 + i % 90).append(",5;").append(20 + i % 12).append("\r\n");
        }
        return b.toString();
    }

    /** One sensor per room, the rest a second sensor in every n-th room. */
    static String sensorsCsv(int rooms, int sensors, int sites) {
        StringBuilder b = new StringBuilder("Gerät;Raum;Modell;seit\r\n");
        for (int i = 0; i < sensors; i++) {
            int room = i < rooms ? i : (i - rooms) * (rooms / Math.max(1, sensors - rooms)) % rooms;
            b.append(String.format(Locale.ROOT, "A81758FFFE%06X", i)).append(';').append(roomId(room)).append(';')
                    .append(i % 2 == 0 ? "elsys-ers-co2" : "milesight-am103").append(';').append("2026-08-").append(10 + i % 20).append("\r\n");
        }
        return b.toString();
    }
}
