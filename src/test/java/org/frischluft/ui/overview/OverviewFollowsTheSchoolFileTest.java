package org.frischluft.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.frischluft.live.LiveState;
import org.frischluft.model.Light;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.Building;
import org.frischluft.rooms.Floor;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolFileWatcher;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Site;
import org.frischluft.rooms.TestSchool;
import org.frischluft.rooms.file.SchoolFile;
import org.frischluft.ui.UiFixtures;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.FxPump;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModels;
import org.frischluft.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The overview of a running app follows its school file: a room added there gets a tile (showing what the
 * live state already knows of it), a renamed room its new name, a second building its own titled rows, and a
 * broken edit changes nothing on screen.
 */
@ExtendWith(ApplicationExtension.class)
class OverviewFollowsTheSchoolFileTest {
    @TempDir
    static Path dir;

    private final UiFixtures.MutableClock clock = UiFixtures.clock();
    private final LiveState live = new LiveState();
    private Path file;
    private SchoolCatalog catalog;
    private SchoolFileWatcher watcher;
    private FxPump pump;

    private static SchoolModel v1() {
        return TestSchool.site("s", "Schule am Park").room("r-1", "R 1", "EG", 0).room("r-2", "R 2", "EG", 0).model();
    }

    @Start
    void start(Stage stage) throws Exception {
        file = dir.resolve("school-" + System.nanoTime() + ".json");
        SchoolFile.write(v1(), file);
        catalog = SchoolCatalog.open(file, clock);
        watcher = SchoolFileWatcher.start(catalog, Duration.ofMillis(100));
        Messages messages = Messages.forLocale(Locale.GERMAN);
        RoomViewModels rooms = new RoomViewModels(catalog.model(), messages, clock);
        AppStatusViewModel status = new AppStatusViewModel(messages, clock);
        pump = new FxPump(live, catalog, rooms, status, clock);
        Scene scene = new Scene(new OverviewView(new OverviewViewModel(rooms, status, messages)), 1366, 768);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
        pump.start();
    }

    @AfterEach
    void stop() {
        watcher.close();
        pump.stop();
    }

    private static List<String> texts(FxRobot robot, String query) {
        return robot.lookup(query).queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void aRoomAddedToTheFileGetsATileWithWhatIsAlreadyKnownOfIt(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#tile-r-3").tryQuery()).isEmpty();
        // the ingest side already took the new version and published the room's first snapshot
        live.put(UiFixtures.snapshot(RoomId.of("r-3"), 2300, Light.RED, clock.instant()));
        SchoolFile.write(TestSchool.site("s", "Schule am Park").room("r-1", "R 1 — Chemie", "EG", 0)
                .room("r-2", "R 2", "EG", 0).room("r-3", "R 3", "1. OG", 1).model(), file);

        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#tile-r-3").tryQuery().isPresent());
        Node tile = robot.lookup("#tile-r-3").query();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(tile.getPseudoClassStates()).contains(Theme.ALARM));
        assertThat(texts(robot, ".floor-title")).containsExactly("EG", "1. OG");
        assertThat(robot.from(robot.lookup("#tile-r-1").<Node>query()).lookup(".tile-subtitle").queryAllAs(Label.class))
                .extracting(Label::getText).anyMatch(t -> t.contains("Chemie"));
    }

    @Test
    void aSecondBuildingGetsItsOwnTitledRowsAndARemovedRoomItsTileGone(FxRobot robot) throws Exception {
        Site site = TestSchool.site("s", "Schule am Park").room("r-1", "R 1", "EG", 0).siteOnly();
        Site two = new Site(site.id(), site.name(), site.calendar(), null, null, site.comfort(),
                List.of(new Building("alt", "Altbau", site.buildings().get(0).floors()),
                        new Building("neu", "Neubau", List.of(new Floor("EG", 0,
                                List.of(Room.of(RoomId.of("r-n1"), "N 1", 200, 28, List.of())))))), List.of());
        SchoolFile.write(SchoolModel.singleSite(two), file);
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#tile-r-n1").tryQuery().isPresent());
        assertThat(texts(robot, ".floor-title")).containsExactly("Altbau · EG", "Neubau · EG");
        assertThat(robot.lookup("#tile-r-2").tryQuery()).as("r-2 left the school").isEmpty();
    }

    @Test
    void aBrokenEditChangesNothingOnScreenButTheStatusLineSaysItWasNotUsed(FxRobot robot) throws Exception {
        java.nio.file.Files.writeString(file, "{\"sites\": [");
        await().atMost(Duration.ofSeconds(10)).until(() -> catalog.lastRefusal() != null);
        robot.interact(pump::tick);
        assertThat(robot.lookup("#tile-r-1").tryQuery()).isPresent();
        assertThat(robot.lookup("#tile-r-2").tryQuery()).isPresent();
        assertThat(catalog.current().number()).isEqualTo(1);
        Label status = robot.lookup("#connection-status").queryAs(Label.class);
        assertThat(status.isVisible()).isTrue();
        assertThat(status.getText()).isEqualTo("Schuldatei nicht übernommen: 1 Problem — Version 1 bleibt in Kraft. "
                + "Prüfen mit: frischluft config validate " + file);

        SchoolFile.write(v1(), file); // mended
        await().atMost(Duration.ofSeconds(10)).until(() -> catalog.lastRefusal() == null);
        robot.interact(pump::tick);
        assertThat(robot.lookup("#connection-status").queryAs(Label.class).isVisible()).isFalse();
    }
}
