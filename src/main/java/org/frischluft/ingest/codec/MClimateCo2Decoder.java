package org.frischluft.ingest.codec;

import static org.frischluft.ingest.codec.Bytes.u16be;
import static org.frischluft.ingest.codec.Bytes.u8;

import org.frischluft.model.Metric;

/**
 * MClimate CO2 Sensor (and CO2 Display Lite keep-alive): the keep-alive is the last 7 bytes of the frame,
 * preceded by command responses when byte 0 is not 0x01 (after co2-sensor.js): CO2 u16, temperature
 * (u16 - 400) / 10, humidity byte * 100 / 256, battery (byte * 8 + 1600) mV.
 */
final class MClimateCo2Decoder implements FrameDecoder {
    @Override
    public Frame decode(byte[] b, int fPort) throws FrameException {
        if (b.length < 7) throw new FrameException("mclimate: frame has " + b.length + " bytes, keep-alive needs 7");
        int k = u8(b, 0) == 1 ? 0 : b.length - 7;
        return new Frame.Builder()
                .put(Metric.CO2, u16be(b, k + 1))
                .put(Metric.TEMPERATURE, (u16be(b, k + 3) - 400) / 10.0)
                .put(Metric.HUMIDITY, Math.round(u8(b, k + 5) * 100.0 / 256 * 100) / 100.0)
                .put(Metric.BATTERY_V, Math.round((u8(b, k + 6) * 8 + 1600) / 10.0) / 100.0)
                .build();
    }

    /** Only a bare keep-alive is read whole: with command responses before it, the responses are skipped. */
    @Override
    public boolean readsWhole(byte[] b, int fPort) {
        return b.length == 7 && u8(b, 0) == 1;
    }
}
