package org.frischluft.ingest.codec;

import static org.frischluft.ingest.codec.Bytes.u16be;
import static org.frischluft.ingest.codec.Bytes.u8;

import org.frischluft.model.Metric;

/**
 * Talkpool OY1210: a 5-byte frame on fPort 2 (after oy1210.js): temperature and humidity are 12-bit values
 * (byte 0 + high nibble of byte 2, byte 1 + low nibble of byte 2), CO2 a big-endian u16 in bytes 3-4.
 */
final class TalkpoolOy1210Decoder implements FrameDecoder {
    @Override
    public Frame decode(byte[] b, int fPort) throws FrameException {
        if (fPort >= 0 && fPort != 2) throw new FrameException("oy1210: measurements come on fPort 2, not " + fPort);
        if (b.length != 5) throw new FrameException("oy1210: frame has " + b.length + " bytes, expected 5");
        int t = (u8(b, 0) << 4) | (u8(b, 2) >> 4);
        int h = (u8(b, 1) << 4) | (u8(b, 2) & 0x0F);
        return new Frame.Builder()
                .put(Metric.TEMPERATURE, Math.round((t / 10.0 - 80) * 10) / 10.0)
                .put(Metric.HUMIDITY, Math.round((h / 10.0 - 25) * 10) / 10.0)
                .put(Metric.CO2, u16be(b, 3))
                .build();
    }
}
