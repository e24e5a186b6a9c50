package dev.verbatim.server.load;

import dev.verbatim.testsupport.ExternalTool;
import dev.verbatim.testsupport.ScriptedMeeting;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds N concurrent participant streams against a running server's {@code /asr/vosk}, each paced
 * at real time as Jigasi sends it (a 48,000-byte piece of 48 kHz audio every 500 ms), and reports
 * how late final results come: from the end of an utterance's last word, on the wall clock of the
 * stream, to the arrival of the final result with it. Also how late each reply is after its piece
 * (whether the server keeps up). {@code scripts/jitsi-load.sh} starts a server and runs it; not a
 * JUnit test, so CI does not run it.
 *
 * <p>Usage: {@code JitsiLoad ws://localhost:8080/asr/vosk STREAMS SECONDS}
 */
public final class JitsiLoad {

  private static final int PIECE = 48_000;
  private static final long PERIOD_MS = 500;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** When the run started, and how late replies were in each ten seconds of it. */
  private static final java.util.concurrent.atomic.AtomicLong RUN_START =
      new java.util.concurrent.atomic.AtomicLong();

  private static final java.util.concurrent.ConcurrentSkipListMap<Long, List<Long>> TIMELINE =
      new java.util.concurrent.ConcurrentSkipListMap<>();

  private JitsiLoad() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    String url = args.length > 0 ? args[0] : "ws://localhost:8080/asr/vosk";
    int streams = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    PrintStream out = System.out;
    Path dir = Files.createTempDirectory("jitsi-load");
    ScriptedMeeting meeting = ScriptedMeeting.render(ScriptedMeeting.standup(), dir);
    // Each speaker's track repeated to the length of the run; streams start on different ones.
    List<byte[]> tracks = new ArrayList<>();
    for (Path wav : meeting.tracks().values()) {
      tracks.add(repeated(at48k(wav), seconds));
    }
    List<Long> finals = new CopyOnWriteArrayList<>();
    List<Long> replies = new CopyOnWriteArrayList<>();
    RUN_START.set(System.currentTimeMillis());
    AtomicInteger failures = new AtomicInteger();
    ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
    CountDownLatch done = new CountDownLatch(streams);
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < streams; i++) {
      byte[] pcm = tracks.get(i % tracks.size());
      long offsetMs = (i / tracks.size()) * 250L;
      pacer.schedule(
          () -> new Stream(http, url, pcm, finals, replies, failures, pacer, done).start(),
          offsetMs,
          TimeUnit.MILLISECONDS);
    }
    done.await(seconds + 120L, TimeUnit.SECONDS);
    pacer.shutdownNow();
    out.printf(
        Locale.ROOT,
        "streams %d, %d s each, paced at real time; load average %s%n",
        streams,
        seconds,
        Files.readString(Path.of("/proc/loadavg")).strip());
    out.println("end of utterance -> final result: " + summary(finals));
    out.println("piece sent -> its reply:          " + summary(replies));
    out.println("piece sent -> its reply, by when the piece was sent:");
    TIMELINE.forEach(
        (window, lateness) ->
            out.printf(
                Locale.ROOT,
                "  %3d-%3d s: %s%n",
                window * 10,
                window * 10 + 10,
                summary(lateness)));
    out.println("failed streams: " + failures.get());
    System.exit(failures.get() == 0 ? 0 : 1);
  }

  private static String summary(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    if (sorted.isEmpty()) {
      return "none";
    }
    return String.format(
        Locale.ROOT,
        "n=%d p50=%d ms p95=%d ms p99=%d ms max=%d ms",
        sorted.size(),
        at(sorted, 0.50),
        at(sorted, 0.95),
        at(sorted, 0.99),
        sorted.get(sorted.size() - 1));
  }

  private static long at(List<Long> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
  }

  private static byte[] at48k(Path wav) {
    return ExternalTool.rawPcm(wav, 48_000);
  }

  private static byte[] repeated(byte[] pcm, int seconds) {
    byte[] all = new byte[seconds * 96_000];
    for (int at = 0; at < all.length; at += pcm.length) {
      System.arraycopy(pcm, 0, all, at, Math.min(pcm.length, all.length - at));
    }
    return all;
  }

  /** One participant: sends a piece every 500 ms, reads replies, times the finals. */
  private static final class Stream implements WebSocket.Listener {
    private final HttpClient http;
    private final String url;
    private final byte[] pcm;
    private final List<Long> finals;
    private final List<Long> replies;
    private final AtomicInteger failures;
    private final ScheduledExecutorService pacer;
    private final CountDownLatch done;
    private final List<Long> sentAt = new CopyOnWriteArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private volatile long startWall;
    private volatile WebSocket socket;
    private int piece;
    private int received;

    Stream(
        HttpClient http,
        String url,
        byte[] pcm,
        List<Long> finals,
        List<Long> replies,
        AtomicInteger failures,
        ScheduledExecutorService pacer,
        CountDownLatch done) {
      this.http = http;
      this.url = url;
      this.pcm = pcm;
      this.finals = finals;
      this.replies = replies;
      this.failures = failures;
      this.pacer = pacer;
      this.done = done;
    }

    void start() {
      try {
        socket = http.newWebSocketBuilder().buildAsync(URI.create(url), this).join();
        socket.sendText("{\"config\" : {\"sample_rate\" : 48000.0 }}", true).join();
        // The first piece holds the stream's first half second: it was all spoken by now.
        startWall = System.currentTimeMillis() + PERIOD_MS;
        pacer.scheduleAtFixedRate(this::send, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
      } catch (RuntimeException e) {
        failures.incrementAndGet();
        done.countDown();
      }
    }

    private synchronized void send() {
      int at = piece * PIECE;
      if (at >= pcm.length) {
        if (piece++ == pcm.length / PIECE + (pcm.length % PIECE == 0 ? 0 : 1)) {
          socket.sendText("{\"eof\" : 1}", true);
        }
        return;
      }
      piece++;
      sentAt.add(System.currentTimeMillis());
      socket.sendBinary(ByteBuffer.wrap(pcm, at, Math.min(PIECE, pcm.length - at)), true);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        long now = System.currentTimeMillis();
        JsonNode reply = JSON.readTree(text.toString());
        text.setLength(0);
        if (received < sentAt.size()) {
          replies.add(now - sentAt.get(received));
          TIMELINE
              .computeIfAbsent(
                  (sentAt.get(received) - RUN_START.get()) / 10_000,
                  w -> new CopyOnWriteArrayList<>())
              .add(now - sentAt.get(received));
        }
        received++;
        JsonNode words = reply.path("result");
        if (!words.isEmpty()) {
          long spokenEnd =
              startWall
                  - PERIOD_MS
                  + Math.round(words.get(words.size() - 1).path("end").asDouble() * 1000);
          finals.add(now - spokenEnd);
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      done.countDown();
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      failures.incrementAndGet();
      done.countDown();
    }
  }
}
