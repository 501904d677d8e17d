package org.frischluft.ingest;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * The acknowledgements of one connection, in the order MQTT requires: a PUBACK goes out for a message only after
 * Paho's {@code messageArrived} for it has returned and the message is {@linkplain Delivery#settled() settled},
 * and never before the acknowledgements of the messages that arrived before it (MQTT 3.1.1, 4.6). The sends run
 * on the link's own thread, one after the other in this order. A connection that ends ({@link #reset}) takes its
 * unsent acknowledgements with it: their message ids mean nothing to the next connection, and a persistent
 * session has the broker deliver those messages again.
 */
final class AckLine {
    /** Sends one acknowledgement; called on the link thread with the connection generation it belongs to. */
    interface Sender {
        void ack(long generation, int messageId, int qos);
    }

    private final Executor linkThread;
    private final Sender sender;
    private final Runnable onLost;
    private final ArrayDeque<Pending> line = new ArrayDeque<>();
    private long generation;

    /** @param onLost called (once per connection) when a message of the current connection was lost */
    AckLine(Executor linkThread, Sender sender, Runnable onLost) {
        this.linkThread = linkThread;
        this.sender = sender;
        this.onLost = onLost;
    }

    /** On Paho's callback thread, first thing in {@code messageArrived}. */
    synchronized Pending arrived(int messageId, int qos) {
        Pending p = new Pending(generation, messageId, qos);
        line.addLast(p);
        return p;
    }

    /** The current connection's generation: bumped by every {@link #reset}. */
    synchronized long generation() {
        return generation;
    }

    /** The connection ended: nothing still waiting is acknowledged on the next one. */
    synchronized void reset() {
        generation++;
        line.clear();
    }

    /** Messages waiting for their acknowledgement. */
    synchronized int waiting() {
        return line.size();
    }

    private synchronized void release(Pending p) {
        if (p.generation != generation) return;
        // every ready head goes out now, in order; the executor keeps that order on the link thread
        while (!line.isEmpty() && line.peekFirst().ready()) {
            Pending head = line.removeFirst();
            try {
                linkThread.execute(() -> sender.ack(head.generation, head.messageId, head.qos));
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                line.clear();
                return;
            }
        }
    }

    private void lost(Pending p) {
        boolean current;
        synchronized (this) {
            current = p.generation == generation;
            if (current) reset(); // the messages after it cannot be acknowledged before it either
        }
        if (current) onLost.run();
    }

    /** One message waiting for two things: its callback has returned, and it is settled. */
    final class Pending implements Delivery {
        private final long generation;
        private final int messageId;
        private final int qos;
        private boolean returned;
        private boolean settled;
        private boolean finished;

        private Pending(long generation, int messageId, int qos) {
            this.generation = generation;
            this.messageId = messageId;
            this.qos = qos;
        }

        private boolean ready() {
            return returned && settled;
        }

        /** Paho's {@code messageArrived} for this message has returned. */
        void callbackReturned() {
            synchronized (AckLine.this) {
                returned = true;
            }
            release(this);
        }

        @Override
        public void settled() {
            synchronized (AckLine.this) {
                if (finished) return;
                finished = true;
                settled = true;
            }
            release(this);
        }

        @Override
        public void lost() {
            synchronized (AckLine.this) {
                if (finished) return;
                finished = true;
            }
            AckLine.this.lost(this);
        }

        @Override
        public String toString() {
            return "Pending[" + messageId + ", qos " + qos + ", generation " + generation + "]";
        }
    }
}
