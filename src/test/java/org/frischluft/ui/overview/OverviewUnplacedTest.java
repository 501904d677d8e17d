package org.frischluft.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.frischluft.live.LiveState;
import org.frischluft.live.Unplaced;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.ui.UiFixtures;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.FxPump;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.Theme;
import org.frischluft.ui.common.UnplacedViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A sensor that sends but is in no room of the school file shows in the overview's header ("1 Sensoren ohne Raum");
 * a click lists it with its last reading and the model read from its bytes — the ingest side's list, through the
 * live state and the FX pump, as in the app.
 */
@ExtendWith(ApplicationExtension.class)
class OverviewUnplacedTest {
    private final UiFixtures.MutableClock clock = UiFixtures.clock();
    private final Messages messages = Messages.forLocale(Locale.GERMAN);
    private final LiveState live = new LiveState();
    private SchoolModel school;
    private FxPump pump;

    @Start
    void start(Stage stage) {
        school = org.frischluft.rooms.TestSchool.site("demo", "Gesamtschule Am Stadtpark")
                .room("r-001", "Raum 001", "Erdgeschoss", 0).sensor("a81758fffe05a3c1", org.frischluft.model.SensorModel.ELSYS_ERS_CO2, null)
                .room("r-002", "Raum 002", "Erdgeschoss", 0).model();
        var rooms = UiFixtures.viewModels(school, messages, clock);
        AppStatusViewModel status = new AppStatusViewModel(messages, clock);
        pump = new FxPump(live, SchoolCatalog.of(school, "test", clock), rooms, status, clock); // ticked by hand below
        Scene scene = new Scene(new OverviewView(new OverviewViewModel(rooms, status, messages)), 1366, 768);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aSensorInNoRoomAppearsInTheHeaderAndItsListShowsItsLastReadingAndInferredModel(FxRobot robot) {
        Button link = robot.lookup("#unplaced-count").queryAs(Button.class);
        Unplaced unplaced = new Unplaced(school, List.of(), live::putUnplaced);
        unplaced.tick(clock.instant());
        robot.interact(pump::tick);
        assertThat(link.isVisible()).as("every sensor placed: no link").isFalse();

        // a placed sensor's reading does not count; an unknown device's does
        String placed = "a81758fffe05a3c1";
        unplaced.onReadings(List.of(
                Reading.of(DeviceId.of(placed), clock.instant(), 700.0, null, null),
                Reading.of(DeviceId.of("24e124707c481005"), clock.instant().minusSeconds(20), 1180.0, 22.0, 35.0)
                        .withModel("milesight-am319", "frame")));
        unplaced.tick(clock.instant());
        robot.interact(pump::tick);
        assertThat(link.isVisible()).isTrue();
        assertThat(link.getText()).isEqualTo("1 Sensor ohne Raum");

        robot.interact(link::fire); // what a click does (the header button sits at the right edge of the title row)
        Node panel = robot.lookup("#unplaced-panel").query();
        assertThat(panel.isVisible()).isTrue();
        @SuppressWarnings("unchecked")
        TableView<UnplacedViewModel.Row> table = robot.lookup("#unplaced-table").queryAs(TableView.class);
        assertThat(table.getItems()).containsExactly(new UnplacedViewModel.Row("24e124707c481005", "10:41:40", "1\u202F180 ppm",
                "milesight-am319 (an seinen Bytes erkannt – bitte bestätigen)"));
        assertThat(robot.lookup("#unplaced-shown").queryAs(Label.class).getText()).isEqualTo("Alle 1");

        // while open it follows the ingest side: a second device arrives, newest first
        clock.advance(Duration.ofMinutes(1));
        unplaced.onReadings(List.of(Reading.of(DeviceId.of("ampel-werkraum"), clock.instant(), 905.0, null, null)));
        unplaced.tick(clock.instant());
        robot.interact(pump::tick);
        assertThat(table.getItems()).extracting(UnplacedViewModel.Row::device).containsExactly("ampel-werkraum", "24e124707c481005");
        assertThat(table.getItems().get(0).model()).isEqualTo("vom Netz oder Sensor entschlüsselt");
        assertThat(link.getText()).isEqualTo("2 Sensoren ohne Raum");

        robot.type(KeyCode.ESCAPE);
        assertThat(panel.isVisible()).isFalse();
        assertThat(table.getItems()).as("a closed panel holds nothing").isEmpty();
    }
}
