package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.TestSchool;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppContextStartTest {
    @TempDir
    Path dir;

    @Test
    void aBrokerUrlPahoCannotUseFailsTheStartAndReleasesTheHistoryFile() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("history").toAbsolutePath();
        SchoolCatalog school = SchoolCatalog.of(TestSchool.empty(), "test", Clock.systemUTC());
        Store store = Store.open(StoreOptions.of(url), Clock.systemUTC());
        BrokerConfig broken = BrokerConfig.simple("bad", "tcp://not a host:1883", List.of("#"));
        assertThatThrownBy(() -> new AppContext(school, store, List.of(broken), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
        // the failed context owned the store and closed it
        assertThatThrownBy(() -> store.assign(org.frischluft.model.DeviceId.of("a81758fffe0312ab"),
                org.frischluft.model.RoomId.of("r-1"), java.time.Instant.now()))
                .hasMessageContaining("closed");
        Store again = Store.open(StoreOptions.of(url), Clock.systemUTC());
        assertThat(again.state().isOk()).isTrue();
        again.close();
    }
}
