package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void eachDemoStartsFromAFreshHistoryUnlessAskedToKeepIt() throws Exception {
        Path db = Files.writeString(dir.resolve("demo-history.mv.db"), "yesterday's demo");
        Files.writeString(dir.resolve("demo-history.trace.db"), "trace");
        Path other = Files.writeString(dir.resolve("history.mv.db"), "the school's own history");

        GuiLauncher.freshDemoHistory(dir, true);
        assertThat(db).exists();

        GuiLauncher.freshDemoHistory(dir, false);
        assertThat(db).doesNotExist();
        assertThat(dir.resolve("demo-history.trace.db")).doesNotExist();
        assertThat(other).as("only the demo's own file").hasContent("the school's own history");
    }

    @Test
    void aSettingsFileThatNamesBrokersIsRefusedWithWhatToRunInstead() throws Exception {
        Path settings = Files.writeString(dir.resolve("school.properties"), String.join("\n",
                "broker.schule.url = tcp://127.0.0.1:1",
                "broker.schule.topics = tele/+/SENSOR", ""));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new DemoCommand()).execute("--config", settings.toString());
        } finally {
            System.setErr(old);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("names brokers")
                .contains("frischluft overview --config " + settings);
    }

    @Test
    void theHelpSaysWhatTheDemoWritesAndHowToLeaveItsKiosk() {
        String help = new CommandLine(new DemoCommand()).getUsageMessage();
        assertThat(help).contains("demo-history.mv.db").contains("--keep-history").contains("Esc ends it");
    }
}
