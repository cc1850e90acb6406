package com.sovera.console.deposit;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code as pixels: black modules on white with a four-module quiet zone, whatever the theme. The same
 * pixels become the image on screen and are decoded back to prove the code says what it should.
 */
public record QrCode(String payload, int width, int height, int[] argb) {

    private static final int BLACK = 0xFF000000;
    private static final int WHITE = 0xFFFFFFFF;

    /** Encodes with medium error correction, {@code scale} pixels a module. */
    public static QrCode encode(String payload, int scale) {
        try {
            BitMatrix m = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            int w = m.getWidth() * scale;
            int h = m.getHeight() * scale;
            int[] pixels = new int[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    pixels[y * w + x] = m.get(x / scale, y / scale) ? BLACK : WHITE;
                }
            }
            return new QrCode(payload, w, h, pixels);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode this payload as a QR code", e);
        }
    }

    /** Reads a QR code from pixels; null when none can be read. */
    public static String decode(int[] argb, int width, int height) {
        try {
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, argb)));
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return null;
        }
    }
}
