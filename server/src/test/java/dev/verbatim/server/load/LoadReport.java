package dev.verbatim.server.load;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * What a load run measured, as text and as Markdown tables for {@code docs/benchmarks.md}.
 *
 * @param accepted uploads answered 202, each a new meeting
 * @param uploads the latency of the uploads, from sending the first byte to the answer
 * @param repeatedIds meeting ids two uploads were both given
 * @param unexpectedMeetings meetings that appeared beyond those uploaded (on a server nobody else
 *     uses while the test runs)
 * @param firstErrors the first errors of each kind, to start an investigation from
 */
record LoadReport(
    LoadOptions options,
    int accepted,
    Latencies.Summary uploads,
    JobWatch.Outcome jobs,
    int repeatedIds,
    long unexpectedMeetings,
    Readers.Result readers,
    List<String> firstErrors) {

  /** Failed requests of any kind and failed jobs. */
  long errors() {
    return uploads.errors() + readers.errors() + jobs.failed() + jobs.pollErrors().size();
  }

  /** Jobs accepted and never finished, and meetings that appeared twice. */
  long lostJobs() {
    return jobs.unfinished() + jobs.listedTwice() + repeatedIds + unexpectedMeetings;
  }

  boolean passed() {
    return errors() == 0 && lostJobs() == 0 && accepted == options.uploads();
  }

  double meetingsPerHour() {
    double seconds = jobs.makespan().toMillis() / 1000.0;
    return seconds > 0 ? jobs.done() * 3600 / seconds : 0;
  }

  void print(PrintStream out) {
    out.println(
        format(
            "Load: %d uploads and %d readers against %s",
            options.uploads(), options.readers(), options.url()));
    out.println();
    for (Measure row : measures()) {
      out.println(format("  %-34s %s", row.name(), row.value()));
    }
    out.println();
    out.println(
        format(
            "  %-30s %8s %8s %8s %8s %8s %7s",
            "request", "count", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors"));
    for (Latencies.Summary request : readers.requests()) {
      out.println(
          format(
              "  %-30s %8d %8.1f %8.1f %8.1f %8.1f %7d",
              request.request(),
              request.count(),
              request.p50(),
              request.p95(),
              request.p99(),
              request.max(),
              request.errors()));
    }
    if (!firstErrors.isEmpty()) {
      out.println();
      out.println("First errors:");
      firstErrors.forEach(e -> out.println("  " + e));
    }
    out.println();
    out.println(passed() ? "PASSED: no errors, no lost jobs" : "FAILED");
    out.println();
    printMarkdown(out);
  }

  private void printMarkdown(PrintStream out) {
    out.println("| measure | result |");
    out.println("| --- | --- |");
    for (Measure row : measures()) {
      out.println("| " + row.name() + " | " + row.value() + " |");
    }
    out.println();
    out.println("| request | count | p50 ms | p95 ms | p99 ms | max ms | errors |");
    out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (Latencies.Summary request : readers.requests()) {
      out.println(
          format(
              "| `%s` | %d | %.1f | %.1f | %.1f | %.1f | %d |",
              request.request(),
              request.count(),
              request.p50(),
              request.p95(),
              request.p99(),
              request.max(),
              request.errors()));
    }
  }

  /** The headline figures, each a name and a value. */
  private List<Measure> measures() {
    double audioMinutes = jobs.audioMs() / 60_000.0;
    double makespanSeconds = jobs.makespan().toMillis() / 1000.0;
    return List.of(
        row("uploads accepted", accepted + " of " + options.uploads()),
        row(
            "upload latency p50 / p95 / max",
            format(
                "%.2f / %.2f / %.2f s",
                uploads.p50() / 1000, uploads.p95() / 1000, uploads.max() / 1000)),
        row(
            "processing makespan",
            format(
                "%.1f s for %d meetings done, %d failed (%.1f min of audio)",
                makespanSeconds, jobs.done(), jobs.failed(), audioMinutes)),
        row(
            "processing throughput",
            format(
                "%.0f meetings/hour, %.1f× real time",
                meetingsPerHour(), makespanSeconds > 0 ? audioMinutes * 60 / makespanSeconds : 0)),
        row(
            "reader requests",
            format(
                "%d in %.0f s: %.1f requests/s",
                readers.total(), readers.elapsed().toMillis() / 1000.0, readers.perSecond())),
        row(
            "errors",
            format(
                "%d (uploads %d, reads %d, failed jobs %d, list polls %d)",
                errors(),
                uploads.errors(),
                readers.errors(),
                jobs.failed(),
                jobs.pollErrors().size())),
        row(
            "lost jobs",
            format(
                "%d (unfinished %d, listed twice %d, ids given twice %d, unexpected meetings %d)",
                lostJobs(),
                jobs.unfinished(),
                jobs.listedTwice(),
                repeatedIds,
                unexpectedMeetings)));
  }

  /** One headline figure. */
  private record Measure(String name, String value) {}

  private static Measure row(String name, String value) {
    return new Measure(name, value);
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
