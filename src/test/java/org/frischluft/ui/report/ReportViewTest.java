package org.frischluft.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.frischluft.model.RoomId;
import org.frischluft.report.AirChangeReport;
import org.frischluft.report.Co2Source;
import org.frischluft.report.ReportPdf;
import org.frischluft.report.RoomReport;
import org.frischluft.report.SchoolReport;
import org.frischluft.report.SimulatedWeek;
import org.frischluft.rooms.Holiday;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.TestSchool;
import org.frischluft.store.Co2Series;
import org.frischluft.ui.common.Snapshots;
import org.frischluft.ui.common.Theme;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The report view under Monocle on a simulated school of eight rooms (the term since the autumn holidays):
 * choices, the table, a room's weeks, an export; screenshots at 1920×1080 and 1366×768
 * ({@code -Dfrischluft.screenshots=docs/screenshots} keeps them).
 */
@ExtendWith(ApplicationExtension.class)
class ReportViewTest {
    static final SchoolCalendar CAL = SchoolCalendar.germanDefault().withHolidays(List.of(
            new Holiday("Herbstferien", LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 24)),
            new Holiday("Weihnachtsferien", LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 6))));
    static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(2026, 11, 20, 14, 0, 0, 0, CAL.zone()).toInstant(), CAL.zone());
    static final Object[][] ROOMS = {
        {"r-001", "R 001 — 5a", 182.0, 27, 0.3, 6.0, 2.5}, {"r-002", "R 002 — 5b", 150.0, 30, 0.12, 2.5, 1.2},
        {"r-003", "R 003 — 6a", 200.0, 24, 0.6, 9.0, 4.5}, {"r-101", "R 101 — 7a", 176.0, 28, 0.2, 4.0, 2.0},
        {"r-102", "R 102 — 7b", 120.0, 28, 0.1, 1.5, 0.8}, {"r-103", "R 103 Musik", 240.0, 26, 0.5, 8.0, 6.0},
        {"r-201", "R 201 — 8a", 160.0, 29, 0.25, 3.0, 3.0}, {"r-202", "R 202 Biologie", 190.0, 25, 0.4, 7.0, 3.5},
    };
    static SchoolModel school;
    static Co2Source source;

    @BeforeAll
    static void simulate() {
        TestSchool s = TestSchool.site("gs-lindenpark", "Gesamtschule am Lindenpark").calendar(CAL);
        Map<RoomId, Co2Series> data = new HashMap<>();
        long seed = 5;
        for (Object[] r : ROOMS) {
            s.room(Room.of(RoomId.of((String) r[0]), (String) r[1], (double) r[2], (int) r[3], List.of()), "EG", 0);
            data.put(RoomId.of((String) r[0]), new SimulatedWeek((double) r[2], (int) r[3], (double) r[4], (double) r[5], 5, seed++,
                    420, 0, (double) r[6]).co2(CAL, LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 20)));
        }
        school = s.model();
        source = (room, a, b) -> data.getOrDefault(room, Co2Series.EMPTY);
    }

    /** The report arithmetic over the simulated rooms, synchronously (a direct executor). */
    static final class Simulated implements ReportQuery {
        final List<Path> exported = new ArrayList<>();

        @Override
        public CompletableFuture<List<RoomReport>> load(ReportRequest r) {
            var sites = SchoolReport.of(school, source, r.from(), r.to(), id -> r.room() == null || r.room().equals(id));
            return CompletableFuture.completedFuture(sites.isEmpty() ? List.of() : sites.get(0).rooms());
        }

        @Override
        public CompletableFuture<Path> export(ReportRequest r, String format, Path file, Locale locale) {
            try (var out = Files.newOutputStream(file)) {
                var sites = SchoolReport.of(school, source, r.from(), r.to(), id -> r.room() == null || r.room().equals(id));
                ReportPdf.write(sites, List.of(AirChangeReport.ofSite(school.sites().get(0), source, r.from(), r.to(), id -> true, 420)),
                        r.from(), r.to(), locale, out);
                exported.add(file);
                return CompletableFuture.completedFuture(file);
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }
    }

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // scenes are built per test
    }

    static ReportView view(Simulated q, Locale locale, Path saveTo) {
        ReportViewModel vm = new ReportViewModel(q, () -> school, CLOCK, locale, Runnable::run);
        return new ReportView(vm, (format, name) -> saveTo.resolve(name));
    }

    @Test
    void showsEveryRoomOfTheTermWithItsFlagsAndAChosenRoomWeekByWeek() throws Exception {
        Simulated q = new Simulated();
        WaitForAsyncUtils.asyncFx(() -> {
            ReportView v = view(q, Locale.GERMAN, dir);
            v.open(null);
            ReportViewModel vm = vmOf(v);
            assertThat(vm.request().from()).isEqualTo(LocalDate.of(2026, 10, 25));
            assertThat(vm.rows()).hasSize(ROOMS.length);
            assertThat(vm.rows()).anyMatch(ReportViewModel.Row::flagged);
            assertThat(vm.rows().get(1).flags()).contains("Warnstufe 2");
            assertThat(vm.statusProperty().get()).startsWith("8 Räume");
            vm.roomProperty().set(school.rooms().get(0));
            assertThat(vm.rows()).hasSize(4 + 1); // four weeks and the whole period
            assertThat(vm.rows().get(0).label()).startsWith("KW 44");
            vm.periodProperty().set(ReportViewModel.Period.WEEK);
            assertThat(vm.rows()).hasSize(1 + 1);
            vm.export("pdf", dir.resolve(vm.suggestedName("pdf")));
            assertThat(vm.statusProperty().get()).startsWith("Gespeichert: ");
            return null;
        }).get(1, TimeUnit.MINUTES);
        assertThat(q.exported).singleElement().satisfies(f -> assertThat(f.getFileName().toString())
                .isEqualTo("frischluft-r-001-2026-11-16-2026-11-20.pdf"));
        assertThat(Files.size(q.exported.get(0))).isGreaterThan(1000);
    }

    static ReportViewModel vmOf(ReportView v) throws Exception {
        var f = ReportView.class.getDeclaredField("vm");
        f.setAccessible(true);
        return (ReportViewModel) f.get(v);
    }

    @Test
    void rendersAtDesktopAndLaptopSize() throws Exception {
        String keep = System.getProperty("frischluft.screenshots");
        Path target = keep == null || keep.isBlank() ? dir : Path.of(keep);
        List<Path> files = WaitForAsyncUtils.asyncFx(() -> {
            List<Path> out = new ArrayList<>();
            int[][] sizes = {{1920, 1080}, {1366, 768}};
            for (int[] size : sizes) {
                for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
                    ReportView v = view(new Simulated(), locale, dir);
                    Scene scene = new Scene(v, size[0], size[1]);
                    Theme.apply(scene);
                    v.open(null);
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                    Path file = target.resolve("reports-" + locale.getLanguage() + "-" + size[0] + "x" + size[1] + ".png");
                    Snapshots.toPng(scene, file);
                    out.add(file);
                }
            }
            return out;
        }).get(2, TimeUnit.MINUTES);
        assertThat(files).hasSize(4).allSatisfy(f -> assertThat(f).exists());
    }
}
