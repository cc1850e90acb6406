package com.sovera.console.deposit;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** QR pixels to and from JavaFX images, and to PNG files. */
public final class QrImages {

    private QrImages() {
    }

    public static WritableImage toImage(QrCode qr) {
        WritableImage image = new WritableImage(qr.width(), qr.height());
        image.getPixelWriter().setPixels(0, 0, qr.width(), qr.height(), PixelFormat.getIntArgbInstance(),
                qr.argb(), 0, qr.width());
        return image;
    }

    /** Decodes what an image on screen actually shows. */
    public static String decode(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        PixelReader reader = image.getPixelReader();
        reader.getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return QrCode.decode(argb, w, h);
    }

    public static void savePng(QrCode qr, Path file) throws IOException {
        BufferedImage image = new BufferedImage(qr.width(), qr.height(), BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, qr.width(), qr.height(), qr.argb(), 0, qr.width());
        ImageIO.write(image, "png", file.toFile());
    }
}
