package org.frischluft.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.TestSchool;
import org.frischluft.store.Co2Series;
import org.junit.jupiter.api.Test;

/**
 * The printable report of a simulated school of eight rooms over three weeks, in German and English. The PDFs
 * are kept in {@code target/report-pdf/} to be rendered and looked at ({@code pdftoppm -png -r 80 …}).
 */
class ReportPdfTest {
    static final LocalDate FROM = LocalDate.of(2026, 11, 2);
    static final LocalDate TO = LocalDate.of(2026, 11, 20);
    /** id, name, volume m³, seats, λ shut (nights), λ aired (breaks), λ in lessons (tilted windows, some airing). */
    static final Object[][] ROOMS = {
        {"r-001", "R 001", 182.0, 27, 0.3, 6.0, 2.5}, {"r-002", "R 002", 150.0, 30, 0.12, 2.5, 1.2},
        {"r-003", "R 003", 200.0, 24, 0.6, 9.0, 4.5}, {"r-101", "R 101", 176.0, 28, 0.2, 4.0, 2.0},
        {"r-102", "R 102", 120.0, 28, 0.1, 1.5, 0.8}, {"r-103", "R 103 Musik", 240.0, 26, 0.5, 8.0, 6.0},
        {"r-201", "R 201", 160.0, 29, 0.25, 3.0, 3.0}, {"r-202", "R 202 Bio", 190.0, 25, 0.4, 7.0, 3.5},
    };

    static SchoolModel school() {
        TestSchool s = TestSchool.site("gs-lindenpark", "Gesamtschule am Lindenpark").calendar(SchoolCalendar.germanDefault());
        for (Object[] r : ROOMS) {
            s.room(Room.of(RoomId.of((String) r[0]), (String) r[1], (double) r[2], (int) r[3], List.of()), "EG", 0);
        }
        return s.model();
    }

    static Co2Source source() {
        SchoolCalendar cal = SchoolCalendar.germanDefault();
        Map<RoomId, Co2Series> data = new HashMap<>();
        long seed = 11;
        for (Object[] r : ROOMS) {
            data.put(RoomId.of((String) r[0]), new SimulatedWeek((double) r[2], (int) r[3], (double) r[4], (double) r[5], 5, seed++, 420, 0, (double) r[6])
                    .co2(cal, FROM, TO.plusDays(3)));
        }
        return (room, a, b) -> data.getOrDefault(room, Co2Series.EMPTY);
    }

    static byte[] pdf(Locale locale) throws Exception {
        SchoolModel school = school();
        Co2Source source = source();
        var sites = SchoolReport.of(school, source, FROM, TO, r -> true);
        var air = List.of(AirChangeReport.ofSite(school.sites().get(0), source, FROM, TO, r -> true, 420));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportPdf.write(sites, air, FROM, TO, locale, out);
        Path dir = Path.of("target/report-pdf");
        Files.createDirectories(dir);
        Files.write(dir.resolve("report-" + locale.getLanguage() + ".pdf"), out.toByteArray());
        return out.toByteArray();
    }

    static String text(PdfReader reader, int page) throws Exception {
        return new PdfTextExtractor(reader).getTextFromPage(page);
    }

    @Test
    void germanReportHasASitePageWithTheRankingAndOnePagePerRoom() throws Exception {
        PdfReader reader = new PdfReader(pdf(Locale.GERMAN));
        assertThat(reader.getNumberOfPages()).isEqualTo(1 + ROOMS.length);
        String site = text(reader, 1);
        assertThat(site).contains("Standort Gesamtschule am Lindenpark").contains("Lüftungsplan nötig (ASR A3.6)")
                .contains("Luftwechsel aus dem CO2-Abfall des Raums").contains("02.11.2026 bis 20.11.2026");
        String room = text(reader, 2);
        assertThat(room).contains("Raum R 001").contains("Stunden mit dem höchsten Mittel").contains("KW 45");
    }

    @Test
    void englishReportSaysTheSameInEnglish() throws Exception {
        PdfReader reader = new PdfReader(pdf(Locale.ENGLISH));
        String site = text(reader, 1);
        assertThat(site).contains("Site Gesamtschule am Lindenpark: all rooms").contains("Windows")
                .contains("2026-11-02 to 2026-11-20");
        assertThat(text(reader, 3)).contains("Room R 002").contains("wk 46");
    }
}
