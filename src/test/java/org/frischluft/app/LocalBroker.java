package org.frischluft.app;

import org.frischluft.sim.EmbeddedBroker;

/** The Mosquitto at 127.0.0.1:1883 where one answers (this machine kind and CI), else an embedded broker. */
record LocalBroker(String url, EmbeddedBroker embedded) implements AutoCloseable {
    static LocalBroker start() throws Exception {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", 1883), 500);
            return new LocalBroker("tcp://127.0.0.1:1883", null);
        } catch (java.io.IOException e) {
            EmbeddedBroker b = EmbeddedBroker.start();
            return new LocalBroker(b.url(), b);
        }
    }

    @Override
    public void close() {
        if (embedded != null) embedded.close();
    }
}
