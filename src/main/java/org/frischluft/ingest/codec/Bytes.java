package org.frischluft.ingest.codec;

/** Little helpers for reading integers out of frames, with bounds checks that throw {@link FrameException}. */
final class Bytes {
    private Bytes() {
    }

    static void need(byte[] b, int pos, int len, String what) throws FrameException {
        if (pos < 0 || pos + len > b.length) {
            throw new FrameException(what + ": frame ends at byte " + b.length + ", needs " + (pos + len));
        }
    }

    static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    static int u16be(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    static int s16be(byte[] b, int i) {
        return (short) u16be(b, i);
    }

    static int u16le(byte[] b, int i) {
        return ((b[i + 1] & 0xFF) << 8) | (b[i] & 0xFF);
    }

    static int s16le(byte[] b, int i) {
        return (short) u16le(b, i);
    }

    static long u32le(byte[] b, int i) {
        return ((long) u16le(b, i + 2) << 16) | u16le(b, i);
    }

    static long u32be(byte[] b, int i) {
        return ((long) u16be(b, i) << 16) | u16be(b, i + 2);
    }

    static int s32be(byte[] b, int i) {
        return (int) u32be(b, i);
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return sb.toString();
    }
}
