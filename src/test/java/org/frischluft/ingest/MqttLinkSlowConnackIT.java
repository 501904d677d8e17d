package org.frischluft.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.frischluft.model.LinkStatus;
import org.junit.jupiter.api.Test;

/**
 * A broker that answers CONNECT only after the link stopped waiting for it (an overloaded server): the
 * connect still completes inside Paho, and the retry the link had already scheduled must not turn a working
 * connection into a link that reports RECONNECTING for ever.
 */
class MqttLinkSlowConnackIT {

    @Test
    void aRetryScheduledBeforeALateConnackLeavesTheLinkConnected() throws Exception {
        CountDownLatch releaseConnack = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread broker = new Thread(() -> serve(server, releaseConnack), "slow-broker");
            broker.setDaemon(true);
            broker.start();
            AtomicReference<LinkStatus> status = new AtomicReference<>();
            BrokerConfig config = new BrokerConfig("slow", "tcp://127.0.0.1:" + server.getLocalPort(), null, null,
                    List.of("sensors/#"), 0, true, null, null, null, null, Duration.ofSeconds(1));
            try (MqttLink link = new MqttLink(config, new Inbox(16), status::set, Clock.systemUTC())) {
                link.start();
                // the link gives up waiting for the CONNACK after 15 s and schedules a retry
                await().atMost(Duration.ofSeconds(25)).until(() -> status.get().state() == LinkStatus.State.RECONNECTING);
                releaseConnack.countDown();
                await().atMost(Duration.ofSeconds(10)).until(() -> status.get().state() == LinkStatus.State.CONNECTED);

                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                        .until(() -> status.get().state() == LinkStatus.State.CONNECTED);
                assertThat(link.isConnected()).isTrue();
            }
        }
    }

    /** Just enough MQTT 3.1.1 for one client: a held-back CONNACK, SUBACK, PINGRESP. */
    private static void serve(ServerSocket server, CountDownLatch releaseConnack) {
        try (Socket s = server.accept()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                int type = in.readUnsignedByte();
                int length = 0;
                for (int shift = 0; ; shift += 7) {
                    int b = in.readUnsignedByte();
                    length |= (b & 0x7f) << shift;
                    if ((b & 0x80) == 0) break;
                }
                byte[] body = new byte[length];
                in.readFully(body);
                switch (type & 0xf0) {
                    case 0x10 -> {
                        releaseConnack.await(60, TimeUnit.SECONDS);
                        out.write(new byte[] {0x20, 0x02, 0x00, 0x00});
                    }
                    case 0x80 -> {
                        int topics = 0;
                        for (int i = 2; i < body.length; ) {
                            int n = ((body[i] & 0xff) << 8) | (body[i + 1] & 0xff);
                            i += 2 + n + 1;
                            topics++;
                        }
                        byte[] ack = new byte[4 + topics];
                        ack[0] = (byte) 0x90;
                        ack[1] = (byte) (2 + topics);
                        ack[2] = body[0];
                        ack[3] = body[1];
                        out.write(ack);
                    }
                    case 0xc0 -> out.write(new byte[] {(byte) 0xd0, 0x00});
                    case 0xe0 -> {
                        return;
                    }
                    default -> {
                        // nothing else is needed
                    }
                }
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the test is over
        }
    }
}
