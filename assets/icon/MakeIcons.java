import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws the SovX Console icon (a white and a green stroke crossing on a deep blue tile; sovx.svg is the same drawing) at every size the platforms need:
 * {@code java assets/icon/MakeIcons.java assets/icon}. Then, for Windows, {@code convert sovx-{16..256}.png sovx.ico}
 * (ImageMagick) and, on a Mac, {@code iconutil -c icns} over an iconset of these PNGs.
 */
public class MakeIcons {
    public static void main(String[] args) throws Exception {
        File dir = new File(args.length > 0 ? args[0] : ".");
        for (int size : new int[] {16, 32, 48, 64, 128, 256, 512, 1024}) {
            ImageIO.write(draw(size), "png", new File(dir, "sovx-" + size + ".png"));
        }
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double u = size / 1024.0;
        g.setPaint(new GradientPaint(0, 0, new Color(0x2f5fb3), 0, size, new Color(0x16326b)));
        g.fill(new RoundRectangle2D.Double(48 * u, 48 * u, 928 * u, 928 * u, 400 * u, 400 * u));
        // the X of SovX: one stroke white, one green, the green one over it
        g.setStroke(new BasicStroke((float) (150 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(Color.WHITE);
        g.draw(new Line2D.Double(300 * u, 300 * u, 724 * u, 724 * u));
        g.setColor(new Color(0x3ddc84));
        g.draw(new Line2D.Double(724 * u, 300 * u, 300 * u, 724 * u));
        g.dispose();
        return image;
    }
}
