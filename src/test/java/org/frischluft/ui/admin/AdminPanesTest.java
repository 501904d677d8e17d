package org.frischluft.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.admin.broker.ConnectionTest;
import org.frischluft.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The 10b admin tabs under Monocle, driven as the admin would: edit a profile (a wrong value is said beside its field
 * and Save stays off), import a CSV with errors (every bad line listed, nothing changed), test a broker connection over
 * the real Mosquitto (each step shown, the verdict in words), and the language switch.
 */
@ExtendWith(ApplicationExtension.class)
class AdminPanesTest {
    @TempDir
    Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void show(Node pane) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = new Scene((javafx.scene.Parent) pane, 1366, 768);
            Theme.apply(scene);
            stage.setScene(scene);
            stage.show();
            stage.toFront();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void replace(FxRobot robot, String query, String text) {
        TextField f = robot.lookup(query).queryAs(TextField.class);
        robot.interact(() -> {
            f.requestFocus();
            f.selectAll();
        });
        robot.clickOn(query);
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.type(KeyCode.BACK_SPACE);
        if (!text.isEmpty()) robot.write(text);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    @Test
    void editingAProfileSaysWhatIsWrongBesideTheFieldAndSavesOnlyWhenRight(FxRobot robot) throws Exception {
        SchoolEditor editor = AdminFixtures.editor(dir);
        AdminFixtures.Language lang = new AdminFixtures.Language(Locale.ENGLISH);
        ProfilesPane pane = WaitForAsyncUtils.asyncFx(() -> new ProfilesPane(editor, DayHistory.NONE, lang)).get(10, TimeUnit.SECONDS);
        show(pane);
        assertThat(robot.lookup("#profile-yellow").queryAs(TextField.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#profile-read-only").query().isVisible()).isTrue();
        robot.clickOn("#profile-copy");
        assertThat(robot.lookup("#profile-yellow").queryAs(TextField.class).isDisabled()).isFalse();
        replace(robot, "#profile-id", "streng");
        replace(robot, "#profile-yellow", "gross");
        assertThat(robot.lookup("#problem-yellow").query().isVisible()).isTrue();
        assertThat(text(robot, "#problem-yellow")).isEqualTo("\"gross\" is not a number from 400 to 10000.");
        assertThat(robot.lookup("#profile-save").queryButton().isDisabled()).isTrue();
        replace(robot, "#profile-yellow", "900");
        replace(robot, "#profile-red", "800");
        assertThat(text(robot, "#problem-red")).isEqualTo("Red must start above yellow (900 ppm).");
        assertThat(robot.lookup("#problem-yellow").query().isVisible()).isFalse();
        assertThat(robot.lookup("#profile-save").queryButton().isDisabled()).isTrue();
        replace(robot, "#profile-red", "1500");
        assertThat(robot.lookup("#problem-red").query().isVisible()).isFalse();
        assertThat(robot.lookup("#profile-save").queryButton().isDisabled()).isFalse();
        robot.clickOn("#profile-save");
        assertThat(editor.current().number()).isEqualTo(2);
        assertThat(editor.current().model().profile("streng").orElseThrow().redFrom()).isEqualTo(1500);
        assertThat(text(robot, "#profile-status")).isEqualTo("Saved as version 2.");
        assertThat(robot.lookup("#profile-list").queryListView().getItems()).hasSize(4);
        assertThat(Files.readString(editor.catalog().file())).contains("\"streng\"");
    }

    @Test
    void importingACsvWithErrorsListsEveryBadLineAndChangesNothing(FxRobot robot) throws Exception {
        SchoolEditor editor = AdminFixtures.editor(dir);
        String before = Files.readString(editor.catalog().file());
        Path rooms = Files.writeString(dir.resolve("rooms.csv"), ImportViewModelTest.BAD);
        ImportPane pane = WaitForAsyncUtils.asyncFx(() -> new ImportPane(editor, new AdminFixtures.Language(Locale.ENGLISH)))
                .get(10, TimeUnit.SECONDS);
        show(pane);
        assertThat(robot.lookup("#import-check").queryButton().isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#import-rooms").queryAs(TextField.class).setText(rooms.toString()));
        robot.clickOn("#import-check");
        ListView<String> problems = robot.lookup("#import-problems").queryListView();
        assertThat(problems.getItems()).hasSize(3).contains("rooms.csv:3: volume \"gross\" is not a number");
        assertThat(robot.lookup("#import-apply").queryButton().isDisabled()).isTrue();
        assertThat(text(robot, "#import-status")).startsWith("Nothing changed: 3 error(s).");
        assertThat(editor.current().number()).isEqualTo(1);
        assertThat(Files.readString(editor.catalog().file())).isEqualTo(before);
        // corrected in the spreadsheet: checked again, then imported
        Files.writeString(rooms, "Gebäude;Etage;Raum;Volumen (m³);Plätze\nNeubau;EG;N 001;180;28\nNeubau;EG;N 002;190;28\n");
        robot.clickOn("#import-check");
        assertThat(problems.getItems()).isEmpty();
        assertThat(robot.lookup("#import-apply").queryButton().isDisabled()).isFalse();
        robot.clickOn("#import-apply");
        assertThat(editor.current().number()).isEqualTo(2);
        assertThat(text(robot, "#import-status")).startsWith("Imported as version 2: 2 rooms added");
    }

    private static void assumeMosquitto() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 1883), 500);
        } catch (java.io.IOException e) {
            assumeTrue(false, "no Mosquitto at 127.0.0.1:1883");
        }
    }

    @Test
    void testingABrokerShowsEachStepOverTheRealMosquittoAndWhichStepFails(FxRobot robot) throws Exception {
        assumeMosquitto();
        Path settings = Files.writeString(dir.resolve("frischluft.properties"),
                "school = school.json\nbroker.local.url = tcp://127.0.0.1:1883\nbroker.local.topics = frischluft-test/admin-10b/#\n");
        ConnectionTest connection = new ConnectionTest(Duration.ofSeconds(1), Duration.ofSeconds(5), Clock.systemUTC());
        var executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "query-broker-test");
            t.setDaemon(true);
            return t;
        });
        try {
            SchoolEditor editor = AdminFixtures.editor(dir);
            BrokersPane pane = WaitForAsyncUtils.asyncFx(() -> new BrokersPane(editor, settings,
                    new AdminFixtures.Language(Locale.ENGLISH), connection, executor)).get(10, TimeUnit.SECONDS);
            show(pane);
            robot.clickOn("#broker-test");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#broker-verdict").equals("Every step passed."));
            VBox steps = robot.lookup("#broker-steps").queryAs(VBox.class);
            assertThat(steps.getChildren()).hasSize(6);
            assertThat(((Label) ((javafx.scene.layout.HBox) robot.lookup("#step-tcp").query()).getChildren().get(1)).getText())
                    .startsWith("TCP connection").endsWith("connected to 127.0.0.1 port 1883");
            assertThat(((Label) ((javafx.scene.layout.HBox) robot.lookup("#step-messages").query()).getChildren().get(1)).getText())
                    .contains("no message in 1 s (frischluft-test/admin-10b/#: 0)");

            // a port where nothing listens: the TCP step fails, in words, and the rest is not tried
            replace(robot, "#broker-url", "tcp://127.0.0.1:1");
            robot.clickOn("#broker-test");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#broker-verdict").startsWith("Failed at"));
            assertThat(text(robot, "#broker-verdict")).isEqualTo("Failed at: TCP connection. The steps after it were not tried.");
            assertThat(((Label) ((javafx.scene.layout.HBox) robot.lookup("#step-tcp").query()).getChildren().get(1)).getText())
                    .contains("nothing answers at 127.0.0.1 port 1");
            // the unsaved change can be saved; the file's other line stays
            robot.clickOn("#broker-save");
            assertThat(Files.readString(settings)).contains("school = school.json", "broker.local.url = tcp://127.0.0.1:1");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aLanguageSwitchRelabelsEveryTabWithoutARestart(FxRobot robot) throws Exception {
        SchoolEditor editor = AdminFixtures.editor(dir);
        AdminFixtures.Language lang = new AdminFixtures.Language(Locale.GERMAN);
        Path settings = dir.resolve("frischluft.properties");
        var tabs = WaitForAsyncUtils.asyncFx(() -> java.util.List.<AdminTab>of(new ProfilesPane(editor, DayHistory.NONE, lang),
                new CalendarPane(editor, lang), new ImportPane(editor, lang),
                new BrokersPane(editor, settings, lang, null, Runnable::run))).get(10, TimeUnit.SECONDS);
        javafx.scene.control.TabPane pane = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.control.TabPane p = new javafx.scene.control.TabPane();
            for (AdminTab t : tabs) p.getTabs().add(new javafx.scene.control.Tab(lang.get().get("admin.tab." + t.name()), t.node()));
            return p;
        }).get(10, TimeUnit.SECONDS);
        show(pane);
        assertThat(tabs).extracting(AdminTab::name).containsExactly("profiles", "calendar", "import", "brokers");
        assertThat(robot.lookup("#profile-copy").queryButton().getText()).isEqualTo("Kopieren zum Bearbeiten");
        assertThat(((Button) tabs.get(2).node().lookup("#import-check")).getText()).isEqualTo("Prüfen");
        robot.interact(() -> {
            lang.set(Locale.ENGLISH);
            tabs.forEach(AdminTab::relabel);
        });
        assertThat(robot.lookup("#profile-copy").queryButton().getText()).isEqualTo("Copy to edit");
        assertThat(((Button) tabs.get(1).node().lookup("#calendar-save")).getText()).isEqualTo("Save");
        assertThat(((Button) tabs.get(2).node().lookup("#import-check")).getText()).isEqualTo("Check");
        assertThat(((Button) tabs.get(3).node().lookup("#broker-test")).getText()).isEqualTo("Test connection");
    }
}
