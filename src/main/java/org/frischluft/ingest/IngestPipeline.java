package org.frischluft.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.frischluft.model.Reading;
import org.frischluft.rooms.SchoolVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest side's named stages after decoding, in order (e.g. {@code store}, {@code live}, {@code rejections},
 * later {@code alerts}): each gets every batch, every tick and every new school model, on the
 * {@code ingest-worker} thread. One stage that throws costs only itself that call, never the stages after it;
 * its failures are logged with its name. Built before the worker starts; not changed afterwards.
 */
public final class IngestPipeline implements ReadingSink {
    private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);

    private record Stage(String name, ReadingSink sink) {
    }

    private final List<Stage> stages = new ArrayList<>();

    /** Adds a stage after the ones added before. */
    public IngestPipeline add(String name, ReadingSink sink) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sink, "sink");
        if (stages.stream().anyMatch(s -> s.name().equals(name))) throw new IllegalArgumentException("stage " + name + " twice");
        stages.add(new Stage(name, sink));
        return this;
    }

    /** The stages' names in order. */
    public List<String> names() {
        return stages.stream().map(Stage::name).toList();
    }

    @Override
    public void accept(List<Reading> readings) {
        for (Stage s : stages) {
            try {
                s.sink().accept(readings);
            } catch (RuntimeException e) {
                LOG.error("ingest stage '{}' failed on a batch of {} readings; the other stages got it", s.name(), readings.size(), e);
            }
        }
    }

    /** {@code done} once every stage says the readings handed to it so far are safe; false if any stage says not. */
    @Override
    public void whenSafe(boolean soon, java.util.function.Consumer<Boolean> done) {
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(stages.size());
        java.util.concurrent.atomic.AtomicBoolean all = new java.util.concurrent.atomic.AtomicBoolean(true);
        if (stages.isEmpty()) {
            done.accept(true);
            return;
        }
        for (Stage s : stages) {
            java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.function.Consumer<Boolean> one = ok -> {
                if (!answered.compareAndSet(false, true)) return;
                if (!ok) all.set(false);
                if (left.decrementAndGet() == 0) done.accept(all.get());
            };
            try {
                s.sink().whenSafe(soon, one);
            } catch (RuntimeException e) {
                LOG.error("ingest stage '{}' failed to say whether its readings are safe", s.name(), e);
                one.accept(false);
            }
        }
    }

    @Override
    public void tick(Instant now) {
        for (Stage s : stages) {
            try {
                s.sink().tick(now);
            } catch (RuntimeException e) {
                LOG.error("ingest stage '{}' failed on a tick", s.name(), e);
            }
        }
    }

    @Override
    public void school(SchoolVersion version, Instant now) {
        for (Stage s : stages) {
            try {
                s.sink().school(version, now);
            } catch (RuntimeException e) {
                LOG.error("ingest stage '{}' failed to take school model version {}", s.name(), version.number(), e);
            }
        }
    }
}
