package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.TestSchool;
import org.frischluft.store.Store;
import org.frischluft.store.StoreException;
import org.frischluft.store.StoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk's back end, opened after its first frame: who gets it, and nothing outlives a window closed early. */
class BackEndTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();

    private AppContext context(AtomicBoolean closed) throws Exception {
        Store store = Store.open(StoreOptions.of("jdbc:h2:file:" + dir.resolve("history").toAbsolutePath()), clock);
        AppContext ctx = new AppContext(SchoolCatalog.of(TestSchool.empty(), "test", clock), store, List.of(), clock);
        ctx.closeWithContext(() -> closed.set(true));
        return ctx;
    }

    @Test
    void whatWaitsForTheBackEndGetsItOnceStartedOnItsOwnThread() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        BackEnd backEnd = BackEnd.later(() -> context(closed));
        List<String> threads = new CopyOnWriteArrayList<>();
        AtomicReference<AppContext> got = new AtomicReference<>();
        backEnd.whenReady(ctx -> {
            threads.add(Thread.currentThread().getName());
            got.set(ctx);
        });
        assertThat(got.get()).as("nothing opens before start()").isNull();
        assertThat(backEnd.context()).isNull();

        backEnd.start();
        backEnd.start(); // once only
        await().atMost(Duration.ofSeconds(30)).until(() -> got.get() != null);
        assertThat(threads).containsExactly("back-end-start");
        assertThat(backEnd.context()).isSameAs(got.get());
        AtomicReference<AppContext> late = new AtomicReference<>();
        backEnd.whenReady(late::set); // after it is there: at once, on the caller's thread
        assertThat(late.get()).isSameAs(got.get());

        backEnd.close();
        assertThat(closed).isTrue();
    }

    @Test
    void aWindowClosedWhileTheBackEndOpensClosesWhatItOpened() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        CountDownLatch opening = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        BackEnd backEnd = BackEnd.later(() -> {
            opening.countDown();
            assertThat(proceed.await(30, TimeUnit.SECONDS)).isTrue();
            return context(closed);
        });
        AtomicBoolean ran = new AtomicBoolean();
        backEnd.whenReady(ctx -> ran.set(true));
        backEnd.start();
        assertThat(opening.await(30, TimeUnit.SECONDS)).isTrue();

        backEnd.close(); // the window's stop, or SIGTERM's hook, while the store still opens
        proceed.countDown();

        await().atMost(Duration.ofSeconds(30)).untilTrue(closed);
        assertThat(ran).as("no view is wired to a back end that is already closed").isFalse();
        assertThat(backEnd.context()).isNull();
    }

    @Test
    void aFailedStartIsReportedAndNothingWaitsForever() throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        BackEnd backEnd = BackEnd.later(() -> {
            throw new StoreException("the history database is locked by another program");
        }).onFailure(failure::set);
        AtomicBoolean ran = new AtomicBoolean();
        backEnd.whenReady(ctx -> ran.set(true));
        backEnd.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> failure.get() != null);
        assertThat(failure.get()).hasMessageContaining("locked by another program");
        assertThat(ran).isFalse();
    }
}
