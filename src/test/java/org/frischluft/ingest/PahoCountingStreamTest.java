package org.frischluft.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.file.Path;
import org.eclipse.paho.client.mqttv3.internal.wire.CountingInputStream;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttPublish;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.Test;

/** Our bulk-reading replacement of Paho's CountingInputStream is the one loaded, and Paho still works with it. */
class PahoCountingStreamTest {
    @Test
    void theProjectsCountingStreamShadowsPahosOwn() throws Exception {
        Path source = Path.of(CountingInputStream.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path paho = Path.of(MqttPublish.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(source).as("loaded from the project's classes, not Paho's jar").isNotEqualTo(paho);
        assertThat(CountingInputStream.class.getDeclaredMethod("read", byte[].class, int.class, int.class)).isNotNull();
    }

    @Test
    void bulkReadsAreCountedLikeSingleBytes() throws Exception {
        byte[] data = new byte[5000];
        for (int i = 0; i < data.length; i++) data[i] = (byte) i;
        CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(data));
        assertThat(in.read()).isEqualTo(0);
        byte[] rest = new byte[4999];
        new DataInputStream(in).readFully(rest);
        assertThat(in.getCounter()).isEqualTo(5000);
        assertThat(rest[4998]).isEqualTo(data[4999]);
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.getCounter()).isEqualTo(5000);
        in.resetCounter();
        assertThat(in.getCounter()).isZero();
    }

    @Test
    void pahoStillParsesAPublishPacketThroughIt() throws Exception {
        MqttMessage message = new MqttMessage("{\"co2\": 812}".getBytes());
        message.setQos(1);
        MqttPublish out = new MqttPublish("v3/app@ttn/devices/d1/up", message);
        out.setMessageId(7);
        byte[] header = out.getHeader();
        byte[] payload = out.getPayload();
        byte[] variable = new byte[header.length - 2 + payload.length];
        // header[0] is the fixed header byte, header[1] the remaining length (short packet); the rest is variable
        System.arraycopy(header, 2, variable, 0, header.length - 2);
        System.arraycopy(payload, 0, variable, header.length - 2, payload.length);
        MqttPublish in = new MqttPublish(header[0], variable);
        assertThat(in.getTopicName()).isEqualTo("v3/app@ttn/devices/d1/up");
        assertThat(new String(in.getMessage().getPayload())).isEqualTo("{\"co2\": 812}");
        assertThat(in.getMessageId()).isEqualTo(7);
    }
}
