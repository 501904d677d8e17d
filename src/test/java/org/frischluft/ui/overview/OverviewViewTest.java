package org.frischluft.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.frischluft.model.Light;
import org.frischluft.model.LinkStatus;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.ui.UiFixtures;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModels;
import org.frischluft.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class OverviewViewTest {
    private final UiFixtures.MutableClock clock = UiFixtures.clock();
    private final Messages messages = Messages.forLocale(Locale.GERMAN);
    private final SchoolModel school = UiFixtures.school();
    private RoomViewModels rooms;
    private AppStatusViewModel status;

    @Start
    void start(Stage stage) {
        rooms = UiFixtures.viewModels(school, messages, clock);
        status = new AppStatusViewModel(messages, clock);
        // in the order the fixture lists them (top floor first): 3 red, 5 yellow, 14 green, 2 without data
        List<Room> all = new java.util.ArrayList<>(school.rooms());
        all.sort(java.util.Comparator.comparing((Room r) -> r.id().value().charAt(2)).reversed());
        for (int i = 0; i < all.size(); i++) {
            Light light = i < 3 ? Light.RED : i < 8 ? Light.YELLOW : i < 22 ? Light.GREEN : null;
            if (light != null) {
                double co2 = light == Light.RED ? 2200 : light == Light.YELLOW ? 1300 : 700;
                rooms.get(all.get(i).id()).apply(UiFixtures.snapshot(all.get(i).id(), co2, light, clock.instant()));
            }
        }
        Scene scene = new Scene(new OverviewView(new OverviewViewModel(rooms, status, messages)), 1280, 800);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void headerCountsEveryStateOfAMixedSchool(FxRobot robot) {
        assertThat(text(robot, "#count-red")).isEqualTo("3 rot");
        assertThat(text(robot, "#count-yellow")).isEqualTo("5 gelb");
        assertThat(text(robot, "#count-green")).isEqualTo("14 grün");
        assertThat(text(robot, "#count-grey")).isEqualTo("2 ohne Daten");
        assertThat(robot.lookup("#count-blue").query().isVisible()).isFalse();
    }

    @Test
    void roomsAreGroupedByFloorInFloorOrderEachTileWithItsStateInWords(FxRobot robot) {
        List<String> floorTitles = robot.lookup(".floor-title").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(floorTitles).containsExactly("Erdgeschoss", "1. Obergeschoss", "2. Obergeschoss");
        FlowPane ground = robot.lookup("#floor-Erdgeschoss").queryAs(FlowPane.class);
        assertThat(ground.getChildren()).extracting(Node::getId)
                .containsExactly("tile-r-001", "tile-r-002", "tile-r-003", "tile-r-004", "tile-r-005", "tile-r-006", "tile-r-007", "tile-r-008");
        // the school lists the top floor first: its first three rooms are red
        Node red = robot.lookup("#tile-r-201").query();
        assertThat(red.getPseudoClassStates()).contains(Theme.ALARM);
        assertThat(robot.from(red).lookup(".tile-state").queryAs(Label.class).getText()).isEqualTo("Jetzt lüften!");
        assertThat(robot.from(red).lookup(".tile-co2").queryAs(Label.class).getText()).isEqualTo("2\u202F200");
        Node stale = robot.lookup("#tile-r-008").query();
        assertThat(stale.getPseudoClassStates()).contains(Theme.STALE);
        assertThat(robot.from(stale).lookup(".tile-state").queryAs(Label.class).getText()).isEqualTo("Keine Daten");
    }

    @Test
    void countsAndTilesFollowNewSnapshots(FxRobot robot) {
        RoomId room = RoomId.of("r-001");
        robot.interact(() -> rooms.get(room).apply(UiFixtures.snapshot(room, 2400, Light.RED, clock.instant())));
        assertThat(text(robot, "#count-red")).isEqualTo("4 rot");
        assertThat(robot.lookup("#tile-r-001").query().getPseudoClassStates()).contains(Theme.ALARM);
    }

    @Test
    void lostConnectionReplacesConnectedInTheHeader(FxRobot robot) {
        assertThat(robot.lookup("#connection-ok").query().isVisible()).isTrue();
        robot.interact(() -> {
            status.applyLink(new LinkStatus("tcp://b", LinkStatus.State.DISCONNECTED, clock.instant(), ""));
            status.tick(clock.instant().plusSeconds(125));
        });
        assertThat(robot.lookup("#connection-ok").query().isVisible()).isFalse();
        assertThat(text(robot, "#connection-status")).isEqualTo("Keine Verbindung zum Server — letzter Stand vor 2 min");
    }

    @Test
    void aTileWithAPendingChangeShowsItsDirectionUnderTheValueInPlaceOfTheClimateLine(FxRobot robot) {
        RoomId room = RoomId.of("r-001");
        Node tile = robot.lookup("#tile-r-001").query();
        assertThat(robot.from(tile).lookup(".tile-trend").query().isVisible()).isFalse();
        assertThat(robot.from(tile).lookup(".tile-climate").query().isVisible()).isTrue();
        robot.interact(() -> rooms.get(room).apply(UiFixtures.snapshot(room, 1046, Light.GREEN, null, java.util.Set.of(),
                clock.instant(), java.time.Duration.ofMinutes(1), org.frischluft.model.Trend.RISING)));
        Label trend = robot.from(tile).lookup(".tile-trend").queryAs(Label.class);
        assertThat(trend.isVisible()).isTrue();
        assertThat(trend.getText()).isEqualTo("steigt");
        assertThat(robot.from(tile).lookup(".tile-state").queryAs(Label.class).getText()).isEqualTo("Gute Luft");
        assertThat(robot.from(tile).lookup(".tile-climate").query().isVisible()).isFalse();
        robot.interact(() -> tile.getParent().layout());
        // nothing leaves the tile
        javafx.geometry.Bounds inTile = tile.sceneToLocal(trend.localToScene(trend.getLayoutBounds()));
        assertThat(inTile.getMaxX()).isLessThanOrEqualTo(tile.getLayoutBounds().getWidth());
        assertThat(inTile.getMaxY()).isLessThanOrEqualTo(tile.getLayoutBounds().getHeight());
        robot.interact(() -> rooms.get(room).apply(UiFixtures.snapshot(room, 1052, Light.YELLOW, clock.instant())));
        assertThat(robot.from(tile).lookup(".tile-trend").query().isVisible()).isFalse();
        assertThat(robot.from(tile).lookup(".tile-climate").query().isVisible()).isTrue();
    }
}
