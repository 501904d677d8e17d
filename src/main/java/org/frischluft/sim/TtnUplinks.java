package org.frischluft.sim;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import org.frischluft.model.DeviceId;

/**
 * Renders The Things Stack (TTN v3, cluster eu1) {@code /up} messages for simulated sensors, shaped like real
 * uplinks today (FORMATS.md §1): upper-case {@code dev_eui}, {@code correlation_ids}, {@code frm_payload} with the
 * real device bytes, {@code decoded_payload} exactly as the device-repository codec returns it, one or two
 * gateways in {@code rx_metadata}, EU868 settings, airtime, {@code version_ids} and {@code network_ids}.
 *
 * <p>Elsys ERS CO2 (and anything not Milesight) is encoded as Elsys TLV on FPort 5: {@code 01} temperature
 * int16/10, {@code 02} humidity %, {@code 04} light lux, {@code 05} motion count, {@code 06} CO2 ppm, {@code 07}
 * vdd mV (all big-endian). Milesight AM319 is encoded on FPort 85 with its channel layout: {@code 03 67}
 * temperature int16 LE/10, {@code 04 68} humidity byte/2, {@code 05 00} PIR, {@code 06 CB} light level, {@code 07 7D}
 * CO2 uint16 LE, {@code 08 7D} TVOC, {@code 09 73} pressure uint16 LE/10.
 *
 * <p>Stateless and thread-safe; a StringBuilder renderer (no object tree), because the load generator needs
 * well over 50,000 messages per second. Radio metadata and ids are pseudo-random but derived from the device and
 * frame counter, so the same input always gives the same bytes.
 */
public final class TtnUplinks {
    /** The TTN application id the demo school publishes under. */
    public static final String DEFAULT_APPLICATION = "frischluft-demo";
    public static final int ELSYS_PORT = 5;
    public static final int MILESIGHT_PORT = 85;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final long[] FREQUENCIES = {868_100_000, 868_300_000, 868_500_000, 867_100_000, 867_300_000,
            867_500_000, 867_700_000, 867_900_000};
    private static final String[][] GATEWAYS = {
            {"lindenpark-dach", "B827EBFFFE6C2A11"},
            {"eui-58a0cbfffe8013d2", "58A0CBFFFE8013D2"}};
    private static final Base64.Encoder B64 = Base64.getEncoder();

    private final String applicationId;
    private final String topicPrefix;

    public TtnUplinks(String applicationId) {
        Objects.requireNonNull(applicationId, "applicationId");
        if (!applicationId.matches("[a-z0-9](?:[-]?[a-z0-9]){1,35}")) {
            throw new IllegalArgumentException("not a TTN application id: " + applicationId);
        }
        this.applicationId = applicationId;
        this.topicPrefix = "v3/" + applicationId + "@ttn/devices/";
    }

    public TtnUplinks() {
        this(DEFAULT_APPLICATION);
    }

    /** One MQTT message: topic and UTF-8 JSON body. */
    public record Uplink(String topic, byte[] payload) {
        public String body() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    public String applicationId() {
        return applicationId;
    }

    /** The TTN device id the Console proposes for a DevEUI: {@code eui-<lower-case hex>}. */
    public static String deviceId(DeviceId eui) {
        return eui.isEui() ? "eui-" + eui.value() : eui.value();
    }

    /** {@code v3/{app}@ttn/devices/{device id}/up}. */
    public String topic(DeviceId device) {
        return topicPrefix + deviceId(device) + "/up";
    }

    /** True for the Milesight AM3xx channel encoding, false for Elsys TLV (the default). */
    public static boolean isMilesight(String model) {
        return model != null && model.toLowerCase(Locale.ROOT).contains("milesight");
    }

    /** The uplink for one reading; {@code fCnt} is the device's frame counter (left out when 0, as TTN does). */
    public Uplink uplink(DeviceId device, String model, SensorReading r, long fCnt) {
        boolean milesight = isMilesight(model);
        byte[] frm = milesight ? am319Payload(r) : elsysPayload(r);
        String eui = device.isEui() ? device.value().toUpperCase(Locale.ROOT) : syntheticEui(device);
        long seed = mix(euiBits(eui) ^ (fCnt * 0x9E3779B97F4A7C15L));
        long deviceHash = mix(euiBits(eui));

        Instant received = r.time();
        Instant gatewayTime = received.minusNanos(240_000_000L + (seed & 0xFFFF) * 500);
        Instant gatewayReceived = gatewayTime.plusNanos(1_600_000L + ((seed >>> 16) & 0x3FFFF));
        Instant nsReceived = gatewayTime.plusNanos(33_000_000L + ((seed >>> 20) & 0xFFFFF));
        int sf = 7 + (int) ((deviceHash >>> 8) % 3);
        int channel = (int) ((seed >>> 40) & 7);
        int baseRssi = -62 - (int) ((deviceHash >>> 16) % 44);

        StringBuilder sb = new StringBuilder(1_700);
        sb.append("{\"end_device_ids\":{\"device_id\":\"").append(deviceId(device))
                .append("\",\"application_ids\":{\"application_id\":\"").append(applicationId)
                .append("\"},\"dev_eui\":\"").append(eui)
                .append("\",\"join_eui\":\"").append(milesight ? "24E124C0002A0001" : "A81758FFFE000001")
                .append("\",\"dev_addr\":\"260B");
        hex(sb, deviceHash >>> 32, 4);
        sb.append("\"},\"correlation_ids\":[\"as:up:");
        ulid(sb, received.toEpochMilli(), seed);
        sb.append("\",\"gs:conn:");
        ulid(sb, received.toEpochMilli() - 86_400_000L * 3, deviceHash);
        sb.append("\",\"gs:up:host:");
        ulid(sb, received.toEpochMilli() - 86_400_000L * 3, deviceHash ^ 0x5555);
        sb.append("\",\"gs:uplink:");
        ulid(sb, gatewayReceived.toEpochMilli(), seed ^ 1);
        sb.append("\",\"ns:uplink:");
        ulid(sb, gatewayReceived.toEpochMilli() + 1, seed ^ 2);
        sb.append("\",\"rpc:/ttn.lorawan.v3.GsNs/HandleUplink:");
        ulid(sb, gatewayReceived.toEpochMilli() + 1, seed ^ 3);
        sb.append("\",\"rpc:/ttn.lorawan.v3.NsAs/HandleUplink:");
        ulid(sb, nsReceived.toEpochMilli(), seed ^ 4);
        sb.append("\"],\"received_at\":\"");
        time(sb, received, 9);
        sb.append("\",\"uplink_message\":{\"session_key_id\":\"");
        sb.append(B64.encodeToString(bytes(deviceHash ^ 0xC0FFEE, 16)));
        sb.append("\",\"f_port\":").append(milesight ? MILESIGHT_PORT : ELSYS_PORT);
        if (fCnt != 0) sb.append(",\"f_cnt\":").append(fCnt);
        sb.append(",\"frm_payload\":\"").append(B64.encodeToString(frm)).append("\",\"decoded_payload\":");
        if (milesight) {
            am319Decoded(sb, frm);
        } else {
            elsysDecoded(sb, frm);
        }
        sb.append(",\"rx_metadata\":[");
        int gateways = ((seed >>> 50) % 5) < 2 ? 2 : 1;
        for (int g = 0; g < gateways; g++) {
            int rssi = baseRssi - g * 19 - (int) ((seed >>> (8 * g)) & 7);
            double snr = Math.max(-14, Math.min(12.5, (rssi + 112) / 4.0 - ((seed >>> (12 + g)) & 3) * 0.25));
            if (g > 0) sb.append(',');
            sb.append("{\"gateway_ids\":{\"gateway_id\":\"").append(GATEWAYS[g][0]).append("\",\"eui\":\"")
                    .append(GATEWAYS[g][1]).append("\"},\"time\":\"");
            time(sb, gatewayTime, 6);
            sb.append("\",\"timestamp\":").append(concentratorTicks(gatewayTime, g))
                    .append(",\"rssi\":").append(rssi)
                    .append(",\"channel_rssi\":").append(rssi)
                    .append(",\"snr\":").append(snr)
                    .append(",\"frequency_offset\":\"").append((int) ((seed >>> (24 + g)) % 4000) - 2000)
                    .append("\",\"uplink_token\":\"").append(B64.encodeToString(bytes(seed ^ g, 63)))
                    .append("\",\"channel_index\":").append(channel)
                    .append(",\"received_at\":\"");
            time(sb, gatewayReceived.plusNanos(g * 3_100_000L), 9);
            sb.append("\"}");
        }
        sb.append("],\"settings\":{\"data_rate\":{\"lora\":{\"bandwidth\":125000,\"spreading_factor\":").append(sf)
                .append(",\"coding_rate\":\"4/5\"}},\"frequency\":\"").append(FREQUENCIES[channel])
                .append("\",\"timestamp\":").append(concentratorTicks(gatewayTime, 0)).append(",\"time\":\"");
        time(sb, gatewayTime, 6);
        sb.append("\"},\"received_at\":\"");
        time(sb, nsReceived, 9);
        sb.append("\",\"consumed_airtime\":\"").append(airtimeSeconds(sf, 13 + frm.length))
                .append("s\",\"version_ids\":{\"brand_id\":\"").append(milesight ? "milesight-iot" : "elsys")
                .append("\",\"model_id\":\"").append(milesight ? "am319" : "ers-co2")
                .append("\",\"hardware_version\":\"").append(milesight ? "2.0" : "1.0")
                .append("\",\"firmware_version\":\"").append(milesight ? "1.3" : "1.0")
                .append("\",\"band_id\":\"EU_863_870\"},\"network_ids\":{\"net_id\":\"000013\",")
                .append("\"ns_id\":\"EC656E0000000181\",\"tenant_id\":\"ttn\",\"cluster_id\":\"eu1\",")
                .append("\"cluster_address\":\"eu1.cloud.thethings.network\"}}}");
        return new Uplink(topic(device), sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Elsys ERS CO2 TLV bytes (elsys.js layout). */
    public static byte[] elsysPayload(SensorReading r) {
        int t10 = (int) Math.round(r.temperatureC() * 10);
        int rh = clamp((int) Math.round(r.humidityPct()), 0, 100);
        int light = clamp(r.lightLux(), 0, 0xFFFF);
        int motion = clamp(r.motion(), 0, 0xFF);
        int co2 = clamp(r.co2Ppm(), 0, 0xFFFF);
        int vdd = clamp(r.vddMv(), 0, 0xFFFF);
        return new byte[] {
                0x01, (byte) (t10 >> 8), (byte) t10,
                0x02, (byte) rh,
                0x04, (byte) (light >> 8), (byte) light,
                0x05, (byte) motion,
                0x06, (byte) (co2 >> 8), (byte) co2,
                0x07, (byte) (vdd >> 8), (byte) vdd};
    }

    /** Milesight AM319 channel bytes (am319.js layout), without the optional HCHO/PM channels. */
    public static byte[] am319Payload(SensorReading r) {
        int t10 = (int) Math.round(r.temperatureC() * 10);
        int rh2 = clamp((int) Math.round(r.humidityPct() * 2), 0, 200);
        int co2 = clamp(r.co2Ppm(), 0, 0xFFFF);
        int tvoc = clamp(r.tvoc(), 0, 0xFFFF);
        int p10 = clamp((int) Math.round(r.pressureHpa() * 10), 0, 0xFFFF);
        return new byte[] {
                0x03, 0x67, (byte) t10, (byte) (t10 >> 8),
                0x04, 0x68, (byte) rh2,
                0x05, 0x00, (byte) (r.motion() > 0 ? 1 : 0),
                0x06, (byte) 0xCB, (byte) lightLevel(r.lightLux()),
                0x07, 0x7D, (byte) co2, (byte) (co2 >> 8),
                0x08, 0x7D, (byte) tvoc, (byte) (tvoc >> 8),
                0x09, 0x73, (byte) p10, (byte) (p10 >> 8)};
    }

    /** The AM319's 0–5 light level for an illuminance (its light sensor reports levels, not lux). */
    static int lightLevel(int lux) {
        if (lux < 10) return 0;
        if (lux < 50) return 1;
        if (lux < 200) return 2;
        if (lux < 500) return 3;
        if (lux < 1_000) return 4;
        return 5;
    }

    // decoded_payload: exactly what the codec computes from the bytes, keys sorted as TTN serialises them
    private static void elsysDecoded(StringBuilder sb, byte[] b) {
        int t10 = (short) (((b[1] & 0xFF) << 8) | (b[2] & 0xFF));
        sb.append("{\"co2\":").append(u16be(b, 11))
                .append(",\"humidity\":").append(b[4] & 0xFF)
                .append(",\"light\":").append(u16be(b, 6))
                .append(",\"motion\":").append(b[9] & 0xFF)
                .append(",\"temperature\":");
        tenths(sb, t10);
        sb.append(",\"vdd\":").append(u16be(b, 14)).append('}');
    }

    private static void am319Decoded(StringBuilder sb, byte[] b) {
        int t10 = (short) ((b[2] & 0xFF) | ((b[3] & 0xFF) << 8));
        int rh2 = b[6] & 0xFF;
        sb.append("{\"activity\":\"").append(b[9] == 1 ? "trigger" : "idle")
                .append("\",\"co2\":").append(u16le(b, 15))
                .append(",\"humidity\":").append(rh2 / 2);
        if ((rh2 & 1) != 0) sb.append(".5");
        sb.append(",\"light_level\":").append(b[12] & 0xFF).append(",\"pressure\":");
        tenths(sb, u16le(b, 23));
        sb.append(",\"temperature\":");
        tenths(sb, t10);
        sb.append(",\"tvoc\":").append(u16le(b, 19)).append('}');
    }

    private static void tenths(StringBuilder sb, int v) {
        if (v < 0) {
            sb.append('-');
            v = -v;
        }
        sb.append(v / 10);
        if (v % 10 != 0) sb.append('.').append(v % 10);
    }

    private static int u16be(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    private static int u16le(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** LoRa time on air (Semtech AN1200.13), explicit header, CRC on, CR 4/5, 8-symbol preamble, 125 kHz. */
    static String airtimeSeconds(int sf, int phyPayloadBytes) {
        double tSym = Math.pow(2, sf) / 125_000.0;
        int de = sf >= 11 ? 1 : 0;
        double num = 8.0 * phyPayloadBytes - 4 * sf + 28 + 16;
        int payloadSymbols = 8 + Math.max((int) Math.ceil(num / (4.0 * (sf - 2 * de))) * 5, 0);
        long micros = Math.round((12.25 + payloadSymbols) * tSym * 1_000_000);
        return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    private static long concentratorTicks(Instant t, int gateway) {
        long micros = t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
        return (micros + gateway * 1_234_567_891L) & 0xFFFFFFFFL;
    }

    private static void time(StringBuilder sb, Instant t, int fractionDigits) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        sb.append(d.getYear()).append('-');
        two(sb, d.getMonthValue());
        sb.append('-');
        two(sb, d.getDayOfMonth());
        sb.append('T');
        two(sb, d.getHour());
        sb.append(':');
        two(sb, d.getMinute());
        sb.append(':');
        two(sb, d.getSecond());
        sb.append('.');
        int nanos = t.getNano();
        for (int div = 100_000_000, i = 0; i < fractionDigits; i++, div /= 10) {
            sb.append((char) ('0' + (nanos / div) % 10));
        }
        sb.append('Z');
    }

    private static void two(StringBuilder sb, int v) {
        sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private static void hex(StringBuilder sb, long v, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            sb.append(HEX[(int) (v >>> (4 * i)) & 0xF]);
        }
    }

    /** A ULID: 48-bit millisecond time and 80 pseudo-random bits in Crockford base 32, as TTN's ids are. */
    private static void ulid(StringBuilder sb, long millis, long seed) {
        for (int i = 9; i >= 0; i--) {
            sb.append(CROCKFORD[(int) (millis >>> (5 * i)) & 31]);
        }
        long a = mix(seed), b = mix(a);
        for (int i = 0; i < 16; i++) {
            long src = i < 12 ? a : b;
            sb.append(CROCKFORD[(int) (src >>> (5 * (i % 12))) & 31]);
        }
    }

    private static byte[] bytes(long seed, int n) {
        byte[] out = new byte[n];
        long s = seed;
        for (int i = 0; i < n; i += 8) {
            s = mix(s + 0x9E3779B97F4A7C15L);
            for (int j = 0; j < 8 && i + j < n; j++) {
                out[i + j] = (byte) (s >>> (8 * j));
            }
        }
        return out;
    }

    private static long euiBits(String eui) {
        long v = 0;
        for (int i = 0; i < eui.length(); i++) {
            v = v * 31 + eui.charAt(i);
        }
        return v;
    }

    private static String syntheticEui(DeviceId device) {
        StringBuilder sb = new StringBuilder(16);
        hex(sb, mix(euiBits(device.value())), 16);
        return sb.toString();
    }

    /** SplitMix64 finaliser: a cheap, well-mixed hash of a long. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
