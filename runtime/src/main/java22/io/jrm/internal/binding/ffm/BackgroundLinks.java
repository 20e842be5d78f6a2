package io.jrm.internal.binding.ffm;

import java.util.ArrayDeque;

/**
 * Links the downcall handles of {@code FfmShapeCalls} on a thread of their own. Linking a shape's
 * handle on a cold JVM takes 10-40 ms (Temurin 25 spins its method handles and classes), the first
 * one about 80 more for the linker itself: in {@code MODULE LOAD}, which calls a dozen shapes, that
 * was about 230 of 430 ms. A shape called during the load goes through the stub's jni natives (the
 * same C function, at the jni backend's speed) and is queued; once the module has loaded ({@link
 * #start}) the thread links the queue, so that it does not take a core from the load.
 *
 * <p>After the load, a shape called during it keeps going through the natives until the thread has
 * linked it (for good, if it cannot). The first firing of a timer armed in the load comes about 10
 * ms after it, and linking its shape on the main thread then held the reply of {@code MODULE LOAD}
 * back by 110-140 ms. Any other shape links on the thread of its first call, as the holder idiom
 * does by itself: sending those to the natives as well made a data load that follows (an RDB or AOF
 * at startup) slower, not faster (200k values 0.64-0.73 s against 0.82-0.86), since the JIT
 * compiled the load's code around the jni calls and compiled it again once they flipped.
 *
 * <p>Each shape has a holder class ({@code owner$holder}, its {@code static final} handle) and a
 * flag in {@code linked}, which a call checks first: false sends the call here. Without natives to
 * fall back on (no stub: unit tests), every shape links on the thread of its first call.
 */
final class BackgroundLinks {
  private final Class<?> owner;
  private final String[] holders;
  private final boolean[] linked;
  private final boolean fallback;

  /** The shapes asked for, so that each is queued once. */
  private final boolean[] requested;

  /** The shapes queued and not yet linked (indexes into {@link #holders}). */
  private final ArrayDeque<Integer> pending = new ArrayDeque<>();

  /** Whether the module has loaded: from then on a shape not asked for links on its caller. */
  private boolean started;

  /** The thread linking {@link #pending}, null when it is empty. */
  private Thread linker;

  /**
   * The links of the holders {@code holders} (simple names of nested classes of {@code owner}),
   * whose flags are {@code linked}; {@code fallback} says whether calls can go elsewhere meanwhile.
   */
  BackgroundLinks(Class<?> owner, String[] holders, boolean[] linked, boolean fallback) {
    this.owner = owner;
    this.holders = holders;
    this.linked = linked;
    this.fallback = fallback;
    this.requested = new boolean[holders.length];
  }

  /**
   * Whether this call of the shape of {@code holder}, not linked yet, goes through the fallback:
   * during the load, true (and its link is queued); after it, true while a shape queued then waits
   * for the thread (or could not be linked). Otherwise false, and the caller's use of the handle
   * links it. Called only while the shape's flag is false, so the lock is not on the hot path.
   */
  boolean fallBack(int holder) {
    if (fallback) {
      synchronized (this) {
        if (!started) {
          request(holder);
          return true;
        }
        if (requested[holder]) {
          return !linked[holder];
        }
      }
    }
    linked[holder] = true;
    return false;
  }

  /** The module has loaded: links what was asked for during the load on a thread of its own. */
  synchronized void start() {
    started = true;
    if (linker == null && !pending.isEmpty()) {
      linker = new Thread(this::linkPending, "jrm-ffm-downcalls");
      linker.setDaemon(true);
      linker.start();
    }
  }

  /** Waits for the link under way, dropping those queued: before the module unloads. */
  void stop() throws InterruptedException {
    Thread running;
    synchronized (this) {
      pending.clear();
      running = linker;
    }
    if (running != null) {
      running.join();
    }
  }

  /** Queues the link of {@code holder} once; the caller holds the lock. */
  private void request(int holder) {
    if (requested[holder]) {
      return;
    }
    requested[holder] = true;
    pending.add(holder);
  }

  private void linkPending() {
    while (true) {
      int holder;
      synchronized (this) {
        Integer next = pending.poll();
        if (next == null) {
          linker = null;
          return;
        }
        holder = next;
      }
      try {
        Class.forName(owner.getName() + "$" + holders[holder], true, owner.getClassLoader());
        linked[holder] = true;
      } catch (Throwable t) {
        // The shape stays on the fallback, which calls the same function: slower, not wrong.
      }
    }
  }
}
