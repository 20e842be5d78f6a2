package io.jrm.internal.binding.ffm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * How {@code FfmShapeCalls} gets its handles linked: the holders of shapes called during the load
 * initialized on a thread of their own once it is over (their calls on the fallback until then),
 * the others by their first caller after it.
 */
class BackgroundLinksTest {
  /** Holder classes that record the thread that initialized them. */
  static final class Holders {
    static final class First {
      static final String THREAD = Thread.currentThread().getName();
    }

    static final class Second {
      static final String THREAD = Thread.currentThread().getName();
    }

    /** Initialized only once {@link #RELEASE} is counted down. */
    static final class Slow {
      static final String THREAD = awaitRelease();

      private static String awaitRelease() {
        try {
          RELEASE.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return Thread.currentThread().getName();
      }
    }

    static final class Broken {
      static final String THREAD = fail();

      private static String fail() {
        throw new IllegalStateException("cannot link");
      }
    }
  }

  private static final CountDownLatch RELEASE = new CountDownLatch(1);

  private static final String[] HOLDERS = {"First", "Second", "Broken", "Slow"};

  @Test
  void shapesCalledDuringTheLoadLinkOnTheirOwnThreadOnceItIsOver() throws InterruptedException {
    boolean[] linked = new boolean[HOLDERS.length];
    BackgroundLinks links = new BackgroundLinks(Holders.class, HOLDERS, linked, true);

    assertThat(links.fallBack(0)).isTrue();
    assertThat(linked[0]).isFalse(); // nothing links during the load
    links.start();
    awaitLinked(linked, 0);
    links.stop();

    assertThat(Holders.First.THREAD).isEqualTo("jrm-ffm-downcalls");
  }

  @Test
  void aShapeCalledDuringTheLoadStaysOnTheFallbackUntilTheThreadHasLinkedIt()
      throws InterruptedException {
    boolean[] linked = new boolean[HOLDERS.length];
    BackgroundLinks links = new BackgroundLinks(Holders.class, HOLDERS, linked, true);

    links.fallBack(3);
    links.start();
    assertThat(links.fallBack(3)).isTrue(); // the thread is still linking it
    RELEASE.countDown();
    awaitLinked(linked, 3);
    links.stop();

    assertThat(links.fallBack(3)).isFalse();
    assertThat(Holders.Slow.THREAD).isEqualTo("jrm-ffm-downcalls");
  }

  @Test
  void afterTheLoadTheCallerLinksAShapeNotCalledDuringIt() {
    boolean[] linked = new boolean[HOLDERS.length];
    BackgroundLinks links = new BackgroundLinks(Holders.class, HOLDERS, linked, true);
    links.start();

    assertThat(links.fallBack(1)).isFalse();
    assertThat(linked[1]).isTrue();
    assertThat(Holders.Second.THREAD).isEqualTo(Thread.currentThread().getName());
  }

  @Test
  void aHolderThatFailsToLinkStaysOnTheFallback() throws InterruptedException {
    boolean[] linked = new boolean[HOLDERS.length];
    BackgroundLinks links = new BackgroundLinks(Holders.class, HOLDERS, linked, true);

    links.fallBack(2);
    links.fallBack(0); // linked after the broken one: one thread, in order
    links.start();
    awaitLinked(linked, 0);
    links.stop();

    assertThat(linked[2]).isFalse();
    assertThat(links.fallBack(2)).isTrue();
  }

  @Test
  void withoutAFallbackTheCallerLinks() {
    boolean[] linked = new boolean[HOLDERS.length];
    BackgroundLinks links = new BackgroundLinks(Holders.class, HOLDERS, linked, false);

    assertThat(links.fallBack(0)).isFalse();
    assertThat(linked[0]).isTrue();
  }

  private static void awaitLinked(boolean[] linked, int holder) throws InterruptedException {
    for (int i = 0; i < 1000 && !linked[holder]; i++) {
      Thread.sleep(10);
    }
    assertThat(linked[holder]).as("holder %s linked", HOLDERS[holder]).isTrue();
  }
}
