package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.model.LinkStatus;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.TestSchool;
import org.frischluft.sim.EmbeddedBroker;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shutdown order of {@link AppContext}: the links close before what was registered with
 * {@link AppContext#closeWithContext} (the demo's embedded broker), so a normal exit is not a lost connection.
 */
class AppContextShutdownIT {
    @TempDir
    Path dir;

    @Test
    void linksAreClosedBeforeTheBrokerTheyAreConnectedTo() throws Exception {
        Clock clock = Clock.systemUTC();
        EmbeddedBroker broker = EmbeddedBroker.start();
        Store store = Store.open(StoreOptions.of("jdbc:h2:file:" + dir.resolve("history").toAbsolutePath()), clock);
        AppContext ctx = new AppContext(SchoolCatalog.of(TestSchool.empty(), "test", clock), store,
                List.of(BrokerConfig.simple("demo", broker.url(), List.of("v3/+/devices/+/up"))), clock);
        List<Boolean> linkConnectedWhenBrokerCloses = new ArrayList<>();
        ctx.closeWithContext(() -> {
            linkConnectedWhenBrokerCloses.add(ctx.links().get(0).isConnected());
            broker.close();
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> ctx.live().links().stream()
                .anyMatch(l -> l.state() == LinkStatus.State.CONNECTED));

        ctx.close();

        assertThat(linkConnectedWhenBrokerCloses).containsExactly(false);
        assertThat(ctx.live().links()).extracting(LinkStatus::state).containsExactly(LinkStatus.State.DISCONNECTED);
    }
}
