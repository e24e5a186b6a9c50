package dev.verbatim.server.jitsi;

import dev.verbatim.testsupport.ExternalTool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A Vosk client that speaks as Jigasi's {@code VoskWebsocketStreamingSession} does, byte for byte:
 * the config text with its spacing, 48,000-byte binary pieces of 48 kHz s16le audio, {@code {"eof"
 * : 1}}. Replies and the close are collected for the test to read.
 */
public final class JigasiClient implements AutoCloseable {

  /** Jigasi's config, a Java double printed with its spaces: 45 bytes. */
  public static final String CONFIG = "{\"config\" : {\"sample_rate\" : 48000.0 }}";

  public static final String EOF = "{\"eof\" : 1}";
  static final String RESET = "{\"reset\" : 1}";

  /** 25 packets of 20 ms at 48 kHz, 16-bit mono. */
  public static final int PIECE = 48_000;

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final WebSocket socket;

  public JigasiClient(int port, String path) {
    this.socket =
        HTTP.newWebSocketBuilder()
            .buildAsync(URI.create("ws://localhost:" + port + path), new Listener())
            .join();
  }

  /** Tries to connect; returns the handshake's failure, if it failed. */
  static @Nullable Throwable refusal(int port, String path) {
    try {
      new JigasiClient(port, path).close();
      return null;
    } catch (CompletionException e) {
      return e.getCause();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        replies.add(text.toString());
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.completeExceptionally(error);
    }
  }

  public void text(String message) {
    socket.sendText(message, true).join();
  }

  public void binary(byte[] pcm, int offset, int length) {
    socket.sendBinary(ByteBuffer.wrap(pcm, offset, length), true).join();
  }

  /** Sends {@code pcm} in Jigasi's pieces (the last one short), returning how many. */
  int stream(byte[] pcm) {
    int pieces = 0;
    for (int at = 0; at < pcm.length; at += PIECE) {
      binary(pcm, at, Math.min(PIECE, pcm.length - at));
      pieces++;
    }
    return pieces;
  }

  public String reply() {
    try {
      String reply = replies.poll(2, TimeUnit.MINUTES);
      if (reply == null) {
        throw new AssertionError("No reply from the Vosk endpoint");
      }
      return reply;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The close code the server sent; waits for it. */
  public int awaitClose(Duration limit) {
    try {
      return closed.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("The server did not close the connection", e);
    }
  }

  boolean isClosedByServer() {
    return closed.isDone();
  }

  /** Closes from the client's side without eof, as Jigasi's sockets go when a meeting ends. */
  void drop() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
  }

  @Override
  public void close() {
    socket.abort();
  }

  /** The s16le samples of {@code wav} brought to 48 kHz with sox, as Jigasi decodes Opus. */
  static byte[] at48k(Path wav) {
    return ExternalTool.rawPcm(wav, 48_000);
  }
}
