package org.frischluft.ui.kiosk;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** A QR code as a JavaFX image (zxing encodes), black on white with a quiet zone, so a phone reads it off the screen. */
public final class QrCodes {
    private QrCodes() {
    }

    /** {@code text} as a QR code of about {@code size} pixels square, whole pixels per module. */
    public static WritableImage image(String text, int size) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as QR: " + e.getMessage(), e);
        }
        int modules = m.getWidth();
        int scale = Math.max(1, size / modules);
        WritableImage img = new WritableImage(modules * scale, modules * scale);
        PixelWriter w = img.getPixelWriter();
        for (int y = 0; y < modules; y++) {
            for (int x = 0; x < modules; x++) {
                Color c = m.get(x, y) ? Color.BLACK : Color.WHITE;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) w.setColor(x * scale + dx, y * scale + dy, c);
                }
            }
        }
        return img;
    }
}
