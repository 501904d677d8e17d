package org.frischluft.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The Java palette mirrors the stylesheet, and every state colour is readable on the background. */
class PaletteTest {
    private static final Map<String, Color> MIRROR = Map.of(
            "-fl-bg", Palette.BG, "-fl-surface", Palette.SURFACE, "-fl-fg", Palette.FG, "-fl-muted", Palette.MUTED,
            "-fl-ok", Palette.OK, "-fl-warn", Palette.WARN, "-fl-alarm", Palette.ALARM, "-fl-stale", Palette.STALE,
            "-fl-blue", Palette.BLUE, "-fl-demo", Palette.DEMO);

    @Test
    void paletteMatchesTheCssVariables() throws Exception {
        String css;
        try (InputStream in = Theme.class.getResourceAsStream("/org/frischluft/ui/theme.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        MIRROR.forEach((name, colour) -> {
            Matcher m = Pattern.compile(Pattern.quote(name) + ":\\s*(#[0-9a-fA-F]{6});").matcher(css);
            assertThat(m.find()).as(name + " defined in theme.css").isTrue();
            assertThat(Color.web(m.group(1))).as(name).isEqualTo(colour);
        });
    }

    @Test
    void everyTextColourReachesWcagAaOnTheBackground() {
        for (Color c : new Color[] {Palette.FG, Palette.MUTED, Palette.OK, Palette.WARN, Palette.ALARM, Palette.STALE, Palette.BLUE, Palette.DEMO}) {
            assertThat(contrast(c, Palette.BG)).as(c.toString()).isGreaterThanOrEqualTo(4.5);
            assertThat(contrast(c, Palette.SURFACE)).as(c + " on tiles").isGreaterThanOrEqualTo(4.5);
        }
        // dark text on a red tile and on the grey status line
        assertThat(contrast(Palette.BG, Palette.ALARM)).isGreaterThanOrEqualTo(4.5);
        assertThat(contrast(Palette.BG, Palette.STALE)).isGreaterThanOrEqualTo(4.5);
    }

    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
