package io.jrm.internal.binding.ffm;

import java.util.ArrayDeque;

/**
 * Links the downcall handles of {@code FfmShapeCalls} on a thread of their own. Linking a shape's
 * handle on a cold JVM takes 10-40 ms (Temurin 25 spins its method handles and classes), the first
 * one about 80 more for the linker itself: in {@code MODULE LOAD}, which calls a dozen shapes, that
 * was about 230 of 430 ms. A shape asked for before its holder class is initialized goes through
 * the stub's jni natives meanwhile: the same C function, at the jni backend's speed. The thread
 * starts once the module has loaded ({@link #start}), so that it does not take a core from the
 * load.
 *
 * <p>Each shape has a holder class ({@code owner$holder}, its {@code static final} handle) and a
 * flag in {@code linked}, which only turns true once the holder is initialized, so a caller that
 * sees it true finds the handle linked. Without natives to fall back on (no stub: unit tests), a
 * shape links on the thread of its first call, as the holder idiom does by itself.
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

  /** Whether the module has loaded, after which a request starts {@link #linker}. */
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
   * true (and its link is queued) until the holder is initialized. Without a fallback, false: the
   * caller's use of the handle links it.
   */
  boolean fallBack(int holder) {
    if (!fallback) {
      linked[holder] = true;
      return false;
    }
    request(holder);
    return true;
  }

  /** Starts linking what was asked for during the load, and from now on what is asked for. */
  synchronized void start() {
    started = true;
    startLinker();
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

  private synchronized void request(int holder) {
    if (requested[holder]) {
      return;
    }
    requested[holder] = true;
    pending.add(holder);
    startLinker();
  }

  private void startLinker() {
    if (started && linker == null && !pending.isEmpty()) {
      linker = new Thread(this::linkPending, "jrm-ffm-downcalls");
      linker.setDaemon(true);
      linker.start();
    }
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
