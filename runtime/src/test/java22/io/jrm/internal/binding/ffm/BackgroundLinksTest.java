package io.jrm.internal.binding.ffm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How {@code FfmShapeCalls} gets its handles linked: holders initialized on a thread of their own
 * once the module has loaded, their calls on the fallback until then.
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

    static final class Broken {
      static final String THREAD = fail();

      private static String fail() {
        throw new IllegalStateException("cannot link");
      }
    }
  }

  private static final String[] HOLDERS = {"First", "Second", "Broken"};

  @Test
  void holdersLinkOnTheirOwnThreadOnceTheModuleHasLoaded() throws InterruptedException {
    boolean[] linked = new boolean[HOLDERS.length];
    BackgroundLinks links = new BackgroundLinks(Holders.class, HOLDERS, linked, true);

    assertThat(links.fallBack(0)).isTrue();
    assertThat(linked[0]).isFalse(); // nothing links during the load
    links.start();
    awaitLinked(linked, 0);
    assertThat(links.fallBack(1)).isTrue(); // asked for after the load: linked as well
    awaitLinked(linked, 1);
    links.stop();

    assertThat(Holders.First.THREAD).isEqualTo("jrm-ffm-downcalls");
    assertThat(Holders.Second.THREAD).isEqualTo("jrm-ffm-downcalls");
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

    assertThat(links.fallBack(1)).isFalse();
    assertThat(linked[1]).isTrue();
  }

  private static void awaitLinked(boolean[] linked, int holder) throws InterruptedException {
    for (int i = 0; i < 1000 && !linked[holder]; i++) {
      Thread.sleep(10);
    }
    assertThat(linked[holder]).as("holder %s linked", HOLDERS[holder]).isTrue();
  }
}
