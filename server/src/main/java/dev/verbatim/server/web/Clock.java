package dev.verbatim.server.web;

/** Times as people read them on a page: {@code 1:02:03} or {@code 2:03}. */
public final class Clock {

  private Clock() {}

  /** Hours only when there are any, so short meetings read {@code 4:05}. */
  public static String of(long ms) {
    long seconds = Math.max(0, ms) / 1000;
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
  }

  /** Always with hours, as the meetings list aligns durations: {@code 0:47:56}. */
  static String duration(long ms) {
    long seconds = Math.max(0, ms) / 1000;
    return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
