package io.jrm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The slot states the StringDma views of a context's keys compare. */
class KeyStatesTest {
  private final KeyStates states = new KeyStates();

  @Test
  void aWriteOrACloseChangesTheStateAViewSaw() {
    int slot = states.open();
    long seen = states.state(slot);
    states.changed(slot);
    long written = states.state(slot);
    assertThat(written).isNotEqualTo(seen);
    assertThat(KeyStates.isClosed(written)).isFalse();
    states.closed(slot);
    assertThat(KeyStates.isClosed(states.state(slot))).isTrue();
  }

  @Test
  void aSlotTakenAgainNeverMatchesAViewOfTheKeyBefore() {
    int first = states.open();
    long seen = states.state(first);
    states.closed(first);
    int again = states.open();
    assertThat(again).isEqualTo(first);
    assertThat(states.state(again)).isNotEqualTo(seen).isPositive();
  }

  @Test
  void closedSlotsOnTopAreGivenBackWhateverTheOrderOfTheCloses() {
    int a = states.open();
    int b = states.open();
    states.closed(a); // not on top: kept until b goes
    assertThat(states.open()).isEqualTo(2);
    states.closed(2);
    states.closed(b);
    assertThat(states.open()).isEqualTo(a);
  }

  @Test
  void manyKeysOpenAtOnceGrowTheTableAndANewCallStartsFromNone() {
    for (int i = 0; i < 5000; i++) {
      assertThat(states.open()).isEqualTo(i);
    }
    long last = states.state(4999);
    states.reset();
    int slot = states.open();
    assertThat(slot).isZero();
    assertThat(states.state(slot)).isGreaterThan(last);
  }
}
