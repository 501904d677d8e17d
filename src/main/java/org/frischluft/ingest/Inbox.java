package org.frischluft.ingest;

import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bounded hand-over between the MQTT callback threads and the ingest worker. {@code offer} never
 * blocks: a full inbox drops the message and counts it, so a slow disk can never stall the MQTT connection
 * (a QoS-1 message dropped so is {@linkplain Delivery#lost() lost} to its link, which has the broker send it again).
 */
public final class Inbox {
    private final BlockingQueue<Inbound> queue;
    private final LongAdder dropped = new LongAdder();
    private final LongAdder offered = new LongAdder();

    public Inbox(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Called on the MQTT callback thread; @return false if the inbox was full and the message dropped (counted). */
    public boolean offer(Inbound message) {
        offered.increment();
        if (!queue.offer(message)) {
            dropped.increment();
            return false;
        }
        return true;
    }

    /** Waits up to {@code timeoutMillis} for the first message, then takes up to {@code max} without waiting. */
    int drain(Collection<Inbound> into, int max, long timeoutMillis) throws InterruptedException {
        int n = queue.drainTo(into, max);
        if (n > 0) return n;
        Inbound first = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (first == null) return 0;
        into.add(first);
        return 1 + queue.drainTo(into, max - 1);
    }

    public long dropped() {
        return dropped.sum();
    }

    public long offered() {
        return offered.sum();
    }

    public int size() {
        return queue.size();
    }
}
