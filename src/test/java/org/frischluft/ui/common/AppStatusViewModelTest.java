package org.frischluft.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.frischluft.live.StoreHealth;
import org.frischluft.model.LinkStatus;
import org.frischluft.ui.UiFixtures;
import org.junit.jupiter.api.Test;

class AppStatusViewModelTest {
    private final UiFixtures.MutableClock clock = UiFixtures.clock();
    private final AppStatusViewModel status = new AppStatusViewModel(Messages.forLocale(Locale.GERMAN), clock);

    @Test
    void aScreenUpBeforeItsBackEndSaysItIsStartingNotConnectedUntilTheBackEndIsThere() {
        status.markStarting();
        assertThat(status.isConnected()).isFalse();
        assertThat(status.getConnectionText()).isEqualTo("Startet: Verlauf wird geöffnet, Verbindung zum Server …");
        status.applyLink(new LinkStatus("tcp://b", LinkStatus.State.CONNECTED, clock.instant(), ""));
        assertThat(status.isConnected()).as("a link status before the back end counts from then on").isFalse();

        status.backEndReady();
        assertThat(status.isConnected()).isTrue();
        assertThat(status.getConnectionText()).isEmpty();
    }

    @Test
    void lostBrokerSaysSoWithTheAgeOfTheLastUpdate() {
        status.applyLink(new LinkStatus("tcp://b", LinkStatus.State.CONNECTED, clock.instant(), ""));
        assertThat(status.isConnected()).isTrue();
        assertThat(status.getConnectionText()).isEmpty();

        status.applyLink(new LinkStatus("tcp://b", LinkStatus.State.RECONNECTING, clock.instant(), "timeout"));
        clock.advance(Duration.ofMinutes(12));
        status.tick(clock.instant());
        assertThat(status.isConnected()).isFalse();
        assertThat(status.getConnectionText()).isEqualTo("Keine Verbindung zum Server — letzter Stand vor 12 min");
        assertThat(status.problemProperty().get()).isTrue();

        status.applyLink(new LinkStatus("tcp://b", LinkStatus.State.CONNECTED, clock.instant(), ""));
        assertThat(status.getConnectionText()).isEmpty();
        assertThat(status.problemProperty().get()).isFalse();
        assertThat(status.getWaitingText()).isEqualTo("Verbunden — noch hat sich kein Sensor gemeldet");
        status.applyData(clock.instant());
        assertThat(status.getWaitingText()).isEmpty();
    }

    @Test
    void theOutageBannersAgeCountsUpThroughReconnectAttempts() {
        java.time.Instant lastReading = clock.instant();
        status.applyLink(new LinkStatus("tcp://b", LinkStatus.State.CONNECTED, clock.instant(), ""));
        status.applyData(lastReading);
        for (int attempt = 1; attempt <= 5; attempt++) { // Paho's link retries every minute or so: a new 'since' each time
            clock.advance(Duration.ofMinutes(1));
            status.applyLink(new LinkStatus("tcp://b", LinkStatus.State.RECONNECTING, clock.instant(), "attempt " + attempt));
            clock.advance(Duration.ofSeconds(2));
            status.tick(clock.instant());
        }
        assertThat(status.getConnectionText()).isEqualTo("Keine Verbindung zum Server — letzter Stand vor 5 min");
        clock.advance(Duration.ofMinutes(7));
        status.tick(clock.instant());
        assertThat(status.getConnectionText()).isEqualTo("Keine Verbindung zum Server — letzter Stand vor 12 min");
    }

    @Test
    void afterReconnectingItSaysSinceWhenNoSensorHasReportedUntilDataFlows() {
        java.time.Instant lastReading = clock.instant();
        status.applyLink(new LinkStatus("tcp://b", LinkStatus.State.CONNECTED, clock.instant(), ""));
        status.applyData(lastReading);
        status.applyLink(new LinkStatus("tcp://b", LinkStatus.State.DISCONNECTED, clock.instant(), ""));
        clock.advance(Duration.ofMinutes(20));
        status.applyLink(new LinkStatus("tcp://b", LinkStatus.State.CONNECTED, clock.instant(), ""));
        String hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(lastReading.atZone(clock.getZone()));
        assertThat(status.getWaitingText()).isEqualTo("Verbunden — seit " + hhmm + " hat sich kein Sensor gemeldet");
        assertThat(status.getConnectionText()).isEmpty();
        assertThat(status.isConnected()).isTrue();
        status.applyData(lastReading); // an old reading again (a retained message) is no news
        assertThat(status.getWaitingText()).isNotEmpty();
        status.applyData(clock.instant());
        assertThat(status.getWaitingText()).isEmpty();
    }

    @Test
    void historyThatCannotBeWrittenIsShown() {
        status.applyStoreHealth(new StoreHealth(StoreHealth.State.DISK_FULL, "No space left on device"));
        assertThat(status.getStoreText()).isEqualTo("Verlauf wird nicht gespeichert: Festplatte voll");
        assertThat(status.problemProperty().get()).isTrue();
        status.applyStoreHealth(StoreHealth.OK);
        assertThat(status.getStoreText()).isEmpty();
    }

    @Test
    void oneLinkDownOfTwoIsStillAProblem() {
        status.applyLink(new LinkStatus("a", LinkStatus.State.CONNECTED, clock.instant(), ""));
        status.applyLink(new LinkStatus("b", LinkStatus.State.DISCONNECTED, clock.instant(), ""));
        assertThat(status.isConnected()).isFalse();
    }

    @Test
    void clockShowsTheTimeOfTheClocksZoneAndFollowsTheTick() {
        assertThat(status.getClockText()).isEqualTo("10:42"); // 09:42 UTC in Berlin
        clock.advance(Duration.ofMinutes(20));
        status.tick(clock.instant());
        assertThat(status.getClockText()).isEqualTo("11:02");
    }
}
