package org.frischluft.app;

import java.nio.file.Path;
import org.frischluft.ingest.MosquittoProcess;
import org.frischluft.sim.EmbeddedBroker;

/**
 * A real broker for the record ITs: the Mosquitto at 127.0.0.1:1883 where one answers (this machine kind and CI),
 * else an embedded broker; or, for tests that must not meet the shared broker's limits, a private one.
 */
record LocalBroker(String url, EmbeddedBroker embedded, MosquittoProcess own) implements AutoCloseable {
    static LocalBroker start() throws Exception {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", 1883), 500);
            return new LocalBroker("tcp://127.0.0.1:1883", null, null);
        } catch (java.io.IOException e) {
            EmbeddedBroker b = EmbeddedBroker.start();
            return new LocalBroker(b.url(), b, null);
        }
    }

    /**
     * A Mosquitto of the test's own in {@code dir} where mosquitto is installed (persistence on, room for 100,000
     * queued messages per client: a shared broker's default of 1,000 drops QoS-1 messages for a recorder that is
     * slow for a moment, which is the broker's loss, not the recorder's), else {@link #start()}.
     */
    static LocalBroker own(Path dir) throws Exception {
        if (!MosquittoProcess.available()) return start();
        MosquittoProcess m = MosquittoProcess.startPlain(dir);
        return new LocalBroker(m.url(), null, m);
    }

    @Override
    public void close() {
        if (embedded != null) embedded.close();
        if (own != null) {
            try {
                own.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the test's mosquitto", e);
            }
        }
    }
}
