package org.frischluft.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.frischluft.live.LiveState;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.ui.UiFixtures;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.FxPump;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RejectionsViewModel;
import org.frischluft.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The overview's header shows how many messages were rejected; a click lists them with their reasons. */
@ExtendWith(ApplicationExtension.class)
class OverviewRejectionsTest {
    private final UiFixtures.MutableClock clock = UiFixtures.clock();
    private final Messages messages = Messages.forLocale(Locale.GERMAN);
    private final LiveState live = new LiveState();
    private FxPump pump;

    @Start
    void start(Stage stage) {
        var school = UiFixtures.school();
        var rooms = UiFixtures.viewModels(school, messages, clock);
        AppStatusViewModel status = new AppStatusViewModel(messages, clock);
        pump = new FxPump(live, SchoolCatalog.of(school, "test", clock), rooms, status, clock); // ticked by hand below
        Scene scene = new Scene(new OverviewView(new OverviewViewModel(rooms, status, messages)), 1366, 768);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void rejectionCountAppearsOnlyOnceSomethingWasRejectedAndOpensTheListWithReasons(FxRobot robot) {
        Button link = robot.lookup("#rejections-count").queryAs(Button.class);
        assertThat(link.isVisible()).isFalse();
        assertThat(robot.lookup("#rejections-panel").query().isVisible()).isFalse();

        live.putRejections(UiFixtures.rejections(clock.instant()));
        robot.interact(pump::tick);
        assertThat(link.isVisible()).isTrue();
        assertThat(link.getText()).isEqualTo("1\u202F204 abgelehnt");

        robot.clickOn("#rejections-count");
        Node panel = robot.lookup("#rejections-panel").query();
        assertThat(panel.isVisible()).isTrue();
        assertThat(robot.lookup("#rejections-counts .reason-chip").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("implausible-co2: 842", "malformed-json: 231", "no-decoder: 89", "unsupported-format: 42");
        @SuppressWarnings("unchecked")
        TableView<RejectionsViewModel.Row> table = robot.lookup("#rejections-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(40);
        assertThat(table.getItems().get(0).reason()).isEqualTo("implausible-co2: 65535 ppm");
        assertThat(table.getItems().get(0).topic()).endsWith("eui-a81758fffe0312ab/up");
        assertThat(table.getItems().get(0).time()).isEqualTo("10:41:40");
        assertThat(robot.lookup("#rejections-shown").queryAs(Label.class).getText()).isEqualTo("Die neuesten 40 von 1\u202F204 seit dem Start");
        // a rendered cell shows the reason, not only the model
        assertThat(robot.lookup("#rejections-table .table-cell").queryAllAs(javafx.scene.control.TableCell.class))
                .anySatisfy(c -> assertThat(c.getText()).isEqualTo("malformed-json: Unexpected end-of-input: expected close marker for Object"));

        robot.type(KeyCode.ESCAPE);
        assertThat(panel.isVisible()).isFalse();
        assertThat(table.getItems()).as("a closed panel holds nothing").isEmpty();
    }

    @Test
    void openListFollowsNewRejectionsAndClosesWithItsButton(FxRobot robot) {
        live.putRejections(UiFixtures.rejections(clock.instant()));
        robot.interact(pump::tick);
        robot.clickOn("#rejections-count");
        clock.advance(java.time.Duration.ofMinutes(1));
        var more = UiFixtures.rejections(clock.instant());
        var grown = new org.frischluft.model.RejectionSummary(more.total() + 1, more.counts(), more.recent());
        live.putRejections(grown);
        robot.interact(pump::tick);
        assertThat(robot.lookup("#rejections-count").queryAs(Button.class).getText()).isEqualTo("1\u202F205 abgelehnt");
        @SuppressWarnings("unchecked")
        TableView<RejectionsViewModel.Row> table = robot.lookup("#rejections-table").queryAs(TableView.class);
        assertThat(table.getItems().get(0).time()).isEqualTo("10:42:40");
        robot.clickOn("#rejections-close");
        assertThat(robot.lookup("#rejections-panel").query().isVisible()).isFalse();
    }
}
