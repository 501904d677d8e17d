package org.frischluft.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.frischluft.sim.LoadGenerator;

/**
 * Not a test: the ingest benchmark of issue 3. A private Mosquitto on a free loopback port; {@code mosquitto_sub}
 * and {@code frischluft record} (a separate JVM, the same classpath as this one) subscribe to the same stream;
 * {@link LoadGenerator} then publishes N realistic TTN v3 uplinks. Measured from the first publish: when
 * {@code mosquitto_sub -C N} exits (it has all N) and when {@code record}'s counter line first shows N rows
 * committed in H2. The counter line comes every 50 ms, so record's time is late by at most 50 ms (against record).
 *
 * <p>Run through {@code bench/ingest.sh [N] [options]}; options: {@code --qos 0|1}, {@code --devices D},
 * {@code --broker-queue unlimited|default} (Mosquitto's per-client queue limit: unlimited = {@code
 * max_queued_messages 0}, default = Mosquitto's 1000 messages), {@code --record-jvm "OPTS"} (record's JVM options
 * instead of the default {@code -Xmx256m}; {@code ""} for the JVM's own defaults, or add a JFR recording), {@code
 * --warmup W} (uplinks of other devices record ingests before the measured stream, default 60,000; 0 measures a
 * cold JVM; {@code auto} warms up in rounds of 20,000 until record's JIT compilers use under 10 % of a core in a
 * round, at least 60,000 and at most 300,000), {@code --rate R} (paced: publish at a steady R msg/s instead of flat out, and report whether record keeps
 * up: its backlog while the stream runs and how long after {@code mosquitto_sub} it is done), {@code --keep} (keep
 * the temp folder with logs).
 */
public final class IngestBench {
    private static final String FILTER = "v3/+/devices/+/up";
    private static final Pattern STATS = Pattern.compile(
            "messages (\\d+) \\| readings (\\d+) \\| stored (\\d+) .*\\| inbox dropped (\\d+)(?: \\| heap (\\d+) MB)?");
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(20);
    /** {@code --warmup auto}: rounds of 20,000 until record's JIT compilers settle (at least 60,000, at most 300,000). */
    private static final int AUTO_WARMUP = -1;

    /** One counter line of record, with the time it arrived here. */
    record Sample(long nanos, long messages, long stored, long inboxDropped, long heapMb) {
    }

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = 200_000;
        int qos = 0;
        int devices = 200;
        boolean unlimitedQueue = true;
        boolean keep = false;
        int warmup = 60_000;
        int rate = 0;
        List<String> recordJvm = new ArrayList<>(List.of("-Xmx256m"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--qos" -> qos = Integer.parseInt(args[++i]);
                case "--devices" -> devices = Integer.parseInt(args[++i]);
                case "--broker-queue" -> unlimitedQueue = args[++i].equals("unlimited");
                case "--record-jvm" -> {
                    recordJvm.clear();
                    recordJvm.addAll(List.of(args[++i].trim().split("\\s+")));
                }
                case "--keep" -> keep = true;
                case "--warmup" -> {
                    String w = args[++i];
                    warmup = w.equals("auto") ? AUTO_WARMUP : Integer.parseInt(w.replace("_", ""));
                }
                case "--rate" -> rate = Integer.parseInt(args[++i].replace("_", ""));
                default -> n = Integer.parseInt(args[i].replace("_", ""));
            }
        }
        recordJvm.removeIf(String::isBlank);
        Path dir = Files.createTempDirectory("frischluft-ingest-bench");
        try {
            run(dir, n, qos, devices, unlimitedQueue, recordJvm, warmup, rate);
        } finally {
            if (keep) {
                System.out.println("logs kept in " + dir);
            } else {
                deleteTree(dir);
            }
        }
    }

    private static void run(Path dir, int n, int qos, int devices, boolean unlimitedQueue, List<String> recordJvm,
                            int warmup, int rate) throws Exception {
        String load0 = loadAverage();
        int port = freePort();
        Path log = dir.resolve("mosquitto.log");
        List<String> conf = new ArrayList<>(List.of(
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "log_dest file " + log.toAbsolutePath(),
                "log_type error", "log_type warning", "log_type notice", "log_type information", "log_type subscribe"));
        if ("root".equals(System.getProperty("user.name"))) {
            conf.add("user root"); // otherwise mosquitto switches to 'mosquitto', which cannot write the log here
        }
        if (unlimitedQueue) {
            conf.add("max_queued_messages 0");
            conf.add("max_queued_bytes 0");
        }
        Files.write(dir.resolve("mosquitto.conf"), conf);
        String url = "tcp://127.0.0.1:" + port;

        List<Process> started = new ArrayList<>();
        try {
            Process broker = new ProcessBuilder(exe("mosquitto"), "-c", dir.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
            started.add(broker);
            awaitPort(port, dir);

            // Warm up the publisher (JIT, class loading) while nobody subscribes: the broker discards these.
            LoadGenerator.run(url, "frischluft-warmup", 20_000, devices, qos);

            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(recordJvm);
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.frischluft.app.Main", "record",
                    "--broker", url, "--topic", FILTER, "--qos", String.valueOf(qos), "--client-id", "bench-record",
                    "--clean-session", "--db", "jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath(),
                    "--stats-every", "50ms"));
            Path recordLog = dir.resolve("record.log");
            Files.createFile(recordLog);
            Process record = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(recordLog.toFile()).start();
            started.add(record);
            List<Sample> samples = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> readRecord(recordLog, record, samples), "record-log");
            reader.setDaemon(true);
            reader.start();

            awaitSubscribed(log, List.of("bench-record"), record);
            if (warmup != 0) {
                // record is a long-running service: let it reach its steady state (JIT) before the measured stream
                long tw = System.nanoTime();
                java.time.Instant warmStart = java.time.Instant.now().minus(java.time.Duration.ofDays(3));
                int done = 0;
                Sample warm = null;
                List<String> jit = new ArrayList<>();
                do {
                    int count = warmup == AUTO_WARMUP ? 20_000 : warmup;
                    double c0 = compilerCpu(record.pid());
                    long r0 = System.nanoTime();
                    publishWarmup(url, done, count, qos, warmStart);
                    done += count;
                    warm = awaitStored(samples, done, record);
                    double share = (compilerCpu(record.pid()) - c0) / ((System.nanoTime() - r0) / 1e9);
                    jit.add(String.format(Locale.ROOT, "%.0f%%", share * 100));
                    if (warm == null || warmup != AUTO_WARMUP || done >= 300_000 || done >= 60_000 && share < 0.10) break;
                } while (true);
                warmup = done;
                Sample seen = last(samples);
                System.out.printf(Locale.ROOT, "warm-up: record stored %,d of %,d other devices' uplinks in %.1f s%s; JIT "
                        + "compilers' share of a core per warm-up round: %s%n", seen.stored(), warmup,
                        (System.nanoTime() - tw) / 1e9 - (warm == null ? STALL_NANOS / 1e9 : 0),
                        warm == null ? " (the rest never arrived)" : "", String.join(" ", jit));
            }
            long stored0 = last(samples).stored();
            long messages0 = last(samples).messages();

            Process sub = new ProcessBuilder(exe("mosquitto_sub"), "-h", "127.0.0.1", "-p", String.valueOf(port),
                    "-i", "bench-sub", "-t", FILTER, "-C", String.valueOf(n), "-q", String.valueOf(qos))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(dir.resolve("mosquitto_sub.err").toFile()).start();
            started.add(sub);
            awaitSubscribed(log, List.of("bench-sub"), record);
            java.util.Map<String, Double> threads0 = threadCpu(record.pid());
            double recordCpu0 = cpuSeconds(record.pid());

            long tCall = System.nanoTime();
            LoadGenerator.Result pub = LoadGenerator.run(url, "frischluft-load", n, devices, qos, rate);
            long tPublished = System.nanoTime();
            // LoadGenerator times from its first publish; after the last it only disconnects (a few ms), so this is
            // the first publish within those ms (its set-up and connect before that are left out)
            long t0 = tPublished - pub.elapsedNanos();

            long tSub = -1;
            if (sub.waitFor(180, TimeUnit.SECONDS)) {
                tSub = System.nanoTime();
            }
            Sample done = awaitStored(samples, stored0 + n, record);
            long hwmKb = vmHwmKb(record.pid());
            double recordCpu = cpuSeconds(record.pid()) - recordCpu0;
            String recordThreads = delta(threads0, threadCpu(record.pid()));
            double brokerCpu = cpuSeconds(broker.pid());
            double benchCpu = cpuSeconds(ProcessHandle.current().pid());
            String load1 = loadAverage();
            if (sub.isAlive()) sub.destroy();
            record.destroy(); // SIGTERM: record flushes and logs its last counter line
            record.waitFor(60, TimeUnit.SECONDS);
            reader.join(5_000);
            Sample last = last(samples);
            List<String> brokerWarnings;
            try (Stream<String> lines = Files.lines(log)) {
                brokerWarnings = lines.filter(l -> l.contains("dropped") || l.contains("Warning")).limit(5).toList();
            }

            double pubS = pub.elapsedNanos() / 1e9;
            double subS = tSub < 0 ? Double.NaN : (tSub - t0) / 1e9;
            double recS = done == null ? Double.NaN : (done.nanos() - t0) / 1e9;
            long heapMax = samples.stream().mapToLong(Sample::heapMb).max().orElse(0);
            long lost = n - (last.stored() - stored0);
            System.out.printf(Locale.ROOT, "%n== ingest bench (%s): %,d TTN v3 uplinks (%.1f MB), QoS %d, %d devices, broker queue %s, record %s ==%n",
                    rate > 0 ? String.format(Locale.ROOT, "paced, %,d msg/s", rate) : "burst", n, pub.bytes() / 1e6, qos, devices, unlimitedQueue ? "unlimited" : "mosquitto default (1000)",
                    (warmup > 0 ? "warm" : "cold") + (recordJvm.isEmpty() ? "" : " " + String.join(" ", recordJvm)));
            System.out.printf(Locale.ROOT, "machine: %d cores, load average before %s, after %s%n",
                    Runtime.getRuntime().availableProcessors(), load0, load1);
            System.out.printf(Locale.ROOT, "publish (LoadGenerator): %8.2f s  %,8.0f msg/s  (%d failed; publish call took %.2f s)%n",
                    pubS, n / pubS, pub.failed(), (tPublished - tCall) / 1e9);
            System.out.printf(Locale.ROOT, "mosquitto_sub all N:     %8.2f s  %,8.0f msg/s%s%n", subS, n / subS,
                    tSub < 0 ? "  (did NOT receive all N within 180 s)" : "");
            System.out.printf(Locale.ROOT, "record all N in H2:      %8.2f s  %,8.0f msg/s%s%n", recS, n / recS,
                    done == null ? "  (did NOT commit all N)" : "");
            System.out.printf(Locale.ROOT, "ratio record/mosquitto_sub: %.2f%n", (n / recS) / (n / subS));
            String paced = "";
            if (rate > 0) {
                // Keeping up: record's backlog (published so far at the paced rate minus committed) while the stream runs
                Backlog b = backlog(samples, t0, pub.elapsedNanos(), n, stored0);
                System.out.printf(Locale.ROOT, "paced: stream took %.2f s (%.0f msg/s offered); record done %.2f s after "
                        + "mosquitto_sub (%.2f s after the last publish); record's backlog while the stream ran: "
                        + "max %,d msg (%.2f s of stream), mean %,d msg%n", pubS, n / pubS, recS - subS, recS - pubS,
                        b.max(), b.max() / (double) rate, b.mean());
                paced = String.format(Locale.ROOT, " rate=%d end_lag_s=%.2f max_backlog=%d", rate, recS - subS, b.max());
            }
            System.out.printf(Locale.ROOT, "record: messages %d, stored %d, lost %d (inbox dropped %d)%s%n",
                    last.messages() - messages0, last.stored() - stored0, lost, last.inboxDropped(),
                    warmup > 0 ? String.format(Locale.ROOT, " (not counting the %,d warm-up uplinks)", warmup) : "");
            System.out.printf(Locale.ROOT, "record memory: heap used max %d MB, by quarter of the run %s MB; peak RSS (VmHWM) %d MB%n",
                    heapMax, quarters(samples, t0, done == null ? last.nanos() : done.nanos()), hwmKb / 1024);
            System.out.printf(Locale.ROOT, "CPU seconds (user+sys): record %.1f during the measured stream (%.0f µs per message); since start: "
                    + "mosquitto %.1f, publisher JVM %.1f%n", recordCpu, recordCpu * 1e6 / n, brokerCpu, benchCpu);
            System.out.println("record CPU by thread during the measured stream (s): " + recordThreads);
            if (!brokerWarnings.isEmpty()) {
                System.out.println("broker log: " + String.join(" / ", brokerWarnings));
            }
            System.out.printf(Locale.ROOT, "RESULT n=%d qos=%d warm=%s sub_rate=%.0f record_rate=%.0f ratio=%.3f lost=%d heap_max_mb=%d rss_mb=%d%s load=\"%s\"%n",
                    n, qos, warmup > 0, n / subS, n / recS, (n / recS) / (n / subS), lost, heapMax, hwmKb / 1024, paced, load1);
        } finally {
            for (int i = started.size() - 1; i >= 0; i--) {
                Process p = started.get(i);
                if (p.isAlive()) {
                    p.destroy();
                    if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
                }
            }
        }
    }

    /** Record's backlog behind a paced stream, in messages. */
    record Backlog(long max, long mean) {
    }

    /**
     * For each counter line while the paced stream ran: messages published by then (at the steady rate) minus rows
     * committed. Positive means record is behind; a backlog that stays small is "keeping up".
     */
    private static Backlog backlog(List<Sample> samples, long t0, long streamNanos, int n, long stored0) {
        long max = 0;
        long sum = 0;
        int count = 0;
        for (Sample s : samples) {
            if (s.nanos() < t0 || s.nanos() > t0 + streamNanos) continue;
            long published = Math.min(n, (long) ((double) (s.nanos() - t0) / streamNanos * n));
            long behind = Math.max(0, published - (s.stored() - stored0));
            max = Math.max(max, behind);
            sum += behind;
            count++;
        }
        return new Backlog(max, count == 0 ? 0 : sum / count);
    }

    /**
     * Warm-up uplinks from 100 devices that the measured stream does not use (DevEUIs 0000f0000000xxxx), three days
     * back, so the measured stream neither collides with them nor lands behind them in a device's history.
     */
    private static void publishWarmup(String url, int from, int count, int qos, java.time.Instant start) throws Exception {
        org.frischluft.sim.TtnUplinks uplinks = new org.frischluft.sim.TtnUplinks("frischluft-warmup");
        java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(500);
        org.eclipse.paho.client.mqttv3.IMqttActionListener release = new org.eclipse.paho.client.mqttv3.IMqttActionListener() {
            @Override
            public void onSuccess(org.eclipse.paho.client.mqttv3.IMqttToken token) {
                window.release();
            }

            @Override
            public void onFailure(org.eclipse.paho.client.mqttv3.IMqttToken token, Throwable e) {
                window.release();
            }
        };
        var client = new org.eclipse.paho.client.mqttv3.MqttAsyncClient(url, "bench-warmup",
                new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
        var options = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
        options.setMaxInflight(1000);
        client.connect(options).waitForCompletion(10_000);
        try {
            for (int i = from; i < from + count; i++) {
                int d = i % 100;
                var device = org.frischluft.model.DeviceId.of(String.format("0000f0000000%04x", d));
                var r = new org.frischluft.sim.SensorReading(start.plus(java.time.Duration.ofMinutes(i / 100)),
                        600 + i % 700, 21.5, 45, 300, 0, 3600, 1000, 0);
                var up = uplinks.uplink(device, org.frischluft.sim.DemoSchool.ELSYS_ERS_CO2, r, i / 100 + 1);
                window.acquire();
                client.publish(up.topic(), up.payload(), qos, false, null, release);
            }
            window.acquire(500);
        } finally {
            client.disconnect().waitForCompletion(5_000);
            client.close();
        }
    }

    /** CPU seconds of record's JIT compiler threads so far. */
    private static double compilerCpu(long pid) {
        return threadCpu(pid).entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                .mapToDouble(java.util.Map.Entry::getValue).sum();
    }

    private static Sample last(List<Sample> samples) {
        return samples.isEmpty() ? new Sample(System.nanoTime(), 0, 0, 0, 0) : samples.get(samples.size() - 1);
    }

    /** Heap used, max per quarter of [t0, end]. */
    private static String quarters(List<Sample> samples, long t0, long end) {
        long[] max = new long[4];
        long span = Math.max(1, end - t0);
        for (Sample s : samples) {
            if (s.nanos() < t0 || s.nanos() > end) continue;
            int q = (int) Math.min(3, (s.nanos() - t0) * 4 / span);
            max[q] = Math.max(max[q], s.heapMb());
        }
        return max[0] + " / " + max[1] + " / " + max[2] + " / " + max[3];
    }

    /**
     * Follows record's log file (a pipe can report "Stream closed" when the process exits mid-read) and turns
     * each complete counter line into a sample stamped with the time it was seen; polls every 2 ms.
     */
    private static void readRecord(Path logFile, Process record, List<Sample> samples) {
        try (BufferedReader in = Files.newBufferedReader(logFile, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            char[] buf = new char[8192];
            boolean exited = false;
            while (true) {
                int r = in.read(buf);
                if (r < 0) {
                    if (exited) return;
                    exited = !record.isAlive(); // one more pass after exit for the last lines
                    Thread.sleep(2);
                    continue;
                }
                for (int i = 0; i < r; i++) {
                    if (buf[i] != '\n') {
                        line.append(buf[i]);
                        continue;
                    }
                    Matcher m = STATS.matcher(line);
                    if (m.find()) {
                        samples.add(new Sample(System.nanoTime(), Long.parseLong(m.group(1)), Long.parseLong(m.group(3)),
                                Long.parseLong(m.group(4)), m.group(5) == null ? 0 : Long.parseLong(m.group(5))));
                        synchronized (samples) {
                            samples.notifyAll();
                        }
                    }
                    line.setLength(0);
                }
            }
        } catch (IOException e) {
            System.err.println("record log: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first counter line with at least n stored, or null if record stops making progress. */
    private static Sample awaitStored(List<Sample> samples, long n, Process record) throws InterruptedException {
        long lastStored = -1;
        long lastProgress = System.nanoTime();
        while (true) {
            for (Sample s : samples) {
                if (s.stored() >= n) return s;
            }
            long stored = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).stored();
            if (stored != lastStored) {
                lastStored = stored;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL_NANOS || !record.isAlive()) {
                return null;
            }
            synchronized (samples) {
                samples.wait(100);
            }
        }
    }

    /** Waits until the broker log shows a subscription from every client id. */
    private static void awaitSubscribed(Path log, List<String> clients, Process record) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            // log_type subscribe writes "<client id> <qos> <filter>"
            if (clients.stream().allMatch(c -> text.contains(c + " 0 " + FILTER) || text.contains(c + " 1 " + FILTER))) {
                return;
            }
            if (!record.isAlive()) throw new IllegalStateException("record exited: see its log");
            Thread.sleep(50);
        }
        throw new IllegalStateException("subscribers did not subscribe within 60 s: " + Files.readString(log));
    }

    private static long vmHwmKb(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (l.startsWith("VmHWM:")) return Long.parseLong(l.replaceAll("\\D", ""));
        }
        return -1;
    }

    /** utime + stime of a live process, from /proc/PID/stat (clock ticks of 10 ms on Linux). */
    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // fields 14 and 15 of stat
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** CPU seconds per thread name (numbers stripped: "GC Thread#0" and "#1" together) of a live JVM, from /proc. */
    private static java.util.Map<String, Double> threadCpu(long pid) {
        java.util.Map<String, Double> byName = new java.util.TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path t : tasks.toList()) {
                String name = Files.readString(t.resolve("comm")).trim().replaceAll("[#\\d]+$", "");
                byName.merge(name, cpuSeconds(pid, t.getFileName().toString()), Double::sum);
            }
        } catch (IOException | RuntimeException e) {
            // a thread ended while listing: leave it out
        }
        return byName;
    }

    /** Busiest first: "C2 CompilerThre 1.2, store-writer 0.9, ..." (Linux cuts thread names at 15 characters). */
    private static String delta(java.util.Map<String, Double> before, java.util.Map<String, Double> after) {
        return after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() >= 0.1)
                .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static double cpuSeconds(long pid, String tid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "task", tid, "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port, Path dir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not open port " + port + ": "
                + Files.readString(dir.resolve("mosquitto.out")));
    }

    /** Debian installs mosquitto in /usr/sbin, which is not on every PATH. */
    private static String exe(String name) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Path.of(d, name))) return name;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", name)) ? "/usr/sbin/" + name : name;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
