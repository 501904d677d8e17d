package org.frischluft.app;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.frischluft.model.RoomId;
import org.frischluft.report.AirChangeReport;
import org.frischluft.report.Co2Source;
import org.frischluft.report.LessonCsv;
import org.frischluft.report.LessonStats;
import org.frischluft.report.ReportPdf;
import org.frischluft.report.RoomReport;
import org.frischluft.report.SchoolReport;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Site;
import org.frischluft.ui.report.ReportQuery;
import org.frischluft.ui.report.ReportRequest;

/** The report view's queries over the history store, on the query threads. */
public final class StoreReports implements ReportQuery {
    private final Co2Source source;
    private final Supplier<SchoolModel> school;
    private final Executor executor;

    public StoreReports(Co2Source source, Supplier<SchoolModel> school, Executor executor) {
        this.source = source;
        this.school = school;
        this.executor = executor;
    }

    private Site site(ReportRequest r) {
        return school.get().site(r.site()).orElseThrow(() -> new IllegalArgumentException("no site " + r.site()));
    }

    private static Predicate<RoomId> rooms(Site site, ReportRequest r) {
        return r.room() != null ? r.room()::equals : id -> true;
    }

    @Override
    public CompletableFuture<List<RoomReport>> load(ReportRequest r) {
        return CompletableFuture.supplyAsync(() -> {
            Site site = site(r);
            SchoolModel one = SchoolModel.singleSite(site);
            List<SchoolReport.SiteReport> sites = SchoolReport.of(one, source, r.from(), r.to(), rooms(site, r));
            return sites.isEmpty() ? List.<RoomReport>of() : sites.get(0).rooms();
        }, executor);
    }

    @Override
    public CompletableFuture<Path> export(ReportRequest r, String format, Path file, Locale locale) {
        return CompletableFuture.supplyAsync(() -> {
            Site site = site(r);
            SchoolModel one = SchoolModel.singleSite(site);
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            try {
                if (format.equals("csv")) {
                    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                        LessonCsv.header(w);
                        SchoolReport.forEachRoom(one, source, r.from(), r.to(), rooms(site, r), (s, room) -> {
                            try {
                                for (LessonStats l : room.lessons()) LessonCsv.row(l, s.calendar().zone(), w);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                    }
                } else {
                    var sites = SchoolReport.of(one, source, r.from(), r.to(), rooms(site, r));
                    var air = List.of(AirChangeReport.ofSite(site, source, r.from(), r.to(), rooms(site, r), 420));
                    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                        ReportPdf.write(sites, air, r.from(), r.to(), locale, o);
                    }
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, executor);
    }
}
