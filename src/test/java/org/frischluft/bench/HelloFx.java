package org.frischluft.bench;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;

/**
 * The baseline of the start-up benchmark (bench/startup.sh): the smallest JavaFX app that paints a "light" — a
 * green circle and a word — fullscreen on the same JDK and the same JavaFX (from the same jar). Prints
 * {@code first frame after N ms} (JVM uptime) at its first frame.
 */
public final class HelloFx extends Application {
    /** Launched from a class that is no Application, as the app's own Main (JavaFX on the class path). */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(HelloFx.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        Circle light = new Circle(200, Color.LIMEGREEN);
        Label word = new Label("Gute Luft");
        word.setStyle("-fx-font-size: 80px; -fx-text-fill: white;");
        StackPane root = new StackPane(light, word);
        root.setStyle("-fx-background-color: #0e1117;");
        stage.setScene(new Scene(root, 1920, 1080));
        stage.setFullScreen(true);
        stage.show();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                System.out.println("first frame after " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
                System.out.flush();
                stop();
            }
        }.start();
    }
}
