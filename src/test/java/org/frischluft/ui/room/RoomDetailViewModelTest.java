package org.frischluft.ui.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.frischluft.model.Light;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.Profiles;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.TestSchool;
import org.frischluft.ui.UiFixtures;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModel;
import org.junit.jupiter.api.Test;

/** The room detail's state without a toolkit: results arrive through a queue standing in for Platform.runLater. */
class RoomDetailViewModelTest {
    private final UiFixtures.MutableClock clock = UiFixtures.clock(); // Tue 25 Nov 2025, 10:42 Berlin
    private final Messages messages = Messages.forLocale(Locale.GERMAN);
    private final FakeHistory history = new FakeHistory();
    private final List<Runnable> fxQueue = new ArrayList<>();
    private final Executor fx = fxQueue::add;
    /** r-lab follows the Infektionsschutz profile, every other room the default (UBA). */
    private final SchoolModel school = TestSchool.site("s", "Schule")
            .room("r-204", "R 204 — 9b", "2. OG", 2).room("r-205", "R 205", "2. OG", 2)
            .room(new Room(RoomId.of("r-lab"), "Labor", 120, 24, Profiles.INFEKTIONSSCHUTZ, null, List.of()), "EG", 0)
            .model();
    private final RoomDetailViewModel vm = new RoomDetailViewModel(history, () -> school, clock, messages, fx);
    private final RoomViewModel room = new RoomViewModel(UiFixtures.room("r-204", "R 204 — 9b"), messages, clock);

    private void runFx() {
        List<Runnable> now = new ArrayList<>(fxQueue);
        fxQueue.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void openingLoadsTodayAndSaysHowLongTheRoomWasAboveTheThreshold() {
        vm.open(room);
        assertThat(history.loads).hasSize(1);
        RoomHistoryRequest r = history.last().request();
        assertThat(r.room()).isEqualTo(RoomId.of("r-204"));
        assertThat(r.plan().range()).isEqualTo(Range.TODAY);
        assertThat(r.threshold()).isEqualTo(1000);
        assertThat(vm.isLoading()).isTrue();
        assertThat(vm.getMessage()).isEqualTo("Lade Verlauf …");

        history.answerLast();
        assertThat(fxQueue).as("one hop to the FX thread per load").hasSize(1);
        runFx();
        assertThat(vm.isLoading()).isFalse();
        assertThat(vm.getMessage()).isEmpty();
        assertThat(vm.getSummary()).isEqualTo("Heute 1 h 12 min über 1\u202F000 ppm");
        assertThat(vm.getSummaryDetail()).isEqualTo("Mittelwert in 1 von 4 Stunden über 1\u202F000 ppm · Spitze 2\u202F300 ppm");
        assertThat(vm.summaryLightProperty().get()).isEqualTo(Light.RED);
        assertThat(vm.getRows()).extracting(RoomDetailViewModel.Row::period)
                .containsExactly("07–08 Uhr", "08–09 Uhr", "09–10 Uhr", "10–11 Uhr");
        assertThat(vm.getRows().get(1)).isEqualTo(new RoomDetailViewModel.Row("08–09 Uhr", "1\u202F260", "1\u202F500", "50 min", Light.YELLOW));
        assertThat(vm.getRows().get(0).light()).isEqualTo(Light.GREEN);
    }

    @Test
    void aRoomWithItsOwnProfileIsMeasuredAgainstItsYellowLine() {
        vm.open(new RoomViewModel(UiFixtures.room("r-lab", "Labor"), messages, clock));
        assertThat(history.last().request().threshold()).isEqualTo(800);
    }

    @Test
    void switchingTheRangeLoadsAgainAndDropsTheAnswerToTheOldRange() {
        vm.open(room);
        FakeHistory.Load today = history.last();
        vm.setRange(Range.WEEK);
        assertThat(history.loads).hasSize(2);
        assertThat(history.last().request().plan().range()).isEqualTo(Range.WEEK);

        history.answerLast();
        today.future().complete(FakeHistory.morning(today.request())); // the slow answer arrives last
        runFx();
        assertThat(vm.getData().request().plan().range()).isEqualTo(Range.WEEK);
        assertThat(vm.dropped()).isEqualTo(1);
        assertThat(vm.getRows().get(0).period()).isEqualTo("Mi. 19.11.");
    }

    @Test
    void aClosedDetailAsksNothingAndDropsWhatWasUnderway() {
        vm.open(room);
        vm.close();
        history.answerLast();
        runFx();
        assertThat(vm.getData()).isNull();
        assertThat(vm.dropped()).isEqualTo(1);
        vm.reload(); // the minute timer of a closed panel, were it still running
        vm.setRange(Range.MONTH);
        assertThat(history.loads).hasSize(1);
    }

    @Test
    void aFailedQueryBecomesAShortMessageNotAnException() {
        vm.open(room);
        history.last().future().completeExceptionally(new IllegalStateException("history query failed: Database may be already in use\nmore"));
        runFx();
        assertThat(vm.isLoading()).isFalse();
        assertThat(vm.getMessage()).isEqualTo("Verlauf nicht verfügbar: history query failed: Database may be already in use");
        assertThat(vm.getRows()).isEmpty();
    }

    @Test
    void aServiceThatThrowsInsteadOfFailingItsFutureIsHandledTheSameWay() {
        RoomDetailViewModel throwing = new RoomDetailViewModel(r -> {
            throw new java.util.concurrent.RejectedExecutionException("closing");
        }, () -> school, clock, messages, fx);
        throwing.open(room);
        runFx();
        assertThat(throwing.getMessage()).isEqualTo("Verlauf nicht verfügbar: closing");
    }

    @Test
    void reopeningAnotherRoomStartsAtTodayWithNothingOfTheFirstRoom() {
        vm.open(room);
        vm.setRange(Range.MONTH);
        history.answerLast();
        runFx();
        RoomViewModel other = new RoomViewModel(UiFixtures.room("r-205", "R 205"), messages, clock);
        vm.open(other);
        assertThat(vm.getRange()).isEqualTo(Range.TODAY);
        assertThat(vm.getData()).isNull();
        assertThat(vm.getRows()).isEmpty();
        assertThat(history.last().request().room()).isEqualTo(RoomId.of("r-205"));
        assertThat(history.last().request().plan().range()).isEqualTo(Range.TODAY);
    }

    @Test
    void titlesNameTheSchoolHoursOfTheRoomsSite() {
        org.frischluft.rooms.SchoolCalendar shortDay = new org.frischluft.rooms.SchoolCalendar(java.time.ZoneId.of("Europe/Berlin"),
                "SH", org.frischluft.rooms.SchoolCalendar.WEEKDAYS, org.frischluft.rooms.Lesson.germanDefault().subList(0, 6),
                java.time.LocalTime.of(7, 30), java.time.LocalTime.of(14, 0), List.of(), null, List.of());
        SchoolModel early = TestSchool.site("g", "Grundschule").calendar(shortDay).room("r-204", "R 204 — 9b", "2. OG", 2).model();
        RoomDetailViewModel d = new RoomDetailViewModel(history, () -> early, clock, messages, fx);
        d.open(room);
        assertThat(d.chartTitleProperty().get()).isEqualTo("CO\u2082 heute, 7:30 bis 14 Uhr");
        d.rangeProperty().set(Range.WEEK);
        assertThat(d.statsTitleProperty().get()).isEqualTo("Je Schultag (7:30–14 Uhr)");
        RoomDetailViewModel en = new RoomDetailViewModel(history, () -> early, clock, Messages.forLocale(Locale.ENGLISH), fx);
        en.open(room);
        assertThat(en.chartTitleProperty().get()).isEqualTo("CO\u2082 today, 7:30 am to 2 pm");
    }
}
