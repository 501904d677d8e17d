package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.TestSchool;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.frischluft.ui.room.HistoryPlan;
import org.frischluft.ui.room.Range;
import org.frischluft.ui.room.RoomHistoryData;
import org.frischluft.ui.room.RoomHistoryRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The room detail's history read from a real H2 file, through the app's wiring and its query threads. */
class StoreRoomHistoryTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Tuesday 25 Nov 2025. */
    private static final LocalDate DAY = LocalDate.of(2025, 11, 25);
    private static final RoomId ROOM = RoomId.of("r-204");
    private static final DeviceId SENSOR = DeviceId.of("a81758fffe0312ab");
    private static final DeviceId ELSEWHERE = DeviceId.of("a81758fffe0399aa");

    @TempDir
    Path dir;

    private static Instant at(LocalDate d, int h, int min) {
        return d.atTime(LocalTime.of(h, min)).atZone(BERLIN).toInstant();
    }

    /**
     * One reading a minute from 07:00 to 11:59: 800 ppm, but 1 200 ppm in the second lesson hour (08:00–08:59)
     * and 2 400 ppm from 10:00 to 10:19; the sensor of another room reads 3 000 all along. Yesterday the room
     * had 900 ppm all day.
     */
    private static void writeSchoolMorning(Store store) {
        for (int m = 0; m < 5 * 60; m++) {
            Instant t = at(DAY, 7, 0).plus(Duration.ofMinutes(m));
            double co2 = m >= 60 && m < 120 ? 1200 : m >= 180 && m < 200 ? 2400 : 800;
            store.writer().submit(Reading.of(SENSOR, t, co2, 21.0, 40.0));
            store.writer().submit(Reading.of(ELSEWHERE, t, 3000.0, 21.0, 40.0));
        }
        for (int m = 0; m < 10 * 60; m += 2) {
            store.writer().submit(Reading.of(SENSOR, at(DAY.minusDays(1), 7, 0).plus(Duration.ofMinutes(m)), 900.0, 21.0, 40.0));
        }
        store.writer().flush(Duration.ofSeconds(30));
    }

    private AppContext context(Clock clock) throws Exception {
        Store store = Store.open(StoreOptions.of("jdbc:h2:file:" + dir.resolve("history").toAbsolutePath()), clock);
        SchoolModel school = TestSchool.site("t", "Test")
                .room(ROOM.value(), "R 204", "2. OG", 2).sensor(SENSOR.value(), null, at(DAY.minusDays(40), 0, 0))
                .room("r-205", "R 205", "2. OG", 2).sensor(ELSEWHERE.value(), null, at(DAY.minusDays(40), 0, 0))
                .model();
        AppContext ctx = new AppContext(SchoolCatalog.of(school, "test", clock), store, List.of(), clock);
        writeSchoolMorning(store);
        return ctx;
    }

    @Test
    void todayGivesTheRoomsSeriesAndHourlyMeanPeakAndMinutesAboveTheThreshold() throws Exception {
        Clock clock = Clock.fixed(at(DAY, 12, 0), BERLIN);
        try (AppContext ctx = context(clock)) {
            HistoryPlan plan = HistoryPlan.of(Range.TODAY, clock.instant(), SchoolCalendar.germanDefault());
            RoomHistoryData d = ctx.roomHistory().load(new RoomHistoryRequest(ROOM, plan, 600, 1000)).get(30, TimeUnit.SECONDS);

            assertThat(d.points()).isNotEmpty().hasSizeLessThanOrEqualTo(600);
            assertThat(d.points()).allSatisfy(p -> assertThat(p.time()).isBetween(at(DAY, 7, 0), at(DAY, 12, 0)));
            assertThat(d.points()).extracting(RoomHistoryData.Point::ppm).contains(800.0, 1200.0, 2400.0)
                    .as("the other room's sensor is not in this room").doesNotContain(3000.0);

            assertThat(d.periods()).hasSize(5); // 07, 08, 09, 10, 11 o'clock
            RoomHistoryData.PeriodStats first = d.periods().get(0);
            assertThat(first.count()).isEqualTo(60);
            assertThat(first.mean()).isCloseTo(800, within(0.01));
            assertThat(first.minutesAbove()).isCloseTo(0, within(0.01));
            RoomHistoryData.PeriodStats second = d.periods().get(1);
            assertThat(second.mean()).isCloseTo(1200, within(0.01));
            assertThat(second.max()).isCloseTo(1200, within(0.01));
            assertThat(second.minutesAbove()).isCloseTo(60, within(0.01));
            RoomHistoryData.PeriodStats fourth = d.periods().get(3);
            assertThat(fourth.mean()).isCloseTo((20 * 2400 + 40 * 800) / 60.0, within(0.01));
            assertThat(fourth.max()).isCloseTo(2400, within(0.01));
            assertThat(fourth.minutesAbove()).isCloseTo(20, within(0.01));

            Set<String> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(n -> n.startsWith("query-")).collect(java.util.stream.Collectors.toSet());
            assertThat(threads).contains("query-1").isSubsetOf("query-1", "query-2");
        }
    }

    @Test
    void weekGivesOneRowPerSchoolDayMeasuredOverSchoolHoursOnly() throws Exception {
        Clock clock = Clock.fixed(at(DAY, 12, 0), BERLIN);
        try (AppContext ctx = context(clock)) {
            HistoryPlan plan = HistoryPlan.of(Range.WEEK, clock.instant(), SchoolCalendar.germanDefault());
            RoomHistoryData d = ctx.roomHistory().load(new RoomHistoryRequest(ROOM, plan, 800, 1000)).get(30, TimeUnit.SECONDS);

            // Wed 19 .. Tue 25 Nov: five weekdays
            assertThat(d.periods()).hasSize(5);
            RoomHistoryData.PeriodStats monday = d.periods().get(3);
            assertThat(monday.period().start()).isEqualTo(at(DAY.minusDays(1), 7, 0));
            assertThat(monday.count()).isEqualTo(300);
            assertThat(monday.mean()).isCloseTo(900, within(0.01));
            assertThat(monday.minutesAbove()).isZero();
            RoomHistoryData.PeriodStats today = d.periods().get(4);
            assertThat(today.count()).isEqualTo(300);
            assertThat(today.minutesAbove()).isCloseTo(80, within(0.01));
            assertThat(d.periods().get(0).count()).as("no readings on Wednesday").isZero();
            assertThat(d.periods().get(0).mean()).isNaN();
            // seven days on 800 pixels: 5-minute rollups, each bucket's min and max
            assertThat(d.points()).isNotEmpty().hasSizeLessThanOrEqualTo(800);
            assertThat(d.points()).extracting(RoomHistoryData.Point::ppm).contains(900.0, 2400.0);
        }
    }

    @Test
    void aClosedAppFailsTheLoadInsteadOfThrowing() throws Exception {
        Clock clock = Clock.fixed(at(DAY, 12, 0), BERLIN);
        AppContext ctx = context(clock);
        ctx.close();
        var f = ctx.roomHistory().load(new RoomHistoryRequest(ROOM, HistoryPlan.of(Range.TODAY, clock.instant(), SchoolCalendar.germanDefault()), 600, 1000));
        assertThat(f).isCompletedExceptionally();
    }
}
