package org.frischluft.ui.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.frischluft.report.RoomReport;

/**
 * The report view's query service (implemented in {@code app} over the history store, run on a {@code query-*}
 * thread): the view never touches the store.
 */
public interface ReportQuery {
    /** Every requested room's report, in the school file's order. */
    CompletableFuture<List<RoomReport>> load(ReportRequest request);

    /** Writes the lesson table ({@code csv}) or the printable report ({@code pdf}) to {@code file}; completes with it. */
    CompletableFuture<Path> export(ReportRequest request, String format, Path file, Locale locale);
}
