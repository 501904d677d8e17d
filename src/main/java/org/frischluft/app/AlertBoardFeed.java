package org.frischluft.app;

import java.util.List;
import org.frischluft.alert.Alert;
import org.frischluft.alert.AlertService;
import org.frischluft.ui.common.AlertFeed;

/** The alert service as the screens' query service: its board, translated to the screens' records. */
final class AlertBoardFeed implements AlertFeed {
    private final AlertService service;
    private AlertService.Board shown;
    private Snapshot snapshot = Snapshot.EMPTY;

    AlertBoardFeed(AlertService service) {
        this.service = service;
    }

    @Override
    public synchronized Snapshot current() {
        AlertService.Board b = service.board();
        if (b != shown) {
            shown = b;
            List<Item> items = b.unresolved().stream().map(AlertBoardFeed::item).toList();
            snapshot = new Snapshot(b.version() + 1, items); // 0 is the empty feed's
        }
        return snapshot;
    }

    static Item item(Alert a) {
        return new Item(a.id(), a.rule().id(), a.rule().severity(), a.room(), a.site(), a.state().id(), a.opened(),
                a.since(), a.value(), a.acknowledgedBy(), a.comment());
    }

    @Override
    public void acknowledge(long id, String by, String comment) {
        service.acknowledge(id, by, comment);
    }
}
