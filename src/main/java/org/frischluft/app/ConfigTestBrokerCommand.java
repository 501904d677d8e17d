package org.frischluft.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.frischluft.admin.broker.BrokerEntry;
import org.frischluft.admin.broker.BrokerSettingsFile;
import org.frischluft.admin.broker.ConnectionTest;
import org.frischluft.admin.broker.Step;
import org.frischluft.admin.broker.StepResult;
import org.frischluft.admin.broker.TestReport;
import org.frischluft.rooms.Problem;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code config test-broker [--settings FILE | --broker URL --topic F ...]}: name lookup, TCP, TLS, authentication,
 * subscription and the messages of 10 s, one line per step with its time and what it found; exit 0 when every step
 * passed, 2 when one failed (the steps after it are not tried).
 */
@Command(name = "test-broker", mixinStandardHelpOptions = true,
        description = {"Test a broker connection step by step: name lookup (DNS), TCP, TLS certificate, authentication,",
            "subscription, then count the messages on the topic filters for 10 s. Exit 0: all good, 2: a step failed."})
final class ConfigTestBrokerCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--settings", paramLabel = "FILE", description = "Settings file (.properties): test its brokers.")
        Path settings;

        @Option(names = "--broker", paramLabel = "URL", description = "tcp://host:1883 or ssl://host:8883 (then --topic).")
        String broker;
    }

    @Option(names = "--name", paramLabel = "NAME", description = "With --settings: only the broker of this name (default: every one).")
    String name;

    @Option(names = "--topic", paramLabel = "F", description = "With --broker: a topic filter to subscribe to (repeatable).")
    List<String> topics = new ArrayList<>();

    @Option(names = "--user", paramLabel = "NAME", description = "With --broker: user name.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "With --broker: take the password from this environment variable.")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "With --broker: take the password from this file.")
    Path passwordFile;

    @Option(names = "--ca-file", paramLabel = "FILE", description = "With --broker: PEM file of the CA(s) to trust (default: the system's).")
    Path caFile;

    @Option(names = "--qos", defaultValue = "1", paramLabel = "0|1", description = "With --broker: QoS to ask for (default 1).")
    int qos;

    @Option(names = "--seconds", defaultValue = "10", paramLabel = "N", description = "How long to count messages (default 10).")
    long seconds;

    @Mixin
    LanguageOption language;

    @Override
    public Integer call() {
        return language.run((locale, out, err) -> run(locale, out));
    }

    private int run(Locale locale, PrintWriter out) {
        List<BrokerEntry> entries = new ArrayList<>();
        if (target.settings != null) {
            BrokerSettingsFile file;
            try {
                file = BrokerSettingsFile.load(target.settings);
            } catch (IOException | IllegalArgumentException e) {
                out.println(target.settings + ": " + e.getMessage());
                return 2;
            }
            for (BrokerEntry e : file.entries()) if (name == null || e.id().equals(name)) entries.add(e);
            if (entries.isEmpty()) {
                out.println(target.settings + ": " + (name == null ? (german(locale) ? "kein Broker eingetragen" : "no broker in the file")
                        : (german(locale) ? "kein Broker namens " : "no broker named ") + name));
                return 2;
            }
        } else {
            if (topics.isEmpty()) {
                out.println(german(locale) ? "--broker braucht mindestens ein --topic" : "--broker needs at least one --topic");
                return 2;
            }
            BrokerEntry e = BrokerEntry.of("cli", target.broker, String.join(", ", topics), Path.of("").toAbsolutePath())
                    .with("username", user).with("password.env", passwordEnv)
                    .with("password.file", passwordFile == null ? null : passwordFile.toString())
                    .with("ca-file", caFile == null ? null : caFile.toString()).with("qos", Integer.toString(qos));
            entries.add(e);
        }
        ConnectionTest test = new ConnectionTest(Duration.ofSeconds(Math.max(1, seconds)), Duration.ofSeconds(10), Clock.systemUTC());
        boolean ok = true;
        for (BrokerEntry e : entries) {
            out.println("broker " + e.id() + ": " + e.url());
            List<Problem> problems = e.problems();
            if (!problems.isEmpty()) {
                for (Problem p : problems) out.println("  " + p.describe(locale));
                ok = false;
                continue;
            }
            TestReport report = test.run(e, step -> {
                out.println(line(step, locale));
                out.flush();
            });
            ok &= report.ok();
        }
        return ok ? 0 : 2;
    }

    /** {@code   ok      name lookup (DNS)      3 ms  localhost is 127.0.0.1}. */
    static String line(StepResult r, Locale locale) {
        int width = 0;
        for (Step s : Step.values()) width = Math.max(width, s.label(locale).length());
        String took = r.outcome() == StepResult.Outcome.SKIPPED ? "" : r.tookText();
        return String.format(Locale.ROOT, "  %-7s %-" + width + "s %7s  %s", r.outcomeWord(locale), r.step().label(locale), took,
                r.message(locale));
    }

    private static boolean german(Locale locale) {
        return locale.getLanguage().equals("de");
    }
}
