package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;
import org.frischluft.rooms.Placement;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.sim.DemoCity;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.frischluft.store.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The placements of a city's sensors at start, queued ahead of the readings instead of waited for (issue 15). */
class PlacementSyncTest {
    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aReadingSubmittedRightAfterTheStartIsStoredInItsRoomThoughThePlacementsWereOnlyQueued() {
        SchoolModel city = DemoCity.model(70);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (Store store = Store.open(StoreOptions.of("jdbc:h2:file:" + dir.resolve("history").toAbsolutePath()), clock)) {
            new PlacementSync(store).startWith(city, NOW);
            // the last sensor of the city: its placement is the last one queued
            List<Placement> all = city.placements();
            Placement last = all.get(all.size() - 1);
            store.writer().submit(Reading.of(last.device(), NOW.minusSeconds(30), 1234.0, 21.0, 40.0));
            store.writer().flush(Duration.ofSeconds(60));

            var series = store.history().series(Subject.room(last.room()), Metric.CO2, NOW.minusSeconds(3600), NOW, 100);
            assertThat(series).hasSize(1);
            assertThat(series.get(0).value()).isEqualTo(1234.0);
        }
    }

    @Test
    void placementsTheStoreRefusesAtStartAreCountedNotThrown() {
        SchoolModel city = DemoCity.model(2);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Store store = Store.open(StoreOptions.of("jdbc:h2:file:" + dir.resolve("closed").toAbsolutePath()), clock);
        store.close();
        PlacementSync sync = new PlacementSync(store);
        sync.startWith(city, NOW);
        assertThat(sync.failedAtStart()).isEqualTo(city.currentPlacements().size()).isPositive();
    }
}
