package org.frischluft.ui.common;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.frischluft.live.StoreHealth;
import org.frischluft.model.LinkStatus;
import org.frischluft.model.RejectionSummary;
import org.frischluft.model.UnplacedDevices;
import org.frischluft.rooms.Problem;
import org.frischluft.rooms.SchoolCatalog;

/**
 * The application's health as every screen shows it: broker links and history storage, plus the current
 * time (ticked once a second by the {@link FxPump}, so views can follow one clock). FX thread only.
 * A problem text is empty while everything works.
 */
public final class AppStatusViewModel {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private final Messages messages;
    private final Map<String, LinkStatus> links = new LinkedHashMap<>();
    private StoreHealth storeHealth = StoreHealth.OK;
    private final RejectionsViewModel rejections;
    private final UnplacedViewModel unplaced;
    private final ZoneId zone;
    /** Per broker, when its current outage began: reconnect attempts do not move it. */
    private final Map<String, Instant> downSince = new LinkedHashMap<>();
    /** The newest reading any room has shown. */
    private Instant lastData;
    /** When the links came back after an outage, and the newest reading then; null once data flows again. */
    private Instant reconnectedAt;
    private Instant dataAtReconnect;
    private boolean starting;

    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final ReadOnlyStringWrapper clockText = new ReadOnlyStringWrapper(this, "clockText");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected", true);
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper(this, "connectionText", "");
    private final ReadOnlyStringWrapper storeText = new ReadOnlyStringWrapper(this, "storeText", "");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(this, "problem");
    private final ReadOnlyStringWrapper schoolText = new ReadOnlyStringWrapper(this, "schoolText", "");
    private final ReadOnlyStringWrapper waitingText = new ReadOnlyStringWrapper(this, "waitingText", "");

    public AppStatusViewModel(Messages messages, Clock clock) {
        this.messages = Objects.requireNonNull(messages, "messages");
        zone = clock.getZone();
        now.set(clock.instant());
        clockText.set(CLOCK.format(clock.instant().atZone(zone)));
        rejections = new RejectionsViewModel(messages, clock);
        unplaced = new UnplacedViewModel(messages, clock);
    }

    /** A broker link changed state. */
    public void applyLink(LinkStatus status) {
        links.put(status.broker(), status);
        switch (status.state()) {
            case DISCONNECTED, RECONNECTING -> downSince.putIfAbsent(status.broker(), status.since());
            case CONNECTED -> {
                if (downSince.remove(status.broker()) != null && downSince.isEmpty()) {
                    reconnectedAt = status.since();
                    dataAtReconnect = lastData;
                }
            }
            default -> { }
        }
        refresh();
    }

    /**
     * A room showed a reading taken at {@code readingTime} (the pump, for every snapshot): the outage banner counts
     * from the newest one, and after a reconnect the banner stays until a newer one arrives.
     */
    public void applyData(Instant readingTime) {
        if (readingTime == null) return;
        if (lastData == null || readingTime.isAfter(lastData)) {
            lastData = readingTime;
            if (reconnectedAt != null && (dataAtReconnect == null || readingTime.isAfter(dataAtReconnect))) {
                reconnectedAt = null;
                refresh();
            }
        }
    }

    /** History storage changed state. */
    public void applyStoreHealth(StoreHealth health) {
        storeHealth = health == null ? StoreHealth.OK : health;
        refresh();
    }

    /**
     * The school file was changed but could not be used ({@code refusal} null: the file in effect is fine again).
     * For the caretaker's and admin's screens; a classroom's kiosk does not show it.
     */
    public void applySchoolRefusal(SchoolCatalog.Reload refusal, String file) {
        if (refusal == null) {
            schoolText.set("");
            return;
        }
        long errors = refusal.problems().stream().filter(Problem::isError).count();
        schoolText.set(messages.get("status.school.refused", errors, refusal.version().number(), file == null ? "" : file));
    }

    /** New summary of rejected messages (not a problem for the screens: shown muted, for the admin). */
    public void applyRejections(RejectionSummary summary) {
        rejections.apply(summary);
    }

    /** Rejected messages, for the admin. */
    public RejectionsViewModel rejections() {
        return rejections;
    }

    /** The latest list of devices seen but in no room, from the ingest side. */
    public void applyUnplaced(UnplacedDevices devices) {
        unplaced.apply(devices);
    }

    /** Devices seen but not placed, for the admin. */
    public UnplacedViewModel unplaced() {
        return unplaced;
    }

    /** Moves the clock on and refreshes ages in the status texts (once a second). */
    public void tick(Instant instant) {
        now.set(instant);
        clockText.set(CLOCK.format(instant.atZone(zone)));
        refresh();
    }

    /**
     * The screen is up before its back end (the city view, issue 15): until {@link #backEndReady}, say so instead of
     * "connected" (no link has reported yet).
     */
    public void markStarting() {
        starting = true;
        refresh();
    }

    /** The back end is there (the pump's first tick): its links report from now on. */
    public void backEndReady() {
        if (!starting) return;
        starting = false;
        refresh();
    }

    private void refresh() {
        if (starting) {
            connected.set(false);
            connectionText.set(messages.get("status.starting"));
            waitingText.set("");
            storeText.set("");
            problem.set(false);
            return;
        }
        Optional<LinkStatus> down = links.values().stream()
                .filter(l -> l.state() == LinkStatus.State.DISCONNECTED || l.state() == LinkStatus.State.RECONNECTING)
                .min(Comparator.comparing(LinkStatus::since));
        boolean connecting = links.values().stream().anyMatch(l -> l.state() == LinkStatus.State.CONNECTING);
        if (down.isPresent()) {
            connected.set(false);
            // the age of what the screens show: the newest reading, else since the outage began (not since the
            // latest reconnect attempt, which restarted the count every few seconds)
            Instant since = lastData != null ? lastData
                    : downSince.values().stream().min(Comparator.naturalOrder()).orElse(down.get().since());
            connectionText.set(messages.get("status.disconnected", Ages.format(messages, since, now.get())));
        } else if (connecting) {
            connected.set(false);
            connectionText.set(messages.get("status.connecting"));
        } else {
            connected.set(true);
            connectionText.set("");
        }
        waitingText.set(down.isPresent() || connecting || reconnectedAt == null ? ""
                : dataAtReconnect == null ? messages.get("status.reconnected.none")
                : messages.get("status.reconnected.waiting", CLOCK.format(dataAtReconnect.atZone(zone))));
        storeText.set(storeHealth.state() == StoreHealth.State.OK ? ""
                : messages.get("status.store", messages.get("status.store." + storeHealth.state().name())));
        problem.set(!connected.get() || !storeText.get().isEmpty());
    }

    /** The pump's clock: the current time, updated once a second. */
    public ReadOnlyObjectProperty<Instant> nowProperty() { return now.getReadOnlyProperty(); }
    /** "10:42": the current time in the clock's zone (the simulated school time in the demo). */
    public ReadOnlyStringProperty clockTextProperty() { return clockText.getReadOnlyProperty(); }
    /** False while any broker link is down or still connecting. */
    public ReadOnlyBooleanProperty connectedProperty() { return connected.getReadOnlyProperty(); }
    /** "Keine Verbindung zum Server — letzter Stand vor 12 min"; empty while connected. */
    public ReadOnlyStringProperty connectionTextProperty() { return connectionText.getReadOnlyProperty(); }
    /** "Verlauf wird nicht gespeichert: Festplatte voll"; empty while history is written. */
    public ReadOnlyStringProperty storeTextProperty() { return storeText.getReadOnlyProperty(); }
    /**
     * After an outage, while no newer reading has arrived: "Verbunden — seit 10:12 hat sich kein Sensor gemeldet";
     * empty otherwise (for the caretaker's overview; a kiosk shows its room's age).
     */
    public ReadOnlyStringProperty waitingTextProperty() { return waitingText.getReadOnlyProperty(); }
    public String getWaitingText() { return waitingText.get(); }
    /** "Schuldatei nicht übernommen: 3 Probleme …"; empty while the school file in effect is the newest. */
    public ReadOnlyStringProperty schoolTextProperty() { return schoolText.getReadOnlyProperty(); }
    /** True while the connection is down or connecting, or the store is in trouble (not while waiting for data). */
    public ReadOnlyBooleanProperty problemProperty() { return problem.getReadOnlyProperty(); }

    public boolean isConnected() { return connected.get(); }
    public String getConnectionText() { return connectionText.get(); }
    public String getStoreText() { return storeText.get(); }
    public String getSchoolText() { return schoolText.get(); }
    public Instant getNow() { return now.get(); }
    public String getClockText() { return clockText.get(); }
}
