package org.frischluft.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an exception nobody caught does. In a kiosk: log it and end the process with {@link #EXIT} (the
 * shutdown hooks still flush the history), so systemd restarts a working screen rather than leaving a
 * half-drawn or frozen one on the wall. Elsewhere (the desktop overview): log it, keep running.
 */
final class CrashHandler implements Thread.UncaughtExceptionHandler {
    /** Exit status after an uncaught exception in a kiosk (EX_SOFTWARE + 1). */
    static final int EXIT = 71;
    private static final Logger LOG = LoggerFactory.getLogger(CrashHandler.class);

    private final boolean exit;
    private final Runnable ending;
    private volatile boolean ended;

    CrashHandler(boolean exit, Runnable ending) {
        this.exit = exit;
        this.ending = ending;
    }

    /** Installs it for every thread, the FX thread included (JavaFX hands its handlers' exceptions to it). */
    static void install(boolean kiosk) {
        Thread.setDefaultUncaughtExceptionHandler(new CrashHandler(kiosk, () -> {
            // System.exit from another thread: the failing thread may be the FX thread, which a hook might wait for
            Thread t = new Thread(() -> System.exit(EXIT), "exit-after-crash");
            t.start();
        }));
    }

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
        if (exit) {
            LOG.error("uncaught exception in thread '{}'; ending with status {} so the kiosk is restarted",
                    thread.getName(), EXIT, e);
            if (!ended) {
                ended = true;
                ending.run();
            }
        } else {
            LOG.error("uncaught exception in thread '{}'", thread.getName(), e);
        }
    }
}
