package org.frischluft.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.frischluft.admin.VersionRows;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.file.SchoolFile;
import org.frischluft.store.Subject;
import org.frischluft.ui.common.Pin;
import org.frischluft.ui.common.UnplacedViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The admin's flows in the real admin area (headless): place a sensor that sends but is in no room — its stored
 * reading moves to the room — and undo it; edit a room with an invalid volume (Save disabled, the problem in words),
 * then a valid one (a new version, an audit row); switch the language; the PIN gate.
 */
@ExtendWith(ApplicationExtension.class)
class AdminViewTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    private AdminFixture f;
    private AdminView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void open(String pinHash, Path where) throws Exception {
        f = new AdminFixture(where, Locale.GERMAN, Platform::runLater);
        WaitForAsyncUtils.asyncFx(() -> {
            view = new AdminView(new AdminViewModel(f.editor, f.texts, pinHash, Platform::runLater), f.tabs(Platform::runLater));
            stage.setScene(new Scene(view, 1366, 768));
            stage.show();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() {
        if (f != null) f.close();
    }

    private void showTab(FxRobot robot, String name) {
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#admin-tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getId().equals("admin-tab-" + name)).findFirst().orElseThrow());
        });
    }

    @Test
    void anUnknownSensorIsPlacedInOneActionItsHistoryMovesWithItAndUndoTakesItBack(FxRobot robot, @TempDir Path where) throws Exception {
        open(null, where);
        DeviceId device = f.reading.device();
        robot.interact(() -> f.unplaced.apply(f.seenUnplaced()));
        showTab(robot, "unplaced");
        @SuppressWarnings("unchecked")
        TableView<UnplacedViewModel.Row> table = robot.lookup("#admin-unplaced-table").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(UnplacedViewModel.Row::device).containsExactly(device.value());
        assertThat(table.getItems().get(0).lastCo2()).isEqualTo("936 ppm");
        Button place = robot.lookup("#unplaced-place").queryAs(Button.class);
        assertThat(place.isDisabled()).as("nothing chosen yet").isTrue();

        @SuppressWarnings("unchecked")
        ComboBox<RoomChoice> room = robot.lookup("#unplaced-room").queryAs(ComboBox.class);
        robot.interact(() -> {
            table.getSelectionModel().select(0);
            room.setValue(room.getItems().stream().filter(r -> r.id().value().equals("r-102")).findFirst().orElseThrow());
        });
        assertThat(place.isDisabled()).isFalse();
        robot.clickOn(place);
        await().atMost(WAIT).until(() -> f.catalog.model().roomOf(device).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(f.catalog.model().roomOf(device)).contains(RoomId.of("r-102"));
        assertThat(SchoolFile.read(f.file).roomOf(device)).as("saved to the school file").contains(RoomId.of("r-102"));
        assertThat(table.getItems()).isEmpty();
        assertThat(robot.lookup("#unplaced-status").queryAs(Label.class).getText()).startsWith(device.value() + " ist jetzt in Physik");

        // the store follows the new version as app.PlacementSync does: the reading taken before now belongs to the room
        f.syncPlacements();
        Instant t = f.reading.time();
        assertThat(f.store.history().series(Subject.room(RoomId.of("r-102")), Metric.CO2, t.minusSeconds(60), t.plusSeconds(60), 100))
                .extracting(p -> p.value()).containsExactly(936.0);
        List<VersionRows.Audit> audit = f.editor.history().audit();
        assertThat(audit).extracting(VersionRows.Audit::what, VersionRows.Audit::now)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sensor " + device.value(), "Physik"));

        // undo, from the history tab
        showTab(robot, "history");
        Button undo = robot.lookup("#history-undo").queryAs(Button.class);
        await().atMost(WAIT).until(() -> !undo.isDisabled());
        robot.clickOn(undo);
        await().atMost(WAIT).until(() -> f.catalog.model().roomOf(device).isEmpty());
        assertThat(SchoolFile.read(f.file).roomOf(device)).isEmpty();
        await().atMost(WAIT).until(() -> f.editor.history().versions().size() == 3);
        assertThat(f.editor.history().versions().get(2).summary()).isEqualTo("undo of v2");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<HistoryPane.VersionRow> versions = robot.lookup("#history-versions").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> versions.getItems().size() == 3);
        assertThat(versions.getItems().get(0).summary()).isEqualTo("undo of v2");
    }

    @Test
    void anInvalidVolumeCannotBeSavedAndSaysWhyAValidOneIsANewAuditedVersion(FxRobot robot, @TempDir Path where) throws Exception {
        open(null, where);
        showTab(robot, "places");
        @SuppressWarnings("unchecked")
        TreeView<PlacesPane.Place> tree = robot.lookup("#places-tree").queryAs(TreeView.class);
        robot.interact(() -> {
            TreeItem<PlacesPane.Place> room = tree.getRoot().getChildren().get(0).getChildren().get(0).getChildren().get(0).getChildren().get(1);
            tree.getSelectionModel().select(room);
        });
        TextField volume = robot.lookup("#places-volume").queryAs(TextField.class);
        Button save = robot.lookup("#places-save").queryAs(Button.class);
        assertThat(volume.getText()).isEqualTo("180");
        assertThat(save.isDisabled()).as("nothing wrong, Save is there").isFalse();

        robot.interact(() -> volume.setText("viel"));
        assertThat(save.isDisabled()).as("invalid: Save disabled").isTrue();
        assertThat(robot.lookup("#places-volume-problem").queryAs(Label.class).getText())
                .startsWith("Volumen: Kubikmeter von 0 bis 100000");
        assertThat(robot.lookup("#places-problems").queryAs(Label.class).getText()).startsWith("1 Problem");
        robot.interact(() -> volume.setText("250000"));
        assertThat(save.isDisabled()).isTrue();

        robot.interact(() -> volume.setText("182,5"));
        assertThat(save.isDisabled()).isFalse();
        assertThat(robot.lookup("#places-volume-problem").queryAs(Label.class).getText()).isEmpty();
        robot.clickOn(save);
        await().atMost(WAIT).until(() -> f.catalog.model().room(RoomId.of("r-002")).orElseThrow().volumeM3() == 182.5);
        assertThat(SchoolFile.read(f.file).room(RoomId.of("r-002")).orElseThrow().volumeM3()).isEqualTo(182.5);
        await().atMost(WAIT).until(() -> f.editor.history().versions().size() == 2);
        assertThat(f.editor.history().audit(2)).extracting(VersionRows.Audit::what, VersionRows.Audit::old, VersionRows.Audit::now)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("site Gesamtschule Am Stadtpark / room Raum 002 / volume", "180", "182.5"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#places-status").queryAs(Label.class).getText()).isEqualTo("Als Version 2 gespeichert.");
    }

    @Test
    void theLanguageSwitchRelabelsTheTabsAndTheirTextsWithoutARestart(FxRobot robot, @TempDir Path where) throws Exception {
        open(null, where);
        TabPane tabs = robot.lookup("#admin-tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(javafx.scene.control.Tab::getText)
                .containsExactly("Orte", "Sensoren", "Gesehen, aber ohne Raum", "Verlauf");
        robot.clickOn("#admin-lang-en");
        assertThat(tabs.getTabs()).extracting(javafx.scene.control.Tab::getText)
                .containsExactly("Places", "Sensors", "Seen but not placed", "History");
        assertThat(robot.lookup("#admin-title").queryAs(Label.class).getText()).isEqualTo("Admin area");
        assertThat(robot.lookup("#places-save").queryAs(Button.class).getText()).isEqualTo("Save");
        assertThat(robot.lookup("#history-undo").queryAs(Button.class).getText()).isEqualTo("Undo last change");
        robot.clickOn("#admin-lang-de");
        assertThat(tabs.getTabs().get(0).getText()).isEqualTo("Orte");
        assertThat(robot.lookup("#places-save").queryAs(Button.class).getText()).isEqualTo("Speichern");
    }

    @Test
    void theAreaOpensOnlyWithTheAdminPin(FxRobot robot, @TempDir Path where) throws Exception {
        open(Pin.hash("4711".toCharArray()), where);
        assertThat(robot.lookup("#admin-gate").query().isVisible()).isTrue();
        assertThat(robot.lookup("#admin-tabs").query().isVisible()).isFalse();
        robot.clickOn("#admin-pin").write("1234");
        robot.clickOn("#admin-unlock");
        await().atMost(WAIT).until(() -> !robot.lookup("#admin-pin-message").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#admin-pin-message").queryAs(Label.class).getText()).isEqualTo("Falsche PIN. Bitte noch einmal.");
        assertThat(robot.lookup("#admin-tabs").query().isVisible()).isFalse();
        robot.clickOn("#admin-pin").write("4711");
        robot.clickOn("#admin-unlock");
        await().atMost(WAIT).until(() -> robot.lookup("#admin-tabs").query().isVisible());
        assertThat(robot.lookup("#admin-gate").query().isVisible()).isFalse();
    }

    @Test
    void aSensorMovesToAnotherRoomFromNowOn(FxRobot robot, @TempDir Path where) throws Exception {
        open(null, where);
        showTab(robot, "sensors");
        @SuppressWarnings("unchecked")
        TableView<SensorsPane.Row> table = robot.lookup("#sensors-table").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(SensorsPane.Row::device).containsExactly("a81758fffe05a3c1", "24e124136b298765");
        @SuppressWarnings("unchecked")
        ComboBox<RoomChoice> room = robot.lookup("#sensors-room-choice").queryAs(ComboBox.class);
        robot.interact(() -> {
            table.getSelectionModel().select(0);
            room.setValue(room.getItems().stream().filter(r -> r.id().value().equals("r-002")).findFirst().orElseThrow());
        });
        robot.clickOn("#sensors-move");
        DeviceId d = DeviceId.of("a81758fffe05a3c1");
        await().atMost(WAIT).until(() -> f.catalog.model().roomOf(d).equals(java.util.Optional.of(RoomId.of("r-002"))));
        assertThat(f.catalog.model().currentPlacements().get(d).since()).isEqualTo(f.clock.instant());
        assertThat(f.catalog.model().placements()).as("the old placement stays: the history before stays with Raum 001")
                .extracting(p -> p.room().value()).containsExactly("r-001", "r-002", "r-101");
    }
}
