package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.frischluft.sim.EmbeddedBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulateCommandTest {
    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void burstModePublishesTheCountAndPrintsTheRate() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new SimulateCommand());
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("--broker", broker.url(), "--count", "600", "--rooms", "30", "--qos", "1");
        assertThat(exit).isZero();
        assertThat(out.toString()).matches("(?s)published 600 uplinks .* from 30 devices at QoS 1 .* msg/s, 0 failed\\s*");
    }

    @Test
    void timedRunPublishesAndReportsOnExit() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new SimulateCommand());
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("--broker", broker.url(), "--speedup", "600", "--for", "1.5");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("simulating 27 rooms of Gesamtschule am Lindenpark");
        assertThat(out.toString()).containsPattern("published [1-9]\\d* uplinks, 0 skipped, 0 failed");
    }

    @Test
    void missingBrokerIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SimulateCommand());
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("--rooms", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("--broker");
    }

    @Test
    void unreachableBrokerFailsWithAMessageNotAStackTrace() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SimulateCommand());
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("--broker", "tcp://127.0.0.1:" + port, "--count", "10")).isEqualTo(1);
        assertThat(err.toString()).startsWith("cannot publish to tcp://127.0.0.1:" + port).doesNotContain("\tat ");
    }

    @Test
    void helpNamesEveryOption() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new SimulateCommand());
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("--broker", "--rooms", "--interval", "--speedup", "--seed", "--count", "--qos");
    }
}
