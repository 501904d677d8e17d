package org.frischluft.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The decoder's quick timestamp parser and binary check agree with the plain java.time and byte-by-byte ones. */
class FastChecksTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024-10-15T08:15:30Z", "2024-10-15T08:15:30.1Z", "2024-10-15T08:15:30.123456789Z",
        "2024-10-15T08:15:30.000000Z", "2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z"})
    void networkServerTimestampsParseAsInstantParseDoes(String iso) {
        assertThat(Timestamps.utc(iso)).isEqualTo(Instant.parse(iso));
        assertThat(Timestamps.time(iso, null)).isEqualTo(Instant.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T08:15:30Z", "2024-13-01T08:15:30Z", "2024-10-15T24:00:00Z",
        "2024-10-15T23:59:60Z", "2024-10-15T08:15:30.1234567890Z", "2024-10-15T08:15:30.Z", "2024-10-15t08:15:30Z",
        "2024-10-15T08:15:30+02:00", "2024-10-15T08:15:30.5+02:00", "+2024-10-15T08:15:30Z", "2024-1a-15T08:15:30Z",
        "2024-10-15 08:15:30Z", "2024-10-15T08:15Z", "2024-10-15T08:15:30,5Z", "2024-00-15T08:15:30Z"})
    void anythingElseIsLeftToJavaTime(String iso) {
        assertThat(Timestamps.utc(iso)).isNull();
        Instant expected;
        try {
            expected = Instant.parse(iso);
        } catch (DateTimeParseException e) {
            try {
                expected = java.time.OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeParseException e2) {
                expected = Instant.EPOCH;
            }
        }
        assertThat(Timestamps.time(iso, Instant.EPOCH)).isEqualTo(expected);
    }

    @Test
    void randomTimestampsParseAsInstantParseDoes() {
        Random rnd = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(rnd.nextLong(-62_000_000_000L, 253_000_000_000L), rnd.nextInt(1_000_000_000));
            String iso = t.toString();
            if (i % 3 == 0) iso = iso.substring(0, 19) + "Z";
            assertThat(Timestamps.time(iso, null)).as(iso).isEqualTo(Instant.parse(iso));
        }
    }

    @Test
    void binaryCheckAgreesWithAByteByByteCheck() {
        Random rnd = new Random(5);
        byte[] alphabet = {'a', '{', ' ', '\n', '\t', '\r', 0, 1, 0x1f, 0x20, 0x7f, (byte) 0x80, (byte) 0xc3, (byte) 0xa4,
            (byte) 0xff, (byte) 0xe2, (byte) 0x82, (byte) 0xac};
        int binary = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[rnd.nextInt(70)];
            for (int j = 0; j < b.length; j++) b[j] = (byte) ('a' + rnd.nextInt(26));
            for (int k = rnd.nextInt(3); k > 0 && b.length > 0; k--) b[rnd.nextInt(b.length)] = alphabet[rnd.nextInt(alphabet.length)];
            boolean expected = byteByByte(b);
            if (expected) binary++;
            assertThat(InputGuard.isBinary(b)).as(java.util.HexFormat.of().formatHex(b)).isEqualTo(expected);
        }
        assertThat(binary).isBetween(2_000, 18_000);
    }

    private static boolean byteByByte(byte[] body) {
        for (byte b : body) {
            if (b >= 0 && b < 0x20 && b != ' ' && b != '\t' && b != '\r' && b != '\n') return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return false;
        } catch (CharacterCodingException e) {
            return true;
        }
    }
}
