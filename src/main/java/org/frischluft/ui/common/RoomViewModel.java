package org.frischluft.ui.common;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.frischluft.model.Advice;
import org.frischluft.model.Light;
import org.frischluft.model.RoomId;
import org.frischluft.model.RoomSnapshot;
import org.frischluft.model.Sign;
import org.frischluft.model.Trend;
import org.frischluft.rooms.Room;

/**
 * One room as every screen shows it: light, words, the direction of a pending change, CO2 text, age, coach
 * line, secondary signs. Shared by
 * kiosk and overview, mutated only on the FX thread through {@link #apply(RoomSnapshot)} and
 * {@link #tick(Instant)}; holds no nodes, so plain JUnit tests it without a toolkit.
 * Until the first snapshot the room is grey, "no current data".
 */
public final class RoomViewModel {
    private Room room;
    private final Messages messages;
    private final Clock clock;

    private final ReadOnlyStringWrapper roomName = new ReadOnlyStringWrapper(this, "roomName");
    private final ReadOnlyObjectWrapper<Light> light = new ReadOnlyObjectWrapper<>(this, "light", Light.GREY);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline");
    private final ReadOnlyObjectWrapper<Trend> trend = new ReadOnlyObjectWrapper<>(this, "trend");
    private final ReadOnlyStringWrapper trendText = new ReadOnlyStringWrapper(this, "trendText", "");
    private final ReadOnlyStringWrapper co2Text = new ReadOnlyStringWrapper(this, "co2Text");
    private final ReadOnlyStringWrapper co2Value = new ReadOnlyStringWrapper(this, "co2Value");
    private final ReadOnlyStringWrapper shortHeadline = new ReadOnlyStringWrapper(this, "shortHeadline");
    private final ReadOnlyStringWrapper ageText = new ReadOnlyStringWrapper(this, "ageText");
    private final ReadOnlyStringWrapper coachLine = new ReadOnlyStringWrapper(this, "coachLine", "");
    private final ReadOnlyStringWrapper signsText = new ReadOnlyStringWrapper(this, "signsText", "");
    private final ReadOnlyStringWrapper climateText = new ReadOnlyStringWrapper(this, "climateText", "");
    private final ReadOnlyStringWrapper tileClimateText = new ReadOnlyStringWrapper(this, "tileClimateText", "");
    private final ReadOnlyStringWrapper batteryText = new ReadOnlyStringWrapper(this, "batteryText", "");
    private final ReadOnlyBooleanWrapper lowBattery = new ReadOnlyBooleanWrapper(this, "lowBattery");
    private final ReadOnlyObjectWrapper<RoomSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");

    private Instant lastReading;

    public RoomViewModel(Room room, Messages messages, Clock clock) {
        this.room = Objects.requireNonNull(room, "room");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.clock = Objects.requireNonNull(clock, "clock");
        roomName.set(room.name());
        headline.set(messages.get("light.grey"));
        shortHeadline.set(messages.get("tile.grey"));
        co2Text.set(messages.get("co2.none"));
        co2Value.set("–");
        tick(clock.instant());
    }

    public RoomId id() {
        return room.id();
    }

    public Room room() {
        return room;
    }

    /** The room's entry in a new school model (its name may have changed); FX thread. */
    public void applyRoom(Room next) {
        if (!next.id().equals(room.id())) throw new IllegalArgumentException("room " + next.id() + " is not " + room.id());
        room = next;
        roomName.set(next.name());
    }

    /** The texts this room is shown in (its locale). */
    public Messages messages() {
        return messages;
    }

    /** Takes a new snapshot of this room (FX thread). Snapshots of other rooms are ignored. */
    public void apply(RoomSnapshot s) {
        if (!s.room().equals(room.id())) {
            return;
        }
        snapshot.set(s);
        Light l = s.light();
        light.set(l);
        headline.set(messages.get("light." + l.id()));
        shortHeadline.set(messages.get("tile." + l.id()));
        // a value past a threshold whose colour is held back says so ("Gute Luft · steigt"); never while grey
        Trend pending = l == Light.GREY ? null : s.assessment().pending();
        trend.set(pending);
        trendText.set(pending == null ? "" : messages.get("trend." + pending.id()));
        co2Text.set(s.co2() == null ? messages.get("co2.none") : messages.get("co2.value", messages.integer(s.co2())));
        co2Value.set(s.co2() == null ? "–" : messages.integer(s.co2()));
        Advice advice = s.assessment().advice();
        // a coach line about a stale value would be a guess: the light is grey, so say nothing
        coachLine.set(advice == null || l == Light.GREY ? "" : messages.get("advice." + advice.kind().name(), advice.minutes()));
        climateText.set(climate(s));
        Set<Sign> signs = s.assessment().signs().isEmpty() ? EnumSet.noneOf(Sign.class) : EnumSet.copyOf(s.assessment().signs());
        tileClimateText.set(tileClimate(messages, s.temperature(), s.humidity(), signs));
        StringJoiner joined = new StringJoiner(messages.get("overview.separator"));
        signs.stream().filter(sign -> sign != Sign.LOW_BATTERY).forEach(sign -> joined.add(messages.get("sign." + sign.name())));
        signsText.set(joined.toString());
        lowBattery.set(signs.contains(Sign.LOW_BATTERY));
        batteryText.set(s.batteryPct() != null ? messages.get("battery.value", messages.integer(s.batteryPct()))
                : lowBattery.get() ? messages.get("sign.LOW_BATTERY") : "");
        lastReading = s.lastReading();
        ageText.set(age(clock.instant()));
    }

    /** Updates the age text to {@code now} (FX thread, once a second). */
    public void tick(Instant now) {
        ageText.set(age(now));
    }

    private String age(Instant now) {
        String age = Ages.format(messages, lastReading, now);
        return light.get() == Light.GREY && lastReading != null ? messages.get("age.stale", age) : age;
    }

    private String climate(RoomSnapshot s) {
        StringJoiner j = new StringJoiner(messages.get("overview.separator"));
        if (s.temperature() != null) j.add(messages.get("temperature.value", messages.oneDecimal(s.temperature())));
        if (s.humidity() != null) j.add(messages.get("humidity.value", messages.integer(s.humidity())));
        return j.toString();
    }

    /**
     * The climate line of a small tile, one short line that never wraps: a temperature out of range gets a
     * short word after its value ("17,8 °C kalt · 45 %"), a humidity out of range shows only its word
     * ("21,5 °C · trocken"), which in a dry winter is most rooms and must not shout. Empty when neither
     * value is known.
     */
    static String tileClimate(Messages messages, Double temperature, Double humidity, Set<Sign> signs) {
        StringJoiner j = new StringJoiner(messages.get("overview.separator"));
        Sign tempSign = signs.contains(Sign.TOO_COLD) ? Sign.TOO_COLD : signs.contains(Sign.TOO_WARM) ? Sign.TOO_WARM : null;
        Sign humSign = signs.contains(Sign.TOO_DRY) ? Sign.TOO_DRY : signs.contains(Sign.TOO_HUMID) ? Sign.TOO_HUMID : null;
        String temp = temperature == null ? null : messages.get("temperature.value", messages.oneDecimal(temperature));
        String hum = humidity == null ? null : messages.get("humidity.value", messages.integer(humidity));
        String t = withWord(messages, temp, tempSign);
        if (!t.isEmpty()) j.add(t);
        String h = withWord(messages, humSign != null ? null : hum, humSign);
        if (!h.isEmpty()) j.add(h);
        return j.toString();
    }

    private static String withWord(Messages messages, String value, Sign sign) {
        String word = sign == null ? null : messages.get("tile.sign." + sign.name());
        if (value == null) return word == null ? "" : word;
        return word == null ? value : value + " " + word;
    }

    public ReadOnlyStringProperty roomNameProperty() { return roomName.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Light> lightProperty() { return light.getReadOnlyProperty(); }
    /** The words for the light: "Gute Luft", "Bald lüften", "Jetzt lüften!", "Fenster schließen", "Keine aktuellen Daten". */
    public ReadOnlyStringProperty headlineProperty() { return headline.getReadOnlyProperty(); }
    /**
     * The direction of a colour change waiting for its hold time, null when none (and always while grey): the
     * value is already past a threshold, the colour follows in a minute or two unless the readings turn back.
     */
    public ReadOnlyObjectProperty<Trend> trendProperty() { return trend.getReadOnlyProperty(); }
    /** "steigt" / "sinkt" ("rising" / "falling") beside the light's words while a change is pending, else empty. */
    public ReadOnlyStringProperty trendTextProperty() { return trendText.getReadOnlyProperty(); }
    /** "1 234 ppm", or "– ppm" before the first value. */
    public ReadOnlyStringProperty co2TextProperty() { return co2Text.getReadOnlyProperty(); }
    /** "1 234" without the unit, "–" before the first value (tiles set the unit smaller). */
    public ReadOnlyStringProperty co2ValueProperty() { return co2Value.getReadOnlyProperty(); }
    /** Short words for small tiles: "Gute Luft", "Bald lüften", "Jetzt lüften!", "Fenster zu", "Keine Daten". */
    public ReadOnlyStringProperty shortHeadlineProperty() { return shortHeadline.getReadOnlyProperty(); }
    /** "vor 2 min"; "letzter Wert vor 23 min" while grey; "noch keine Messung" before the first value. */
    public ReadOnlyStringProperty ageTextProperty() { return ageText.getReadOnlyProperty(); }
    /** The airing coach's line, empty when there is no advice. */
    public ReadOnlyStringProperty coachLineProperty() { return coachLine.getReadOnlyProperty(); }
    /** Temperature and humidity signs in words ("zu kalt · zu trocken"), empty when none; battery is separate. */
    public ReadOnlyStringProperty signsTextProperty() { return signsText.getReadOnlyProperty(); }
    /** "21,5 °C · 45 %", empty when unknown. */
    public ReadOnlyStringProperty climateTextProperty() { return climateText.getReadOnlyProperty(); }
    /** The tile's compact climate line, see {@link #tileClimate}: "21,5 °C · trocken". */
    public ReadOnlyStringProperty tileClimateTextProperty() { return tileClimateText.getReadOnlyProperty(); }
    /** "Batterie 80 %" ("Batterie schwach" when low without a percentage), empty when unknown. */
    public ReadOnlyStringProperty batteryTextProperty() { return batteryText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty lowBatteryProperty() { return lowBattery.getReadOnlyProperty(); }
    /** The latest snapshot, null before the first. */
    public ReadOnlyObjectProperty<RoomSnapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }

    public Light getLight() { return light.get(); }
    public String getHeadline() { return headline.get(); }
    public Trend getTrend() { return trend.get(); }
    public String getTrendText() { return trendText.get(); }
    public String getCo2Text() { return co2Text.get(); }
    public String getAgeText() { return ageText.get(); }
    public String getShortHeadline() { return shortHeadline.get(); }
    public String getCoachLine() { return coachLine.get(); }
    public String getSignsText() { return signsText.get(); }
    public String getClimateText() { return climateText.get(); }
    public String getTileClimateText() { return tileClimateText.get(); }
}
