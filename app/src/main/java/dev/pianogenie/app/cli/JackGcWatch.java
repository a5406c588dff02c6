package dev.pianogenie.app.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The garbage collector's pauses while a JACK benchmark runs (a pause stops JACK's process thread too when it calls
 * into Java): each collection's duration as the JVM reports it. Concurrent collectors' cycles (ZGC, Shenandoah)
 * report their whole cycle, not the pause, under names ending in "Cycles"; only pause-type collections are counted.
 */
final class JackGcWatch implements AutoCloseable {
    private final List<Double> pausesMillis = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (n, h) -> {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        if (info.getGcName().endsWith("Cycles")) {
            return; // a concurrent cycle: its pauses are listed under the "Pauses" collector
        }
        synchronized (pausesMillis) {
            pausesMillis.add((double) info.getGcInfo().getDuration());
        }
    };

    JackGcWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                emitters.add(e);
            }
        }
    }

    static String collector() {
        return String.join(
                " + ",
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName)
                        .toList());
    }

    int count() {
        synchronized (pausesMillis) {
            return pausesMillis.size();
        }
    }

    /** The q-quantile pause in ms (0 when none). */
    double percentile(double q) {
        synchronized (pausesMillis) {
            if (pausesMillis.isEmpty()) {
                return 0;
            }
            List<Double> s = new ArrayList<>(pausesMillis);
            s.sort(null);
            return s.get(Math.min(s.size() - 1, (int) Math.floor(q * s.size())));
        }
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "GC (%s): %d pauses, p50 %.1f ms, p99 %.1f ms, max %.1f ms (ms resolution)",
                collector(),
                count(),
                percentile(0.5),
                percentile(0.99),
                percentile(1.0));
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
