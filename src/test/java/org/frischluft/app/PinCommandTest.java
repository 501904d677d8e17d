package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.frischluft.ui.common.Pin;
import org.junit.jupiter.api.Test;

/** {@code frischluft pin} reads the PIN twice from stdin without a console and prints a hash line. */
class PinCommandTest {
    record Result(int code, String out, String err) {
    }

    static Result run(String stdin) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new picocli.CommandLine(new PinCommand(null, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))))
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute();
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void matchingPinsPrintASettingsLineThatVerifiesAndNeverThePin() throws Exception {
        Result r = run("4711\r\n4711\n");
        assertThat(r.code()).isZero();
        assertThat(r.out()).doesNotContain("4711");
        Properties p = new Properties();
        p.load(new java.io.StringReader(r.out()));
        String hash = p.getProperty("pin");
        assertThat(hash).startsWith("pbkdf2-sha256$");
        assertThat(Pin.verify("4711".toCharArray(), hash)).isTrue();
        assertThat(Pin.verify("4712".toCharArray(), hash)).isFalse();
    }

    @Test
    void differentEntriesAreRefused() {
        Result r = run("4711\n4712\n");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("differ");
    }

    @Test
    void shortPinsAreRefused() {
        Result r = run("123\n123\n");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("at least 4");
    }

    @Test
    void missingSecondLineIsRefused() {
        Result r = run("4711\n");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
    }
}
