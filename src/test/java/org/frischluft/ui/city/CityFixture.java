package org.frischluft.ui.city;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.frischluft.live.LiveState;
import org.frischluft.model.Advice;
import org.frischluft.model.Assessment;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Light;
import org.frischluft.model.RoomSnapshot;
import org.frischluft.model.Sign;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.sim.DemoCity;
import org.frischluft.ui.UiFixtures;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModels;

/**
 * A city of {@code sites} demo sites with a fixed mix of states, fed through a real {@link LiveState}: most rooms
 * green, every 7th yellow, every 37th red, every 53rd fallen silent, every 97th never heard, every 41st on a low
 * battery; the 5th site ({@code s05-schule}) has nine red rooms, so it must come first. Shared by the city tests
 * and the screenshots.
 */
public final class CityFixture {
    public final UiFixtures.MutableClock clock = UiFixtures.clock();
    public final Messages messages;
    public final SchoolModel school;
    public final LiveState live = new LiveState();
    public final SchoolCatalog catalog;
    public final RoomViewModels rooms;
    public final AppStatusViewModel status;
    public final CityAggregator aggregator;
    public final CityViewModel vm;

    public CityFixture(int sites, Locale locale) {
        messages = Messages.forLocale(locale);
        school = DemoCity.model(sites);
        catalog = SchoolCatalog.of(school, "test", clock);
        List<Room> all = school.rooms();
        Instant now = clock.instant();
        for (int i = 0; i < all.size(); i++) {
            RoomSnapshot s = snapshot(all.get(i), i, now);
            if (s != null) live.put(s);
        }
        rooms = RoomViewModels.onDemand(school, messages, clock);
        status = new AppStatusViewModel(messages, clock);
        aggregator = new CityAggregator(live, catalog::model, null);
        vm = new CityViewModel(rooms, live::room, status, messages, true, clock);
        vm.apply(aggregator.compute());
    }

    /** The fixed state of room {@code i}; null for a room never heard. */
    static RoomSnapshot snapshot(Room room, int i, Instant now) {
        boolean redSite = room.id().value().startsWith("s05-") && i % 5 == 0;
        if (i % 97 == 96 && !redSite) return null;
        Light light;
        double co2;
        Duration age = Duration.ofSeconds(40 + (i * 13) % 200);
        if (redSite || i % 37 == 3) {
            light = Light.RED;
            co2 = 2050 + (i * 29) % 700;
        } else if (i % 53 == 7) {
            light = Light.GREY;
            co2 = 900 + i % 200;
            age = Duration.ofMinutes(20 + i % 40);
        } else if (i % 7 == 2) {
            light = Light.YELLOW;
            co2 = 1100 + (i * 31) % 800;
        } else {
            light = Light.GREEN;
            co2 = 520 + (i * 17) % 430;
        }
        Set<Sign> signs = i % 41 == 5 ? EnumSet.of(Sign.LOW_BATTERY) : Set.of();
        return new RoomSnapshot(room.id(), DeviceId.of("a81758fffe100000"), co2, 21.5, 42.0, i % 41 == 5 ? 9.0 : 87.0,
                now.minus(age), new Assessment(light, now.minus(age), (Advice) null, signs, Duration.ofMinutes(2), null));
    }
}
