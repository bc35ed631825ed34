package ca.gc.microacquisition.publicsite;

import ca.gc.microacquisition.opportunity.OpportunityStateChanged;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Refreshes the static export (and its Git branch) after an opportunity changed state (posted, closed, awarded,
 * completed, cancelled), once the change is committed. Runs in the background on one thread; changes that arrive
 * while an export is waiting are covered by that export. Test opportunities do not trigger it.
 * Off with {@code app.public-site.export-on-change=false}.
 *
 * <p>An export rewrites every public page, so its cost grows with the number of posted opportunities: exports start
 * at least {@code app.public-site.export-min-interval} apart (default 30 s). The first change after a quiet period
 * is exported at once; changes during the interval are exported together at its end.
 */
@Component
public class PublicSiteRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(PublicSiteRefresh.class);

    private final PublicSiteExporter exporter;
    private final PublicSiteGitPublisher publisher;
    private final boolean enabled;
    private final long minIntervalNanos;
    private volatile long lastStart;
    private volatile boolean exported;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "public-site-export");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();

    PublicSiteRefresh(
            PublicSiteExporter exporter,
            PublicSiteGitPublisher publisher,
            @Value("${app.public-site.export-on-change:true}") boolean enabled,
            @Value("${app.public-site.export-min-interval:PT30S}") Duration minInterval) {
        this.exporter = exporter;
        this.publisher = publisher;
        this.enabled = enabled;
        this.minIntervalNanos = minInterval.toNanos();
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void onStateChanged(OpportunityStateChanged event) {
        if (!enabled || event.test()) {
            return;
        }
        if (pending.compareAndSet(false, true)) {
            long wait = exported ? Math.max(0, lastStart + minIntervalNanos - System.nanoTime()) : 0;
            worker.schedule(() -> refresh(event.reference() + " is " + event.status()), wait, TimeUnit.NANOSECONDS);
        }
    }

    /** Exports now and publishes to the Git branch when one is set. */
    public void refresh(String reason) {
        lastStart = System.nanoTime();
        exported = true;
        pending.set(false);
        try {
            exporter.export();
            publisher.publish(exporter.exportDir(), "Public site: " + reason);
        } catch (Exception e) {
            LOG.warn("Could not refresh the public site export ({}): {}", reason, e.toString());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
