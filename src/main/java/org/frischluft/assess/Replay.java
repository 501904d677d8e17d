package org.frischluft.assess;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.frischluft.model.Advice;
import org.frischluft.model.Assessment;
import org.frischluft.model.Light;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.Profile;

/**
 * Runs recorded readings through the light's rules, as a room's kiosk would have shown them: one assessor per
 * room, each reading evaluated at its own time. Where a room's data has a gap long enough to turn its light grey,
 * an extra line is emitted at the instant it turned grey (no CO2, light grey).
 *
 * <p>Rows need not come in time order (an export of several devices, a file put together by hand): they wait in
 * a buffer until the input has moved {@link #REORDER} past them and are replayed in time order; {@link #finish()}
 * replays the rest. A row older than what its room has already replayed (more than {@code REORDER} late) cannot be
 * judged any more and is counted in {@link #late()}. Not thread-safe.
 */
public final class Replay {
    /** What a room's kiosk showed at {@code time}; {@code co2} null for a grey line at a gap. */
    public record Line(Instant time, RoomId room, Double co2, Light light, Advice advice) {
    }

    private final Profile profile;
    private final Consumer<Line> out;
    private final Map<RoomId, RoomAssessor> rooms = new HashMap<>();
    /** How far out of time order rows may come. */
    public static final java.time.Duration REORDER = java.time.Duration.ofHours(6);

    private record Pending(long seq, RoomId room, Reading reading) {
    }

    private final java.util.PriorityQueue<Pending> pending = new java.util.PriorityQueue<>(
            java.util.Comparator.comparing((Pending p) -> p.reading().time()).thenComparingLong(Pending::seq));
    private final Map<RoomId, Instant> replayedUpTo = new HashMap<>();
    private Instant newest;
    private long seq;
    private int late;

    public Replay(Profile profile, Consumer<Line> out) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** The next reading of {@code room}, in any order within {@link #REORDER}. */
    public void add(RoomId room, Reading reading) {
        if (newest == null || reading.time().isAfter(newest)) newest = reading.time();
        pending.add(new Pending(seq++, room, reading));
        Instant due = newest.minus(REORDER);
        while (!pending.isEmpty() && pending.peek().reading().time().isBefore(due)) {
            Pending p = pending.poll();
            replay(p.room(), p.reading());
        }
    }

    /** Replays what still waits in the buffer; call once at the end of the input. */
    public void finish() {
        while (!pending.isEmpty()) {
            Pending p = pending.poll();
            replay(p.room(), p.reading());
        }
    }

    /** Rows that came too late to be replayed (older than what their room had already replayed). */
    public int late() {
        return late;
    }

    private void replay(RoomId room, Reading reading) {
        Instant done = replayedUpTo.get(room);
        if (done != null && reading.time().isBefore(done)) {
            late++;
            return;
        }
        replayedUpTo.put(room, reading.time());
        RoomAssessor assessor = rooms.computeIfAbsent(room, r -> new RoomAssessor(profile));
        Instant greyAt = assessor.greyAt();
        if (greyAt != null && reading.time().isAfter(greyAt)) {
            Assessment gap = assessor.assess(greyAt);
            out.accept(new Line(greyAt, room, null, gap.light(), gap.advice()));
        }
        assessor.add(reading);
        Assessment a = assessor.assess(reading.time());
        out.accept(new Line(reading.time(), room, reading.co2(), a.light(), a.advice()));
    }

    /** A short machine-readable token for a coach line, e.g. {@code yellow_in_7min}; empty for none. */
    public static String token(Advice advice) {
        if (advice == null) return "";
        return switch (advice.kind()) {
            case YELLOW_SOON -> "yellow_in_" + advice.minutes() + "min";
            case RED_SOON -> "red_in_" + advice.minutes() + "min";
            case CLOSE_IN -> "close_in_" + advice.minutes() + "min";
            case CLOSE_NOW -> "close_now";
            case OPEN_NOW -> "open_now";
        };
    }
}
