package org.frischluft.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.TestSchool;
import org.frischluft.sim.DemoSchool;
import org.frischluft.ui.UiFixtures;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The overview as laid out by JavaFX: the demo school (27 rooms, 9 per floor on 3 floors) shows one row
 * per floor and nothing below the fold on a laptop and on full-HD screens; a school of 120 rooms scrolls.
 */
@ExtendWith(ApplicationExtension.class)
class OverviewFitsTheSchoolTest {
    private final Messages messages = Messages.forLocale(Locale.GERMAN);

    @Start
    void start(Stage stage) {
        // scenes are laid out without a window, as for the screenshots
    }

    private record Laid(Scene scene, OverviewView view) {
    }

    private Laid layOut(SchoolModel school, int width, int height, boolean demo) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            UiFixtures.MutableClock clock = UiFixtures.clock();
            var rooms = UiFixtures.viewModels(school, messages, clock);
            AppStatusViewModel status = new AppStatusViewModel(messages, clock);
            OverviewView view = new OverviewView(new OverviewViewModel(rooms, status, messages, demo));
            Scene scene = new Scene(view, width, height);
            Theme.apply(scene);
            for (int i = 0; i < 3; i++) { // the root font follows the size: lay out until it has settled
                view.applyCss();
                view.layout();
            }
            return new Laid(scene, view);
        }).get(30, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @CsvSource({"1366, 768", "1600, 900", "1920, 1080"})
    void demoSchoolShowsEveryFloorOnOneRowAndNothingBelowTheFold(int width, int height) throws Exception {
        Laid laid = layOut(DemoSchool.model(), width, height, true);
        List<FlowPane> floors = laid.scene().getRoot().lookupAll(".floor-rooms").stream().map(FlowPane.class::cast).toList();
        assertThat(floors).hasSize(3);
        for (FlowPane floor : floors) {
            assertThat(floor.getChildren()).hasSize(9);
            Set<Double> rows = floor.getChildren().stream().map(Node::getLayoutY).collect(Collectors.toSet());
            assertThat(rows).as(floor.getId() + " at " + width + "x" + height).hasSize(1);
            for (Node tile : floor.getChildren()) {
                Bounds b = tile.localToScene(tile.getLayoutBounds());
                assertThat(b.getMaxX()).as(tile.getId() + " right edge").isLessThanOrEqualTo(width);
                assertThat(b.getMaxY()).as(tile.getId() + " bottom edge").isLessThanOrEqualTo(height);
            }
        }
        ScrollPane scroll = (ScrollPane) laid.scene().lookup(".scroll-pane");
        assertThat(scroll.getContent().getLayoutBounds().getHeight()).isLessThanOrEqualTo(scroll.getViewportBounds().getHeight());
        assertThat(laid.view().fit().fontPx()).isBetween(OverviewFit.MIN_FONT_PX, OverviewFit.MAX_FONT_PX);
        // the header keeps the clock and the demo badge on screen
        for (String id : List.of("#overview-clock", "#demo-badge")) {
            Node n = laid.scene().lookup(id);
            assertThat(n.localToScene(n.getLayoutBounds()).getMaxX()).as(id).isLessThanOrEqualTo(width);
        }
        assertThat(((Label) laid.scene().lookup("#demo-badge")).getText()).isEqualTo("Demo — simulierte Schule");
        assertThat(((Label) laid.scene().lookup("#overview-clock")).getText()).isEqualTo("10:42");
    }

    @Test
    void aSchoolOfAHundredAndTwentyRoomsWrapsAndScrolls() throws Exception {
        TestSchool school = TestSchool.site("big", "Großes Schulzentrum");
        for (int f = 0; f < 4; f++) {
            for (int r = 0; r < 30; r++) {
                school.room(String.format("r-%d%02d", f, r), String.format("R %d%02d — Kurs", f, r), f + ". OG", f);
            }
        }
        SchoolModel big = school.model();
        Laid laid = layOut(big, 1920, 1080, false);
        assertThat(laid.view().fit().fits()).isFalse();
        FlowPane first = (FlowPane) laid.scene().getRoot().lookupAll(".floor-rooms").iterator().next();
        assertThat(first.getChildren().stream().map(Node::getLayoutY).distinct().count()).isGreaterThan(1);
        ScrollPane scroll = (ScrollPane) laid.scene().lookup(".scroll-pane");
        assertThat(scroll.getContent().getLayoutBounds().getHeight()).isGreaterThan(scroll.getViewportBounds().getHeight());
        assertThat(laid.scene().lookup("#demo-badge")).as("a real school has no demo badge").isNull();
    }
}
