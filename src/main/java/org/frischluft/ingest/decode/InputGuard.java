package org.frischluft.ingest.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.frischluft.ingest.decode.DecodeResult.Ignored;
import org.frischluft.ingest.decode.DecodeResult.Rejected;

/** What is checked before any parsing: a blank body, the size limit, bytes that are no UTF-8 text. */
final class InputGuard {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final int maxBytes;

    InputGuard(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Null when {@code body} may be parsed, else why not; {@code start} is {@link #firstNonSpace}. A binary body on a
     * ChirpStack event topic gets a hint: with {@code json=false} ChirpStack publishes protobuf.
     */
    DecodeResult check(String topic, byte[] body, int start) {
        if (start == body.length) return new Ignored("empty-payload: zero-length or blank message (clears a retained topic)");
        if (body.length > maxBytes) {
            return new Rejected("too-large: " + body.length + " bytes, limit " + maxBytes);
        }
        if (isBinary(body)) {
            String hint = topic.contains("/event/up") ? " (ChirpStack with json=false sends protobuf; set json=true)" : "";
            return new Rejected("binary-payload: " + body.length + " bytes that are not UTF-8 text" + hint);
        }
        return null;
    }

    /** Index of the first byte that is no JSON whitespace; {@code body.length} when there is none. */
    static int firstNonSpace(byte[] body) {
        int start = 0;
        while (start < body.length && isSpace(body[start])) start++;
        return start;
    }

    static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** Control bytes other than whitespace, or bytes that are not UTF-8. */
    static boolean isBinary(byte[] body) {
        boolean ascii = true;
        int i = 0;
        for (; i < body.length; i++) {
            // eight bytes at a time where all are printable ASCII (no high bit, none below 0x20)
            if ((i & 7) == 0 && i + 8 <= body.length) {
                long w = (long) LONGS.get(body, i);
                if (((w | (w - ONES * 0x20) & ~w) & HIGHS) == 0) {
                    i += 7;
                    continue;
                }
            }
            byte b = body[i];
            if (b < 0) {
                ascii = false;
            } else if (b < 0x20 && !isSpace(b)) {
                return true;
            }
        }
        if (ascii) return false;
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return false;
        } catch (CharacterCodingException e) {
            return true;
        }
    }
}
