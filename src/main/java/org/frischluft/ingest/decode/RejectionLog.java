package org.frischluft.ingest.decode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts rejected messages by reason code and keeps the last {@code keep} of them for the admin (UI and CLI).
 * Thread-safe; recording is cheap (one lock around a ring buffer).
 */
public final class RejectionLog {
    /** Longest payload excerpt kept per rejection. */
    public static final int EXCERPT_CHARS = 200;

    /** One kept rejection; {@code excerpt} is printable ASCII, at most {@value #EXCERPT_CHARS} characters. */
    public record Rejection(Instant time, String topic, String reason, String excerpt) {
    }

    private final int keep;
    private final Clock clock;
    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();
    private final ArrayDeque<Rejection> recent;

    public RejectionLog(int keep, Clock clock) {
        if (keep < 0) throw new IllegalArgumentException("keep must not be negative");
        this.keep = keep;
        this.clock = clock;
        this.recent = new ArrayDeque<>(Math.min(keep, 1024));
    }

    /** 500 kept, system clock. */
    public RejectionLog() {
        this(500, Clock.systemUTC());
    }

    public void record(String topic, byte[] payload, String reason) {
        String r = reason == null ? "unknown" : reason;
        counts.computeIfAbsent(codeOf(r), k -> new LongAdder()).increment();
        total.increment();
        if (keep == 0) return;
        Rejection rej = new Rejection(clock.instant(), topic == null ? "" : topic, r, excerpt(payload));
        synchronized (recent) {
            if (recent.size() == keep) recent.removeLast();
            recent.addFirst(rej);
        }
    }

    /** Counts by code (the text before the first ':' of the reason), sorted by code. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public long total() {
        return total.sum();
    }

    /** Kept rejections, newest first. */
    public List<Rejection> recent() {
        synchronized (recent) {
            List<Rejection> out = new ArrayList<>(recent.size());
            for (Iterator<Rejection> it = recent.iterator(); it.hasNext(); ) out.add(it.next());
            return out;
        }
    }

    static String codeOf(String reason) {
        int c = reason.indexOf(':');
        return (c < 0 ? reason : reason.substring(0, c)).strip();
    }

    static String excerpt(byte[] payload) {
        if (payload == null || payload.length == 0) return "";
        int n = Math.min(payload.length, EXCERPT_CHARS * 4);
        String s = new String(payload, 0, n, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(Math.min(s.length(), EXCERPT_CHARS));
        for (int i = 0; i < s.length() && sb.length() < EXCERPT_CHARS; i++) {
            char ch = s.charAt(i);
            sb.append(ch >= 0x20 && ch < 0x7F ? ch : '.');
        }
        if (payload.length > n || s.length() > EXCERPT_CHARS) {
            sb.setLength(Math.min(sb.length(), EXCERPT_CHARS - 3));
            sb.append("...");
        }
        return sb.toString();
    }
}
