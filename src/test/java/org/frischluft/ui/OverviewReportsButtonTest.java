package org.frischluft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModels;
import org.frischluft.ui.common.Snapshots;
import org.frischluft.ui.common.Theme;
import org.frischluft.ui.overview.OverviewView;
import org.frischluft.ui.overview.OverviewViewModel;
import org.frischluft.ui.report.ReportView;
import org.frischluft.ui.report.ReportViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The overview's header button opens the reports over the rooms (the only change the report feature makes to the
 * overview); rendered at laptop size to check the header still fits ({@code -Dfrischluft.screenshots=DIR} keeps it).
 */
@ExtendWith(ApplicationExtension.class)
class OverviewReportsButtonTest {
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
    }

    @Test
    void theHeaderButtonOpensTheReportsOverTheRooms() throws Exception {
        String keep = System.getProperty("frischluft.screenshots");
        Path target = keep == null || keep.isBlank() ? dir : Path.of(keep);
        WaitForAsyncUtils.asyncFx(() -> {
            var school = org.frischluft.sim.DemoSchool.model();
            Messages messages = Messages.forLocale(Locale.GERMAN);
            java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-20T09:00:00Z"), java.time.ZoneOffset.UTC);
            ReportQuery query = new ReportQuery();
            ReportViewModel vm = new ReportViewModel(query, () -> school, clock, Locale.GERMAN, Runnable::run);
            ReportView reports = new ReportView(vm, (f, n) -> null);
            OverviewView overview = new OverviewView(new OverviewViewModel(new RoomViewModels(school, messages, clock),
                    new AppStatusViewModel(messages, clock), messages), null, reports);
            Scene scene = new Scene(overview, 1366, 768);
            Theme.apply(scene);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            Button open = (Button) scene.lookup("#open-reports");
            assertThat(open.getText()).isEqualTo("Berichte");
            assertThat(open.isVisible()).isTrue();
            Snapshots.toPng(scene, target.resolve("overview-reports-button-1366x768.png"));
            assertThat(reports.isVisible()).isFalse();
            open.fire();
            assertThat(reports.isVisible()).isTrue();
            assertThat(query.loads).isEqualTo(1);
            return null;
        }).get(1, TimeUnit.MINUTES);
    }

    /** Answers nothing (the report view's own test covers its numbers); counts the loads. */
    static final class ReportQuery implements org.frischluft.ui.report.ReportQuery {
        int loads;

        @Override
        public java.util.concurrent.CompletableFuture<java.util.List<org.frischluft.report.RoomReport>> load(
                org.frischluft.ui.report.ReportRequest request) {
            loads++;
            return java.util.concurrent.CompletableFuture.completedFuture(java.util.List.of());
        }

        @Override
        public java.util.concurrent.CompletableFuture<Path> export(org.frischluft.ui.report.ReportRequest request, String format,
                                                                   Path file, Locale locale) {
            return java.util.concurrent.CompletableFuture.completedFuture(file);
        }
    }
}
