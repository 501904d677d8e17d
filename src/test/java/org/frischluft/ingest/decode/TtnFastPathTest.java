package org.frischluft.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.frischluft.model.DeviceId;
import org.frischluft.sim.SensorReading;
import org.frischluft.sim.TtnUplinks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming fast path for TTN v3 gives exactly the result of the full-tree path, for ordinary uplinks (which
 * must take it), for every corpus case and for broken or odd variants (which must fall back to the tree path).
 */
class TtnFastPathTest {
    private static final Instant ARRIVAL = Instant.parse("2026-01-12T09:00:00Z");
    private static final String TOPIC = "v3/frischluft-load@ttn/devices/eui-a81758fffe0312ab/up";
    private static final DecoderSettings SETTINGS = DecoderSettings.defaults()
            .withModels(Map.of(DeviceId.of("eui-a81758fffe000099"), "elsys-ers-co2"));
    private static final Clock CLOCK = Clock.fixed(ARRIVAL, ZoneOffset.UTC);
    private final PayloadDecoder fast = new PayloadDecoder(SETTINGS, CLOCK, true);
    private final PayloadDecoder tree = new PayloadDecoder(SETTINGS, CLOCK, false);

    private static TtnUplinks.Uplink uplink(String model, int i) {
        SensorReading r = new SensorReading(Instant.parse("2026-01-12T08:00:00Z").plus(Duration.ofMinutes(i)),
                500 + i * 37 % 1500, 19.5 + i % 40 / 10.0, 30 + i % 40, i % 500, i % 3, 3600 - i % 300,
                990 + i % 40, i % 800);
        String eui = model.startsWith("milesight") ? String.format("24e124%010x", i) : String.format("a81758fffe%06x", i);
        return new TtnUplinks("frischluft-load").uplink(DeviceId.of(eui), model, r, i);
    }

    private void assertSameResult(String topic, byte[] body) {
        DecodeResult expected = tree.decode(topic, body, ARRIVAL);
        assertThat(fast.decode(topic, body, ARRIVAL)).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(expected);
        HostileInputTest.assertNoInternalError(expected, new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void generatedElsysAndMilesightUplinksTakeTheFastPathWithTheTreeResult() {
        for (int i = 1; i <= 400; i++) {
            TtnUplinks.Uplink up = uplink(i % 2 == 0 ? "elsys-ers-co2" : "milesight-am319", i);
            assertThat(fast.takesFastPath(up.payload())).isTrue();
            DecodeResult r = fast.decode(up.topic(), up.payload(), ARRIVAL);
            assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
            assertThat(((DecodeResult.Decoded) r).readings()).isNotEmpty();
            assertThat(r).isEqualTo(tree.decode(up.topic(), up.payload(), ARRIVAL));
        }
    }

    @Test
    void uplinksWithoutDecodedPayloadGoThroughTheByteDecodersOnTheFastPath() {
        for (int i = 1; i <= 200; i++) {
            TtnUplinks.Uplink up = uplink(i % 2 == 0 ? "elsys-ers-co2" : "milesight-am319", i);
            String body = up.body().replace("\"decoded_payload\":", "\"decoded_payload_off\":");
            if (i % 4 < 2) body = body.replace("\"version_ids\":", "\"version_ids_off\":"); // model inferred from port
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            assertThat(fast.takesFastPath(b)).isTrue();
            DecodeResult r = fast.decode(up.topic(), b, ARRIVAL);
            assertThat(r).isEqualTo(tree.decode(up.topic(), b, ARRIVAL));
            assertThat(((DecodeResult.Decoded) r).readings()).as(body).isNotEmpty();
        }
    }

    @Test
    void everyCorpusCaseGivesTheTreeResult() throws IOException {
        List<JsonNode> cases = CorpusCasesTest.cases();
        int fastOnes = 0;
        for (JsonNode c : cases) {
            byte[] body = CorpusCasesTest.body(c);
            if (fast.takesFastPath(body)) fastOnes++;
            assertSameResult(c.get("topic").asText(), body);
        }
        assertThat(fastOnes).as("TTN corpus cases on the fast path").isGreaterThanOrEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // order, nulls, absent parts
        "{'uplink_message':{'decoded_payload':{'co2':812},'received_at':'2026-01-12T08:00:01Z'},'end_device_ids':{'device_id':'eui-a81758fffe000001','dev_eui':'A81758FFFE000001'}}",
        "{'end_device_ids':{'device_id':'eui-a81758fffe000001','dev_eui':null},'received_at':'2026-01-12T08:00:00Z','uplink_message':{'decoded_payload':{'co2':812}}}",
        "{'end_device_ids':{},'uplink_message':{'decoded_payload':{'co2':812}}}",
        "{'end_device_ids':{'device_id':'x'},'uplink_message':{}}",
        "{'end_device_ids':{'device_id':'x'},'uplink_message':{'decoded_payload':[1,2],'frm_payload':'AQDdAikEAAAFAAYDNAcOTA==','f_port':5,'version_ids':{'brand_id':'elsys','model_id':'ers-co2'}}}",
        "{'end_device_ids':{'device_id':'eui-a81758fffe000099'},'uplink_message':{'frm_payload':'AQDdAikEAAAFAAYDNAcOTA==','f_port':5}}",
        "{'end_device_ids':{'device_id':'x'},'uplink_message':{'frm_payload':'AQDdAikEAAAFAAYDNAcOTA==','f_port':5,'version_ids':null}}",
        "{'end_device_ids':{'device_id':'x'},'uplink_message':{'frm_payload':'not base64!','f_port':5}}",
        "{'end_device_ids':{'device_id':'x'},'uplink_message':{'frm_payload':'PkQdAhs=','f_port':2,'version_ids':{'brand_id':'talkpool','model_id':'oy1210'}}}",
        "{'end_device_ids':{'device_id':'x'},'uplink_message':{'frm_payload':'PkQdAhs=','f_port':3,'version_ids':{'brand_id':'talkpool','model_id':'oy1210'}}}",
        "{'end_device_ids':{'device_id':'x'},'uplink_message':{'version_ids':{'model_id':'laq4','brand_id':'dragino','band_id':'EU_863_870'},'f_port':2,'frm_payload':'DQcFABICCwD7AbM='}}",
        "{'end_device_ids':{'device_id':'x'},'uplink_message':{'decoded_payload':null,'normalized_payload':[{'air':{'co2':650,'temperature':21.5}}]}}",
        "{'end_device_ids':{'device_id':'x'},'uplink_message':{'decoded_payload':{'battery':3.1},'normalized_payload':'x'}}",
        "{'end_device_ids':{'device_id':'x'},'uplink_normalized':{'normalized_payload':{'air':{'co2':700}}}}",
        "{'end_device_ids':{'device_id':'x'},'uplink_normalized':{'normalized_payload':[]}}",
        "{'end_device_ids':{'device_id':'x'},'uplink_message':{'decoded_payload':{'co2':1}},'uplink_normalized':{'normalized_payload':{'air':{'co2':700}}}}",
        "{'end_device_ids':{'device_id':'x'},'simulated':true,'uplink_message':{'decoded_payload':{'co2':900,'temperature':'21.5'}}}",
        "{'end_device_ids':{'device_id':'x'},'uplink_message':{'decoded_payload':{'co2':65535,'humidity':-1,'history':[{'timestamp':1768204800,'co2':640}]},'version_ids':{'brand_id':'milesight-iot','model_id':'am319'}}}",
        // events and missing parts
        "{'end_device_ids':{'device_id':'x'},'downlink_queued':{},'join_accept':{}}",
        "{'end_device_ids':{'device_id':'x'},'location_solved':{'location':{'latitude':1}}}",
        "{'end_device_ids':{'device_id':'x'},'correlation_ids':['a']}",
        "{'end_device_ids':{'dev_eui':''},'uplink_message':{'decoded_payload':{'co2':812}}}",
        // types the fast path leaves to the tree
        "{'end_device_ids':{'device_id':'x'},'uplink_message':null}",
        "{'end_device_ids':{'device_id':'x'},'uplink_message':[1]}",
        "{'end_device_ids':null,'uplink_message':{'decoded_payload':{'co2':812}}}",
        "{'end_device_ids':{'dev_eui':12345678},'uplink_message':{'decoded_payload':{'co2':812}}}",
        "{'end_device_ids':{'device_id':'x'},'simulated':'true','uplink_message':{'decoded_payload':{'co2':812}}}",
        "{'end_device_ids':{'device_id':'x'},'uplink_message':{'frm_payload':'AQDdAikEAAAFAAYDNAcOTA==','f_port':'5'}}",
        "{'end_device_ids':{'device_id':'x'},'uplink_message':{'frm_payload':'AQDdAikEAAAFAAYDNAcOTA==','f_port':5.0}}",
        "{'end_device_ids':{'device_id':'x'},'uplink_message':{'frm_payload':'AQDdAikEAAAFAAYDNAcOTA==','f_port':null}}",
        "{'end_device_ids':{'device_id':'x'},'received_at':1768204800,'uplink_message':{'decoded_payload':{'co2':812}}}",
        "{'end_device_ids':{'device_id':'x'},'deviceInfo':{'devEui':'0101010101010101'},'object':{'co2':812}}",
        // broken: the tree path words the rejection
        "{'end_device_ids':{'device_id':'x'},'uplink_message':{'decoded_payload':{'co2':812}}} {}",
        "{'end_device_ids':{'device_id':'x'},'uplink_message':{'decoded_payload':{'co2':812}}}}",
        "{'end_device_ids':{'device_id':'x'},'uplink_message':{'decoded_payload':{'co2':812},'rx_metadata':[{'a':1,'a':2}]}}",
        "{'end_device_ids':{'device_id':'x','device_id':'y'},'uplink_message':{'decoded_payload':{'co2':812}}}",
        "{'end_device_ids':{'device_id':'x'},'uplink_message':{'decoded_payload':{'co2':NaN}}}",
        "{'end_device_ids':{'device_id':'x'},'uplink_message':{'rx_metadata':[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}",
        "{'end_device_ids':{'device_id':'x'},'uplink_message':{'decoded_payload':{'co2':812}",
    })
    void oddAndBrokenVariantsGiveTheTreeResult(String json) {
        assertSameResult(TOPIC, json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void oddVariantsFallBackToTheTreeAndPlainOnesDoNot() {
        assertThat(fast.takesFastPath(bytes("{'end_device_ids':{'device_id':'x'},'uplink_message':{'f_port':'5'}}"))).isFalse();
        assertThat(fast.takesFastPath(bytes("{'end_device_ids':{'device_id':'x'},'uplink_message':{'f_port':5}} x"))).isFalse();
        assertThat(fast.takesFastPath(bytes("{'deviceInfo':{},'end_device_ids':{'device_id':'x'}}"))).isFalse();
        assertThat(fast.takesFastPath(bytes("{'uplink_message':{'f_port':5}}"))).isFalse();
        assertThat(fast.takesFastPath(bytes("{'end_device_ids':{'device_id':'x'},'uplink_message':{'f_port':5}}"))).isTrue();
    }

    @Test
    void mutatedRealUplinksGiveTheTreeResult() {
        Random rnd = new Random(7);
        byte[] noise = "{}[]\",:0123456789.eE-tfn \\".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 2_000; i++) {
            byte[] b = uplink(i % 3 == 0 ? "milesight-am319" : "elsys-ers-co2", i).payload();
            switch (i % 4) {
                case 0 -> b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length)); // truncated
                case 1 -> b[rnd.nextInt(b.length)] = noise[rnd.nextInt(noise.length)]; // one byte changed
                case 2 -> { // a stretch deleted
                    int from = rnd.nextInt(b.length);
                    int to = Math.min(b.length, from + 1 + rnd.nextInt(40));
                    byte[] c = new byte[b.length - (to - from)];
                    System.arraycopy(b, 0, c, 0, from);
                    System.arraycopy(b, to, c, from, b.length - to);
                    b = c;
                }
                default -> { // two bytes changed
                    b[rnd.nextInt(b.length)] = noise[rnd.nextInt(noise.length)];
                    b[rnd.nextInt(b.length)] = noise[rnd.nextInt(noise.length)];
                }
            }
            assertSameResult(TOPIC, b);
        }
    }

    private static byte[] bytes(String json) {
        return json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }
}
