package org.frischluft.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.frischluft.live.LiveState;
import org.frischluft.model.Light;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.ui.UiFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The running pump: a snapshot put on another thread reaches its view model on the FX thread. */
@ExtendWith(ApplicationExtension.class)
class FxPumpOnFxThreadTest {
    private final Messages messages = Messages.forLocale(Locale.GERMAN);
    private final SchoolModel school = UiFixtures.school();
    private final Clock clock = Clock.systemUTC();
    private final RoomViewModels rooms = UiFixtures.viewModels(school, messages, clock);
    private final LiveState live = new LiveState();
    private final FxPump pump = new FxPump(live, SchoolCatalog.of(school, "test", clock), rooms, new AppStatusViewModel(messages, clock), clock);

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @AfterEach
    void stopPump() {
        pump.stop();
    }

    @Test
    void snapshotFromAnIngestThreadShowsUpOnTheFxThreadWithinATick() throws Exception {
        RoomId room = school.rooms().get(3).id();
        AtomicReference<Boolean> changedOnFx = new AtomicReference<>();
        rooms.get(room).lightProperty().addListener((obs, o, n) -> changedOnFx.set(Platform.isFxApplicationThread()));
        pump.start();

        Thread ingest = new Thread(() -> live.put(UiFixtures.snapshot(room, 2100, Light.RED, clock.instant())), "ingest-worker");
        ingest.start();
        ingest.join();

        await().atMost(Duration.ofSeconds(5)).until(() -> changedOnFx.get() != null);
        assertThat(changedOnFx.get()).isTrue();
        assertThat(rooms.get(room).getHeadline()).isEqualTo("Jetzt lüften!");
    }
}
