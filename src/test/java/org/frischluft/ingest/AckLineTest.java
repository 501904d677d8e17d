package org.frischluft.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AckLineTest {
    private final List<Integer> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger lostCalls = new AtomicInteger();
    /** Runs the sends inline: the order they are handed over is the order they would go out. */
    private final AckLine line = new AckLine(Runnable::run, (gen, id, qos) -> sent.add(id), lostCalls::incrementAndGet);

    private AckLine.Pending arrivedAndReturned(int id) {
        AckLine.Pending p = line.arrived(id, 1);
        p.callbackReturned();
        return p;
    }

    @Test
    void aSettledMessageWaitsForEveryMessageThatArrivedBeforeIt() {
        AckLine.Pending first = arrivedAndReturned(1);
        AckLine.Pending second = arrivedAndReturned(2);
        AckLine.Pending third = arrivedAndReturned(3);
        third.settled();
        second.settled();
        assertThat(sent).isEmpty();
        first.settled();
        assertThat(sent).containsExactly(1, 2, 3);
        assertThat(line.waiting()).isZero();
    }

    @Test
    void noAcknowledgementBeforeTheArrivalCallbackHasReturned() {
        AckLine.Pending p = line.arrived(7, 1);
        p.settled(); // the worker was faster than Paho's callback
        assertThat(sent).isEmpty();
        p.callbackReturned();
        assertThat(sent).containsExactly(7);
    }

    @Test
    void aConnectionThatEndedTakesItsUnsentAcknowledgementsWithIt() {
        AckLine.Pending old = arrivedAndReturned(1);
        line.reset();
        old.settled(); // its id belongs to the old connection: the broker sends the message again
        AckLine.Pending fresh = arrivedAndReturned(1);
        fresh.settled();
        assertThat(sent).containsExactly(1);
        assertThat(line.waiting()).isZero();
    }

    @Test
    void aLostMessageMakesTheLinkReconnectOnceAndNothingAfterItIsAcknowledged() {
        AckLine.Pending a = arrivedAndReturned(1);
        AckLine.Pending b = arrivedAndReturned(2);
        a.lost();
        b.lost(); // same connection, already given up
        b.settled();
        assertThat(lostCalls).hasValue(1);
        assertThat(sent).isEmpty();
    }

    @Test
    void settledTwiceOrSettledAfterLostCountsOnce() {
        AckLine.Pending a = arrivedAndReturned(1);
        a.settled();
        a.settled();
        a.lost();
        assertThat(sent).containsExactly(1);
        assertThat(lostCalls).hasValue(0);
    }
}
