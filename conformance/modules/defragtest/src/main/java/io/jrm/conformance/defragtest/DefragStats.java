package io.jrm.conformance.defragtest;

import io.jrm.InfoContext;

/** The counters of defragtest.c, which its INFO section {@code defragtest_stats} shows. */
final class DefragStats {
  static final DefragStats INSTANCE = new DefragStats();

  /** The cursor the last late defrag set, to check that Redis gives it back. */
  long lastSetCursor;

  long attempts;
  long defragged;
  long resumes;
  long wrongCursor;
  long globalAttempts;
  long globalDefragged;

  private DefragStats() {}

  void reset() {
    attempts = 0;
    defragged = 0;
    resumes = 0;
    wrongCursor = 0;
    globalAttempts = 0;
    globalDefragged = 0;
  }

  void addTo(InfoContext info) {
    info.addSection("stats");
    info.addField("datatype_attempts", attempts)
        .addField("datatype_defragged", defragged)
        .addField("datatype_resumes", resumes)
        .addField("datatype_wrong_cursor", wrongCursor)
        .addField("global_attempts", globalAttempts)
        .addField("global_defragged", globalDefragged);
  }
}
