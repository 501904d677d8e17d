package org.frischluft.ui.city;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.frischluft.model.Assessment;
import org.frischluft.model.Light;
import org.frischluft.model.RoomId;
import org.frischluft.model.RoomSnapshot;
import org.frischluft.model.SiteId;
import org.frischluft.ui.UiFixtures;
import org.frischluft.ui.common.AlertFeed;
import org.junit.jupiter.api.Test;

class CityAggregatorTest {
    private final CityFixture city = new CityFixture(3, Locale.GERMAN);
    private final Instant now = city.clock.instant();

    private void put(String room, double co2, Light light) {
        city.live.put(UiFixtures.snapshot(RoomId.of(room), co2, light, now));
    }

    @Test
    void eachSiteCountsItsRoomsPerStateAndNamesItsWorstRoom() {
        for (var r : city.school.rooms()) put(r.id().value(), 600, Light.GREEN);
        put("s02-r-101", 2400, Light.RED);
        put("s02-r-204", 2100, Light.RED);
        put("s02-n-003", 1300, Light.YELLOW);
        city.live.put(new RoomSnapshot(RoomId.of("s03-r-001"), null, 800.0, null, null, null, now.minus(Duration.ofHours(1)),
                new Assessment(Light.GREY, now, null, Set.of(), Duration.ofMinutes(2), null)));
        CityState s = city.aggregator.compute();
        SiteSummary two = s.sites().get(0);
        assertThat(two.id()).isEqualTo(SiteId.of("s02-schule"));
        assertThat(List.of(two.rooms(), two.red(), two.yellow(), two.green(), two.grey())).containsExactly(43, 2, 1, 40, 0);
        assertThat(two.worst().id()).isEqualTo(RoomId.of("s02-r-101"));
        assertThat(two.worst().co2()).isEqualTo(2400.0);
        SiteSummary three = s.sites().get(1);
        assertThat(three.id()).as("a silent sensor comes before an all-green site").isEqualTo(SiteId.of("s03-schule"));
        assertThat(three.silent()).isEqualTo(1);
        assertThat(three.worst().silent()).isTrue();
        assertThat(s.sites().get(2).worst()).as("green rooms are nobody's worst").isNull();
        assertThat(s.count(Light.RED)).isEqualTo(2);
        assertThat(s.problems()).extracting(RoomRef::id)
                .containsExactly(RoomId.of("s02-r-101"), RoomId.of("s02-r-204"), RoomId.of("s03-r-001"));
    }

    @Test
    void nothingChangedIsTheSameStateAndAChangeRecomputesOnlyItsSite() {
        CityState first = city.aggregator.compute();
        assertThat(city.aggregator.compute()).isSameAs(first);
        put("s01-r-001", 2600, Light.RED);
        CityState next = city.aggregator.compute();
        assertThat(next.version()).isGreaterThan(first.version());
        assertThat(next.sites().get(0).id()).isEqualTo(SiteId.of("s01-schule"));
        SiteSummary untouched = first.sites().stream().filter(x -> x.id().value().equals("s03-schule")).findFirst().orElseThrow();
        assertThat(next.sites()).contains(untouched); // the very same record: not recomputed
    }

    @Test
    void openAlertsAreCountedPerSite() {
        AlertFeed alerts = new AlertFeed() {
            @Override
            public Snapshot current() {
                return new Snapshot(7, List.of(new Item(1, "co2-red-long", 3, RoomId.of("s03-r-101"), SiteId.of("s03-schule"), "open",
                        now, now, 2300.0, null, null)));
            }

            @Override
            public void acknowledge(long id, String by, String comment) {
            }
        };
        CityAggregator agg = new CityAggregator(city.live, city.catalog::model, alerts);
        CityState s = agg.compute();
        assertThat(s.sites().stream().filter(x -> x.id().value().equals("s03-schule")).findFirst().orElseThrow().openAlerts()).isEqualTo(1);
        agg.close();
    }
}
