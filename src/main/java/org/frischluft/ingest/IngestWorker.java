package org.frischluft.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.frischluft.ingest.decode.DecodeResult;
import org.frischluft.ingest.decode.DecoderSettings;
import org.frischluft.ingest.decode.PayloadDecoder;
import org.frischluft.ingest.decode.RejectionLog;
import org.frischluft.model.Reading;
import org.frischluft.rooms.SchoolVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ingest-worker} thread: drains the inbox in batches, decodes, hands readings to the sink, counts
 * every rejection by reason, then settles each message's {@link Delivery} once the sink says the batch is safe
 * (committed), so a QoS-1 message is acknowledged only after its readings are stored; a batch the sink could not
 * keep is {@linkplain Delivery#lost() lost} instead, and comes again. Nothing a message contains can stop it: any exception is counted as a
 * rejection of that one message and the loop goes on. A new school model ({@link #configure}) takes effect
 * between two batches: the decoder is rebuilt from it and the sink hears of it first, on this thread.
 */
public final class IngestWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestWorker.class);
    private static final int BATCH = 1024;

    private final Inbox inbox;
    private final AtomicReference<PayloadDecoder> decoder;
    private final AtomicReference<SchoolVersion> pendingSchool = new AtomicReference<>();
    private final ReadingSink sink;
    private final RejectionLog rejections;
    private final Clock clock;
    private final Thread thread;
    private final LongAdder messages = new LongAdder();
    private final LongAdder readings = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private volatile boolean running = true;

    public IngestWorker(Inbox inbox, PayloadDecoder decoder, ReadingSink sink, RejectionLog rejections, Clock clock) {
        this.inbox = inbox;
        this.decoder = new AtomicReference<>(decoder);
        this.sink = sink;
        this.rejections = rejections;
        this.clock = clock;
        this.thread = new Thread(this::run, "ingest-worker");
        this.thread.setDaemon(true);
    }

    public IngestWorker start() {
        thread.start();
        return this;
    }

    /**
     * A new school model: before its next batch the worker rebuilds the decoder from it (sensor models,
     * mappings) and hands it to the sink. Callable from any thread; a newer version overtakes one not yet taken.
     */
    public void configure(SchoolVersion version) {
        pendingSchool.set(version);
    }

    private void applySchool() {
        SchoolVersion v = pendingSchool.getAndSet(null);
        if (v == null) return;
        PayloadDecoder current = decoder.get();
        DecoderSettings settings = DecoderSettings.from(v.model())
                .withLimits(current.settings().maxBytes(), current.settings().maxDepth());
        decoder.set(new PayloadDecoder(settings, clock));
        sink.school(v, clock.instant());
    }

    private void run() {
        List<Inbound> batch = new ArrayList<>(BATCH);
        List<Reading> out = new ArrayList<>(BATCH);
        List<Delivery> deliveries = new ArrayList<>(BATCH);
        Instant lastTick = null;
        while (running || inbox.size() > 0) {
            try {
                batch.clear();
                out.clear();
                deliveries.clear();
                inbox.drain(batch, BATCH, 250);
                applySchool();
                PayloadDecoder d = decoder.get();
                for (Inbound m : batch) {
                    decodeOne(d, m, out);
                    if (m.delivery() != Delivery.NONE) deliveries.add(m.delivery());
                }
                if (!out.isEmpty()) {
                    readings.add(out.size());
                    sink.accept(List.copyOf(out));
                }
                settle(deliveries, !out.isEmpty());
                Instant now = clock.instant();
                if (lastTick == null || Duration.between(lastTick, now).toMillis() >= 1000 || lastTick.isAfter(now)) {
                    lastTick = now;
                    sink.tick(now);
                }
            } catch (InterruptedException e) {
                if (!running) break;
            } catch (RuntimeException e) {
                LOG.error("ingest worker: sink failed for a batch of {} readings; continuing", out.size(), e);
                deliveries.forEach(Delivery::lost); // not known to be stored: they must come again
            }
        }
    }

    /**
     * Settles the batch's messages once the sink has made its readings safe; without readings at once (they
     * still wait behind earlier messages in their link's order). When nothing more is waiting the store is asked
     * not to wait for a fuller batch: a broker sends only so many unacknowledged messages at a time.
     */
    private void settle(List<Delivery> deliveries, boolean hadReadings) {
        if (deliveries.isEmpty()) return;
        List<Delivery> these = List.copyOf(deliveries);
        if (!hadReadings) {
            these.forEach(Delivery::settled);
            return;
        }
        try {
            sink.whenSafe(inbox.size() == 0, ok -> {
                for (Delivery x : these) {
                    if (ok) x.settled();
                    else x.lost();
                }
            });
        } catch (RuntimeException e) {
            LOG.error("ingest worker: could not learn whether a batch is stored; its messages come again", e);
            these.forEach(Delivery::lost);
        }
    }

    private void decodeOne(PayloadDecoder d, Inbound m, List<Reading> out) {
        messages.increment();
        DecodeResult result = d.decode(m.topic(), m.payload(), m.receivedAt()); // never throws: it rejects instead
        if (result instanceof DecodeResult.Decoded decoded) {
            out.addAll(decoded.readings());
            for (String drop : decoded.dropped()) {
                record(m, drop);
            }
        } else if (result instanceof DecodeResult.Rejected r) {
            rejected.increment();
            record(m, r.reason());
        } else {
            ignored.increment();
        }
    }

    /** Counting a rejection must never cost the batch's good readings. */
    private void record(Inbound m, String reason) {
        try {
            rejections.record(m.topic(), m.payload(), reason);
        } catch (RuntimeException e) {
            LOG.warn("could not record a rejection ({}): {}", reason, e.toString());
        }
    }

    public Stats stats() {
        return new Stats(messages.sum(), readings.sum(), ignored.sum(), rejected.sum(), inbox.dropped(), inbox.size());
    }

    /** Counters since start. */
    public record Stats(long messages, long readings, long ignored, long rejected, long inboxDropped, int inboxSize) {
    }

    /** Stops after the inbox is drained (bounded wait). */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) thread.interrupt();
    }
}
