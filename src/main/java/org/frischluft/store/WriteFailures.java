package org.frischluft.store;

import java.sql.SQLException;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.frischluft.store.StoreState.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the writer reports as the store's state ({@code store-writer} thread): why a batch failed (read-only,
 * disk full or anything else) with how many readings wait and were dropped, and OK again once a batch commits.
 */
final class WriteFailures {
    private static final Logger log = LoggerFactory.getLogger(ReadingWriter.class); // the writer's lines, as before

    private final Store.StateSink states;
    private final LongSupplier dropped;
    private long droppedReported;

    WriteFailures(Store.StateSink states, LongSupplier dropped) {
        this.states = states;
        this.dropped = dropped;
    }

    /** A batch was committed: the state is OK and says how many readings were dropped, if that changed. */
    void committed() {
        long d = dropped.getAsLong();
        if (states.current().kind() != Kind.OK || d != droppedReported) {
            droppedReported = d;
            states.set(Kind.OK, d == 0 ? "" : d + " readings dropped because the writer could not keep up");
        }
    }

    /**
     * A batch failed and was rolled back: the state says why and that the writer retries.
     *
     * @param waiting readings not yet written (the failed batch and the queue)
     * @return the kind of failure
     */
    Kind failed(Exception e, long waiting) {
        Kind kind = classify(e);
        String what = switch (kind) {
            case READ_ONLY -> "database is read-only";
            case DISK_FULL -> "no space left for the database";
            default -> "database write failed";
        };
        long d = dropped.getAsLong();
        String detail = what + ": history is not being recorded, retrying (" + rootMessage(e) + ")"
                + (d > 0 ? "; " + d + " readings dropped" : "") + "; " + waiting + " readings waiting";
        if (states.current().kind() != kind) {
            log.warn("{}", detail, e);
        }
        states.set(kind, detail);
        return kind;
    }

    static Kind classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                int code = s.getErrorCode();
                String state = s.getSQLState() == null ? "" : s.getSQLState();
                if (code == org.h2.api.ErrorCode.DATABASE_IS_READ_ONLY || state.equals("25006")) return Kind.READ_ONLY;
                if (state.equals("53100")) return Kind.DISK_FULL;
            }
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("no space left") || m.contains("disk full")) return Kind.DISK_FULL;
            if (m.contains("read only") || m.contains("read-only") || m.contains("readonly")) return Kind.READ_ONLY;
        }
        return Kind.FAILING;
    }

    /** The first line of the innermost cause's message. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
