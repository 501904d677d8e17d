package org.frischluft.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running app's back end ({@link AppContext}: history store, broker links, alert rules), either built before
 * the window (the overview needs it for its first frame) or, for a kiosk, built on a thread of its own once the
 * kiosk's first frame is on screen: the room's light (grey, "waiting for data") is painted while the store opens
 * and the links connect, rather than after (start-up, docs/benchmarks.md "Kiosk").
 */
final class BackEnd implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackEnd.class);

    /** Builds the context; may throw what {@code Main} explains to the user (settings, store). */
    interface Opener {
        AppContext open() throws Exception;
    }

    private final Opener opener;
    private final List<Consumer<AppContext>> waiting = new ArrayList<>();
    private Consumer<Exception> onFailure = e -> { };
    private AppContext context;
    private boolean started;
    private boolean closed;

    private BackEnd(Opener opener, AppContext context) {
        this.opener = opener;
        this.context = context;
        this.started = context != null;
    }

    /** A context built already. */
    static BackEnd of(AppContext context) {
        return new BackEnd(null, java.util.Objects.requireNonNull(context, "context"));
    }

    /** A context built by {@link #start()}. */
    static BackEnd later(Opener opener) {
        return new BackEnd(java.util.Objects.requireNonNull(opener, "opener"), null);
    }

    /** What to do when the deferred start fails (end the app with the message); called on the starting thread. */
    synchronized BackEnd onFailure(Consumer<Exception> action) {
        this.onFailure = action;
        return this;
    }

    /** Starts building the context on the thread {@code back-end-start}; once only, later calls do nothing. */
    synchronized void start() {
        if (started || closed) return;
        started = true;
        Thread t = new Thread(this::open, "back-end-start");
        t.setDaemon(true);
        t.start();
    }

    private void open() {
        AppContext built;
        try {
            built = opener.open();
        } catch (Exception e) {
            Consumer<Exception> failed;
            synchronized (this) {
                failed = closed ? null : onFailure;
            }
            if (failed != null) failed.accept(e);
            return;
        } catch (Error e) {
            LOG.error("the back end could not start", e);
            throw e;
        }
        List<Consumer<AppContext>> run;
        synchronized (this) {
            if (closed) { // the window closed meanwhile: nothing it opened may outlive it
                built.close();
                return;
            }
            context = built;
            run = List.copyOf(waiting);
            waiting.clear();
        }
        run.forEach(c -> c.accept(built));
    }

    /** Runs {@code action} with the context once it is built: at once when it is, else on the starting thread. */
    void whenReady(Consumer<AppContext> action) {
        AppContext now;
        synchronized (this) {
            if (closed) return;
            if (context == null) {
                waiting.add(action);
                return;
            }
            now = context;
        }
        action.accept(now);
    }

    /** The context, for a back end built before the window ({@link #of}); null while a deferred one is starting. */
    synchronized AppContext context() {
        return context;
    }

    /** Closes the context once (the window's stop and the shutdown hook); a start still under way closes it when done. */
    @Override
    public void close() {
        AppContext c;
        synchronized (this) {
            closed = true;
            waiting.clear();
            c = context;
        }
        if (c != null) c.close();
    }
}
