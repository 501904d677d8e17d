package org.frischluft.ui.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.frischluft.model.Light;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.ui.UiFixtures;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModels;
import org.frischluft.ui.common.Theme;
import org.frischluft.ui.overview.OverviewView;
import org.frischluft.ui.overview.OverviewViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The room detail inside the overview, with a history service that answers only when the test says so (on
 * the test thread, as a slow database would on a query thread) and results moved by {@code Platform.runLater}.
 */
@ExtendWith(ApplicationExtension.class)
class RoomDetailViewTest {
    private final UiFixtures.MutableClock clock = UiFixtures.clock();
    private final Messages messages = Messages.forLocale(Locale.GERMAN);
    private final FakeHistory history = new FakeHistory();
    private RoomDetailView detail;

    @Start
    void start(Stage stage) {
        SchoolModel school = UiFixtures.school();
        RoomViewModels rooms = UiFixtures.viewModels(school, messages, clock);
        RoomId r001 = RoomId.of("r-001");
        rooms.get(r001).apply(UiFixtures.snapshot(r001, 1340, Light.YELLOW, clock.instant()));
        AppStatusViewModel status = new AppStatusViewModel(messages, clock);
        detail = new RoomDetailView(new RoomDetailViewModel(history, () -> school, clock, messages, Platform::runLater));
        Scene scene = new Scene(new OverviewView(new OverviewViewModel(rooms, status, messages), detail), 1366, 768);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private void answerOffTheFxThread() {
        CompletableFuture.runAsync(history::answerLast).join();
    }

    @Test
    void clickingARoomTileOpensItsDetailWithNameValueAndAChartOfToday(FxRobot robot) {
        assertThat(robot.lookup("#room-detail").query().isVisible()).isFalse();
        robot.clickOn("#tile-r-001");
        assertThat(robot.lookup("#room-detail").query().isVisible()).isTrue();
        assertThat(text(robot, "#room-detail-name")).isEqualTo("Raum 001");
        assertThat(text(robot, "#room-detail-co2")).isEqualTo("1\u202F340 ppm");
        assertThat(text(robot, "#room-detail-state")).isEqualTo("Bald lüften");
        assertThat(history.loads).hasSize(1);
        assertThat(history.last().request().plan().range()).isEqualTo(Range.TODAY);
        assertThat(history.last().request().maxPoints()).as("about the chart's width").isBetween(200, 1366);

        answerOffTheFxThread();
        await().atMost(5, TimeUnit.SECONDS).until(() -> detail.chart().pointCount() > 0);
        robot.interact(() -> { });
        assertThat(detail.chart().pointCount()).isEqualTo(history.last().future().join().points().size());
        assertThat(text(robot, "#room-detail-summary")).isEqualTo("Heute 1 h 12 min über 1\u202F000 ppm");
        assertThat(robot.lookup("#room-detail-summary").query().getPseudoClassStates()).contains(Theme.ALARM);
        assertThat(robot.lookup("#room-detail-stats .stats-period").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("07–08 Uhr", "08–09 Uhr", "09–10 Uhr", "10–11 Uhr");
        assertThat(robot.lookup(".warn-band").query().getBoundsInLocal().getHeight()).as("the yellow band is drawn").isPositive();
    }

    @Test
    void switchingTheRangeLoadsThatRangeAgain(FxRobot robot) {
        robot.clickOn("#tile-r-001");
        answerOffTheFxThread();
        robot.clickOn("#range-week");
        assertThat(history.loads).hasSize(2);
        assertThat(history.last().request().plan().range()).isEqualTo(Range.WEEK);
        robot.clickOn("#range-month");
        assertThat(history.loads).hasSize(3);
        assertThat(history.last().request().plan().range()).isEqualTo(Range.MONTH);
        robot.clickOn("#range-month"); // a click on the selected range keeps it
        assertThat(history.loads).hasSize(3);
        assertThat(robot.lookup("#range-month").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void escapeClosesTheDetailAndTheFocusGoesBackToTheTile(FxRobot robot) {
        robot.clickOn("#tile-r-003");
        Node panel = robot.lookup("#room-detail").query();
        assertThat(panel.isVisible()).isTrue();
        robot.type(KeyCode.ESCAPE);
        assertThat(panel.isVisible()).isFalse();
        assertThat(robot.lookup("#tile-r-003").query().isFocused()).isTrue();
        answerOffTheFxThread(); // the late answer of a closed panel
        robot.interact(() -> { });
        assertThat(detail.viewModel().getData()).isNull();

        robot.type(KeyCode.ENTER); // the focused tile opens again from the keyboard
        assertThat(panel.isVisible()).isTrue();
        assertThat(history.loads).hasSize(2);
        robot.clickOn("#room-detail-close");
        assertThat(panel.isVisible()).isFalse();
    }

    @Test
    void aSlowHistoryNeverBlocksTheFxThread(FxRobot robot) throws Exception {
        robot.clickOn("#tile-r-001");
        assertThat(text(robot, "#room-detail-message")).isEqualTo("Lade Verlauf …");
        // the query is still running: the FX thread keeps working (ticks, clicks, range switches)
        for (int i = 0; i < 3; i++) {
            CompletableFuture<Boolean> ran = new CompletableFuture<>();
            Platform.runLater(() -> ran.complete(Platform.isFxApplicationThread()));
            assertThat(ran.get(2, TimeUnit.SECONDS)).isTrue();
        }
        robot.clickOn("#range-week");
        assertThat(history.loads).hasSize(2);
        assertThat(history.loads).allSatisfy(l -> assertThat(l.future()).isNotDone());
        // the slow first answer comes in late: it is dropped, the week's answer shows
        FakeHistory.Load first = history.loads.get(0);
        CompletableFuture.runAsync(() -> first.future().complete(FakeHistory.morning(first.request()))).join();
        answerOffTheFxThread();
        await().atMost(5, TimeUnit.SECONDS).until(() -> detail.viewModel().getData() != null);
        robot.interact(() -> { });
        assertThat(detail.viewModel().getData().request().plan().range()).isEqualTo(Range.WEEK);
        assertThat(detail.viewModel().dropped()).isEqualTo(1);
        assertThat(robot.lookup("#room-detail-message").query().isVisible()).isFalse();
    }

    @Test
    void aFailedQueryShowsAShortMessageInThePanel(FxRobot robot) {
        robot.clickOn("#tile-r-002");
        CompletableFuture.runAsync(() -> history.last().future().completeExceptionally(
                new IllegalStateException("history query failed: file locked"))).join();
        await().atMost(5, TimeUnit.SECONDS).until(() -> !detail.viewModel().isLoading());
        robot.interact(() -> { });
        assertThat(text(robot, "#room-detail-message")).isEqualTo("Verlauf nicht verfügbar: history query failed: file locked");
        assertThat(robot.lookup("#room-detail").query().isVisible()).isTrue();
    }

    @Test
    void onlyAnOpenDetailAsksAgainEveryMinute(FxRobot robot) {
        assertThat(RoomDetailView.REFRESH).isEqualTo(javafx.util.Duration.minutes(1));
        assertThat(detail.refreshing()).isFalse();
        robot.clickOn("#tile-r-001");
        assertThat(detail.refreshing()).isTrue();
        answerOffTheFxThread();
        robot.interact(() -> detail.viewModel().reload()); // what the timeline's key frame does
        assertThat(history.loads).hasSize(2);
        assertThat(Duration.between(history.loads.get(0).request().plan().from(), history.last().request().plan().from())).isZero();
        robot.type(KeyCode.ESCAPE);
        assertThat(detail.refreshing()).isFalse();
    }
}
