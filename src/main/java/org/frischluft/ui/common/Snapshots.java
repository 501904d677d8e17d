package org.frischluft.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Renders a scene or node to a PNG file (FX thread), for the screenshots in {@code docs/} and for tests. */
public final class Snapshots {
    private Snapshots() {
    }

    /** Writes {@code scene} as shown (with CSS and layout applied) to {@code file}; returns the image. */
    public static WritableImage toPng(Scene scene, Path file) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        WritableImage image = scene.snapshot(null);
        write(image, file);
        return image;
    }

    /** Writes {@code node} (with CSS and layout applied) to {@code file}; returns the image. */
    public static WritableImage toPng(Node node, Path file) {
        node.applyCss();
        WritableImage image = node.snapshot(new SnapshotParameters(), null);
        write(image, file);
        return image;
    }

    private static void write(WritableImage image, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            // TYPE_INT_RGB: no alpha channel, smaller files
            java.awt.image.BufferedImage argb = SwingFXUtils.fromFXImage(image, null);
            java.awt.image.BufferedImage rgb = new java.awt.image.BufferedImage(argb.getWidth(), argb.getHeight(),
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(argb, 0, 0, null);
            if (!ImageIO.write(rgb, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
