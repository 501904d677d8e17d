package org.frischluft.ui.city;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.frischluft.model.Light;
import org.frischluft.model.RoomId;
import org.frischluft.model.RoomSnapshot;
import org.frischluft.rooms.Room;
import org.frischluft.ui.common.FxPump;
import org.frischluft.ui.common.RoomOpener;
import org.frischluft.ui.common.RoomViewModel;
import org.frischluft.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The city view at 70 sites (3,010 rooms) in a 1280×800 window. */
@ExtendWith(ApplicationExtension.class)
class CityViewTest {
    private CityFixture city;
    private final List<RoomId> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        city = new CityFixture(70, Locale.GERMAN);
        StackPane detailNode = new StackPane();
        detailNode.setVisible(false);
        RoomOpener detail = new RoomOpener() {
            @Override
            public void open(RoomViewModel room, Node from) {
                opened.add(room.id());
            }

            @Override
            public Node node() {
                return detailNode;
            }
        };
        Scene scene = new Scene(new CityView(city.vm, detail), 1280, 800);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static Set<Node> visible(FxRobot robot, String query) {
        Set<Node> out = new HashSet<>();
        for (Node n : robot.lookup(query).queryAll()) if (n.isVisible() && n.getScene() != null && shown(n)) out.add(n);
        return out;
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    @Test
    void sitesAreSortedByAttentionTheRedSiteOnTop(FxRobot robot) {
        List<SiteSummary> sites = city.vm.sites();
        assertThat(sites).hasSize(70);
        assertThat(sites.get(0).id().value()).isEqualTo("s05-schule");
        assertThat(sites.get(0).red()).isGreaterThanOrEqualTo(9);
        for (int i = 1; i < sites.size(); i++) assertThat(sites.get(i - 1).red()).isGreaterThanOrEqualTo(sites.get(i).red());
        Node first = robot.lookup("#city-site-s05-schule").query();
        assertThat(robot.from(first).lookup(".city-card-name").queryAs(Label.class).getText()).isEqualTo(sites.get(0).name());
        assertThat(robot.from(first).lookup(".city-site-card").query().getPseudoClassStates()).contains(Theme.ALARM);
        assertThat(robot.from(first).lookup(".city-card-worst").queryAs(Label.class).getText()).startsWith("Schlechtester Raum: ").endsWith("ppm");
        assertThat(first.localToScene(0, 0).getY()).isLessThan(250);
    }

    @Test
    void aClickOnASiteShowsItsBuildingsAndRoomsAndEscapeOrBackReturns(FxRobot robot) {
        robot.clickOn("#city-site-s05-schule");
        assertThat(city.vm.page()).isEqualTo(CityViewModel.Page.SITE);
        assertThat(robot.lookup("#city-site-title").queryAs(Label.class).getText()).isEqualTo(city.vm.site().name());
        List<String> floors = robot.lookup(".floor-title").queryAllAs(Label.class).stream().filter(CityViewTest::shown)
                .map(Label::getText).toList();
        assertThat(floors).contains("Hauptgebäude · EG", "Hauptgebäude · 1. OG");
        assertThat(visible(robot, "#city-tile-s05-r-001")).hasSize(1);
        robot.type(KeyCode.ESCAPE);
        assertThat(city.vm.page()).isEqualTo(CityViewModel.Page.CITY);
        robot.clickOn("#city-site-s05-schule");
        robot.clickOn("#city-back");
        assertThat(city.vm.page()).isEqualTo(CityViewModel.Page.CITY);
        assertThat(city.rooms.all()).as("no room view model outlives the drill-down").isEmpty();
    }

    @Test
    void theSearchJumpsToARoomAndOpensIt(FxRobot robot) {
        robot.clickOn("#city-search").write("s12-r-110");
        assertThat(city.vm.page()).isEqualTo(CityViewModel.Page.SEARCH);
        assertThat(city.vm.hits()).extracting(CityViewModel.Hit::room).containsExactly(RoomId.of("s12-r-110"));
        robot.type(KeyCode.ENTER);
        assertThat(city.vm.page()).isEqualTo(CityViewModel.Page.SITE);
        assertThat(city.vm.site().id().value()).isEqualTo("s12-schule");
        assertThat(visible(robot, "#city-tile-s12-r-110")).hasSize(1);
        assertThat(opened).containsExactly(RoomId.of("s12-r-110"));
    }

    @Test
    void theSearchFindsSitesByName(FxRobot robot) {
        robot.clickOn("#city-search").write("Moisling");
        assertThat(city.vm.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.kind()).isEqualTo(CityViewModel.Hit.Kind.SITE));
        robot.clickOn("#city-hit-" + city.vm.hits().get(0).site().value());
        assertThat(city.vm.page()).isEqualTo(CityViewModel.Page.SITE);
        assertThat(city.vm.site().name()).contains("Moisling");
    }

    @Test
    void problemsOnlyListsEveryRedAndSilentRoomAcrossTheSitesMostUrgentFirst(FxRobot robot) {
        robot.clickOn("#city-problems");
        assertThat(city.vm.page()).isEqualTo(CityViewModel.Page.PROBLEMS);
        List<RoomRef> problems = city.vm.problems();
        long reds = city.school.rooms().stream().filter(r -> city.live.room(r.id()).map(s -> s.light() == Light.RED).orElse(false)).count();
        assertThat(problems.stream().filter(p -> p.light() == Light.RED).count()).isEqualTo(reds);
        assertThat(problems).allSatisfy(p -> assertThat(p.light()).isIn(Light.RED, Light.GREY));
        assertThat(problems.stream().map(RoomRef::site).distinct().count()).isGreaterThan(20);
        assertThat(problems.get(0).light()).isEqualTo(Light.RED);
        assertThat(problems.get(problems.size() - 1).light()).isEqualTo(Light.GREY);
        Node top = robot.lookup("#city-line-" + problems.get(0).id().value()).query();
        assertThat(robot.from(top).lookup(".city-line-state").queryAs(Label.class).getText()).isEqualTo("Jetzt lüften!");
        robot.clickOn(top);
        assertThat(opened).containsExactly(problems.get(0).id());
        robot.type(KeyCode.ESCAPE);
        assertThat(city.vm.page()).isEqualTo(CityViewModel.Page.CITY);
    }

    @Test
    void atThreeThousandRoomsOnlyTheVisibleCellsExist(FxRobot robot) {
        assertThat(city.school.rooms()).hasSizeGreaterThan(3000);
        int cards = robot.lookup(".city-site-card").queryAll().size();
        assertThat(cards).as("site cards made for 70 sites").isBetween(5, 25);
        robot.clickOn("#city-problems");
        assertThat(city.vm.problems()).hasSizeGreaterThan(100);
        assertThat(robot.lookup(".city-room-line").queryAll().size()).as("problem lines made").isBetween(5, 30);
        assertThat(city.rooms.all()).as("room view models while the problems show").hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void thePumpTouchesOnlyTheRoomsOnScreen(FxRobot robot) {
        robot.clickOn("#city-site-s05-schule");
        int held = city.rooms.all().size();
        int tiles = visible(robot, ".city-tile").size();
        assertThat(held).as("view models = tiles on screen").isEqualTo(tiles).isBetween(8, 43);
        FxPump pump = new FxPump(city.live, city.catalog, city.rooms, city.status, city.clock);
        // every room of the city changes
        for (Room r : city.school.rooms()) {
            RoomSnapshot s = city.live.room(r.id()).orElse(CityFixture.snapshot(r, 1, city.clock.instant()));
            city.live.put(new RoomSnapshot(r.id(), s.device(), (s.co2() == null ? 600 : s.co2()) + 1, s.temperature(), s.humidity(),
                    s.batteryPct(), s.lastReading(), s.assessment()));
        }
        WaitForAsyncUtils.asyncFx(pump::tick);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pump.applied()).as("snapshots applied on the FX thread of 3,010 changed").isEqualTo(held);
        assertThat(pump.unknownRooms()).isZero();
        pump.stop();
    }
}
