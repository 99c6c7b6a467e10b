package dev.godwit.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The peak of the heap a run keeps alive: the most heap in use right after any garbage collection
 * during the run, or at its end if none ran. Garbage the collector has not reached yet is not
 * counted, so the figure reflects what the run holds, not how often the collector ran; a small
 * young generation ({@code benchmarks/run.sh} sets one) makes collections frequent enough to see
 * the peak.
 *
 * <p>With {@code forceCollections}, a thread also collects every {@link #FORCED_PERIOD_MILLIS} ms, so
 * that the peak is sampled even in a run short of collections; such runs' latencies are not reported.
 */
final class HeapProbe implements AutoCloseable {

  private static final long FORCED_PERIOD_MILLIS = 200;

  private final AtomicLong peak = new AtomicLong();
  private final AtomicLong collections = new AtomicLong();
  private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
      .collect(Collectors.toSet());
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onCollection;
  private final Thread collector;
  private volatile boolean running = true;

  private HeapProbe(boolean forceCollections) {
    System.gc();
    peak.set(usedHeap());
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (bean instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
    if (forceCollections) {
      collector = new Thread(this::collect, "heap-probe");
      collector.setDaemon(true);
      collector.start();
    } else {
      collector = null;
    }
  }

  /** Starts watching, after a collection that sets the starting point. */
  static HeapProbe start() {
    return new HeapProbe(false);
  }

  /** Starts watching, collecting periodically as well. */
  static HeapProbe startForcingCollections() {
    return new HeapProbe(true);
  }

  /** The peak so far, in MiB; collects first if no collection ran since the probe started. */
  double peakMebibytes() {
    if (collections.get() == 0) {
      System.gc();
      peak.accumulateAndGet(usedHeap(), Math::max);
    }
    return peak.get() / (1024.0 * 1024.0);
  }

  private void onCollection(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
        .equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    peak.accumulateAndGet(used, Math::max);
    collections.incrementAndGet();
  }

  private void collect() {
    while (running) {
      try {
        Thread.sleep(FORCED_PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      System.gc();
    }
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    if (collector != null) {
      collector.interrupt();
      collector.join();
    }
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException e) {
        // already removed: nothing to undo
      }
    }
  }
}
