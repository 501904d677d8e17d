package org.frischluft.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.frischluft.rooms.ConfigException;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.file.SchoolFile;
import org.frischluft.sim.DemoSchool;
import org.frischluft.sim.LoadGenerator;
import org.frischluft.sim.SimOptions;
import org.frischluft.sim.SimulatedSchool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code frischluft simulate}: a simulated school publishing TTN v3 uplinks to a broker until SIGINT/SIGTERM, or
 * with {@code --count} a burst as fast as the broker takes it (load generator for benchmarks).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Publish a simulated school's CO2 sensors as TTN v3 uplinks to an MQTT broker.",
                "Runs until Ctrl-C, or with --count publishes a burst as fast as the broker takes it and prints the rate."})
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--broker", required = true, paramLabel = "URL", description = "Broker URI, e.g. tcp://127.0.0.1:1883.")
    String broker;

    @Option(names = "--rooms", paramLabel = "N",
            description = "Rooms that publish (default: every room of the school); more adds synthetic rooms.")
    Integer rooms;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "60",
            description = "Simulated seconds between two uplinks of one sensor (default: ${DEFAULT-VALUE}).")
    double intervalSeconds;

    @Option(names = "--speedup", paramLabel = "X", defaultValue = "1",
            description = "Simulated time runs X times faster than the clock; 60 shows a lesson in 45 s (default: ${DEFAULT-VALUE}).")
    double speedup;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for habits, occupancy and noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--qos", defaultValue = "0", description = "MQTT QoS, 0 (like TTN) or 1 (default: ${DEFAULT-VALUE}).")
    int qos;

    @Option(names = "--app", paramLabel = "ID", defaultValue = "frischluft-demo",
            description = "TTN application id in the topics v3/ID@ttn/devices/…/up (default: ${DEFAULT-VALUE}).")
    String app;

    @Option(names = "--config", paramLabel = "FILE", description = "School configuration to simulate (default: the demo school).")
    Path config;

    @Option(names = "--city", paramLabel = "SITES", description = "Simulate a demo city of SITES sites, 43 rooms each (70: about 3,000 rooms).")
    Integer city;

    @Option(names = "--count", paramLabel = "N", description = "Burst mode: publish N uplinks as fast as possible, print the rate, exit.")
    Integer count;

    @Option(names = "--for", paramLabel = "SECONDS", description = "Stop after this many seconds instead of waiting for Ctrl-C.")
    Double runFor;

    public SimulateCommand() {
    }

    @Override
    public Integer call() throws InterruptedException {
        try {
            return run();
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }

    private int run() throws java.io.IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SchoolModel school;
        try {
            school = config != null ? SchoolFile.read(config)
                    : city != null && city > 0 ? org.frischluft.sim.DemoCity.model(city) : DemoSchool.model();
        } catch (ConfigException e) {
            for (String line : e.message(java.util.Locale.getDefault()).split("\n")) err.println("simulate: " + line);
            err.flush();
            return 2;
        }
        int roomCount = rooms != null ? rooms : Math.max(1, school.rooms().size());
        if (roomCount < 1 || qos < 0 || qos > 1 || !(intervalSeconds > 0) || !(speedup > 0)) {
            err.println("--rooms, --interval and --speedup must be positive and --qos 0 or 1");
            return 2;
        }
        if (count != null) {
            if (count < 0) {
                err.println("--count must not be negative");
                return 2;
            }
            LoadGenerator.Result r = LoadGenerator.run(broker, app, count, roomCount, qos);
            out.printf(Locale.ROOT, "published %d uplinks (%.1f MB) from %d devices at QoS %d in %.3f s: %.0f msg/s, %d failed%n",
                    r.messages(), r.bytes() / 1e6, roomCount, qos, r.elapsedNanos() / 1e9, r.rate(), r.failed());
            out.flush();
            return r.failed() == 0 ? 0 : 1;
        }

        SimOptions options = new SimOptions(roomCount, Duration.ofMillis(Math.round(intervalSeconds * 1000)), speedup,
                seed, qos, app);
        SimulatedSchool sim = new SimulatedSchool(school, broker, options, Clock.systemUTC());
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            sim.close();
            stop.countDown();
        }, "sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        sim.start();
        out.printf(Locale.ROOT, "simulating %d rooms of %s → %s (interval %.0f s, speed-up %.1fx)%s%n", roomCount,
                school.name(), broker, intervalSeconds, speedup, runFor == null ? "; Ctrl-C stops" : "");
        out.flush();
        if (runFor != null) {
            stop.await(Math.round(runFor * 1000), TimeUnit.MILLISECONDS);
            Runtime.getRuntime().removeShutdownHook(hook);
            sim.close();
        } else {
            stop.await();
        }
        out.printf(Locale.ROOT, "published %d uplinks, %d skipped, %d failed%n", sim.published(), sim.skipped(), sim.failed());
        out.flush();
        return 0;
    }
}
