package io.jrm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The heap's range read from {@code GC.heap_info} as the JVMs JRM runs on print it. */
class HeapAddressesTest {
  private static final long MAX_HEAP = 540L << 20;

  @Test
  void g1PrintsItsReservedRegion() {
    String jdk25 =
        "garbage-first heap   total reserved 552960K, committed 67584K, used 25568K"
            + " [0x00000000de400000, 0x0000000100000000)\n"
            + " region size 1024K, 23 young (23552K), 2 survivors (2048K)\n";
    assertThat(HeapAddresses.range(jdk25, MAX_HEAP)).containsExactly(0xde400000L, 0x100000000L);
  }

  @Test
  void theSerialCollectorsGenerationsMakeTheRangeAndMetaspaceIsNotPartOfIt() {
    String jdk17 =
        " def new generation   total 19648K, used 8432K [0x00000000de400000, 0x00000000df950000,"
            + " 0x00000000e9800000)\n"
            + "  eden space 17472K,  35% used [0x00000000de400000, 0x00000000dea1c0e8,"
            + " 0x00000000df510000)\n"
            + " tenured generation   total 43712K, used 2190K [0x00000000e9800000,"
            + " 0x00000000ec2b0000, 0x0000000100000000)\n"
            + " Metaspace       used 11137K, committed 11392K, reserved 1114112K\n"
            + "  class space    used 1332K, committed 1472K, reserved 1048576K"
            + " [0x0000000100000000, 0x0000000140000000)\n";
    assertThat(HeapAddresses.range(jdk17, MAX_HEAP)).containsExactly(0xde400000L, 0x100000000L);
  }

  @Test
  void theParallelCollectorsOldGenerationComesFirst() {
    String jdk17 =
        " PSYoungGen      total 18944K, used 10013K [0x00000000f4c00000, 0x00000000f7100000,"
            + " 0x0000000100000000)\n"
            + " ParOldGen       total 44032K, used 1672K [0x00000000de400000, 0x00000000e0f00000,"
            + " 0x00000000f4c00000)\n";
    assertThat(HeapAddresses.range(jdk17, MAX_HEAP)).containsExactly(0xde400000L, 0x100000000L);
  }

  @Test
  void noRangeWhenTheCollectorPrintsNoneOrOneThatIsNotTheHeap() {
    assertThat(
            HeapAddresses.range(
                " ZHeap           used 8M, capacity 64M, max capacity 540M\n", MAX_HEAP))
        .containsExactly(0, 0);
    assertThat(HeapAddresses.range("heap [0x00000000de400000, 0x00000000de500000)", MAX_HEAP))
        .containsExactly(0, 0);
    assertThat(HeapAddresses.range("heap [0x00000000de400010, 0x0000000100000000)", MAX_HEAP))
        .containsExactly(0, 0);
  }

  @Test
  void thisJvmsHeapIsFound() throws Exception {
    long[] range = HeapAddresses.range();
    assertThat(range[1]).isGreaterThan(range[0]);
  }
}
