package dev.verbatim.server.jitsi;

import dev.verbatim.core.Word;
import dev.verbatim.transcribe.StreamingResult;
import dev.verbatim.transcribe.Transcriber;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A drop-in vosk-server ({@code websocket/asr_server.py}) for Jigasi's {@code
 * VoskTranscriptionService} and other Vosk clients:
 *
 * <ul>
 *   <li>in: {@code {"config" : {"sample_rate" : 48000.0, "words" : true, "phrase_list" : […]}}}
 *       before the audio, binary s16le mono PCM, {@code {"eof" : 1}}, {@code {"reset" : 1}};
 *   <li>out: exactly one reply per audio message, {@code {"partial" : "…"}} or, at a pause, {@code
 *       {"result" : […], "text" : "…"}}; a final reply to eof (then the server closes) and reset.
 * </ul>
 *
 * Never the {@code alternatives} shape: Jigasi reads {@code text} from every reply without {@code
 * partial}, and fails without it. Jigasi's quirks: a stream with no config is 48 kHz (its config is
 * lost when it races the connection); connections that never send anything are closed after a
 * while; a connection closed without eof still has its last words kept.
 */
final class VoskEndpoint extends AbstractWebSocketHandler {

  private static final Logger log = LoggerFactory.getLogger(VoskEndpoint.class);
  private static final String STREAM = "jitsi.stream";

  private final Transcriber transcriber;
  private final Conferences conferences;
  private final String language;
  private final JsonMapper json = JsonMapper.builder().build();

  VoskEndpoint(Transcriber transcriber, Conferences conferences, String language) {
    this.transcriber = transcriber;
    this.conferences = conferences;
    this.language = language;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    Object room = session.getAttributes().get(JitsiGate.ROOM);
    VoskStream stream =
        new VoskStream(session, room instanceof String r ? r : null, System.currentTimeMillis());
    session.getAttributes().put(STREAM, stream);
    conferences.opened(stream);
    log.debug("Vosk stream {} opened (room {})", stream.id, stream.roomKey);
  }

  private static @Nullable VoskStream stream(WebSocketSession session) {
    return session.getAttributes().get(STREAM) instanceof VoskStream s ? s : null;
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage message)
      throws IOException {
    VoskStream stream = stream(session);
    if (stream == null) {
      return;
    }
    long now = System.currentTimeMillis();
    stream.received(now);
    JsonNode node;
    try {
      node = json.readTree(message.getPayload());
    } catch (JacksonException e) {
      session.close(CloseStatus.BAD_DATA.withReason("Not JSON"));
      return;
    }
    if (node.has("config")) {
      configure(stream, node.path("config"));
    } else if (node.has("eof")) {
      sendFinal(stream, stream.finish(), now);
      session.close(CloseStatus.NORMAL);
    } else if (node.has("reset")) {
      sendFinal(stream, stream.finish(), now);
    }
  }

  private static void configure(VoskStream stream, JsonNode config) {
    JsonNode rate = config.path("sample_rate");
    JsonNode words = config.path("words");
    List<String> phrases = new ArrayList<>();
    config.path("phrase_list").forEach(p -> phrases.add(p.asString()));
    stream.configure(
        rate.isNumber() ? rate.floatValue() : null,
        words.isBoolean() || words.isNumber() ? words.asBoolean() : null,
        phrases);
  }

  @Override
  protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message)
      throws IOException {
    VoskStream stream = stream(session);
    if (stream == null) {
      return;
    }
    long now = System.currentTimeMillis();
    stream.received(now);
    ByteBuffer payload = message.getPayload();
    byte[] pcm = new byte[payload.remaining()];
    payload.get(pcm);
    StreamingResult result;
    try {
      result =
          stream.accept(
              pcm, now, (rate, phrases) -> transcriber.streaming(language, rate, phrases));
    } catch (IllegalArgumentException e) {
      session.close(CloseStatus.POLICY_VIOLATION.withReason(e.getMessage()));
      return;
    }
    if (result instanceof StreamingResult.Final f) {
      sendFinal(stream, f, now);
    } else if (result instanceof StreamingResult.Partial p) {
      send(stream, partial(p.text()));
      conferences.hearing(stream, p.text(), now);
    }
  }

  /** Records the result, then sends it: Jigasi's event repeating it may come back at once. */
  private void sendFinal(VoskStream stream, StreamingResult.Final result, long now)
      throws IOException {
    if (!result.isEmpty()) {
      conferences.heard(stream, stream.utterance(result, now), now);
    }
    send(stream, finalReply(result, stream.words()));
  }

  private static void send(VoskStream stream, String reply) throws IOException {
    WebSocketSession session = stream.session;
    synchronized (session) {
      if (session.isOpen()) {
        session.sendMessage(new TextMessage(reply));
      }
    }
  }

  String partial(String text) {
    ObjectNode node = json.createObjectNode();
    node.put("partial", text);
    return json.writeValueAsString(node);
  }

  /** vosk-server's final shape: the words (with {@code words}), then the text, always present. */
  String finalReply(StreamingResult.Final result, boolean words) {
    ObjectNode node = json.createObjectNode();
    if (words && !result.words().isEmpty()) {
      ArrayNode list = node.putArray("result");
      for (Word w : result.words()) {
        ObjectNode word = list.addObject();
        word.put("conf", w.confidence());
        word.put("end", w.endMs() / 1000.0);
        word.put("start", w.startMs() / 1000.0);
        word.put("word", w.text());
      }
    }
    node.put("text", result.text());
    return json.writeValueAsString(node);
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    VoskStream stream = stream(session);
    if (stream == null) {
      return;
    }
    long now = System.currentTimeMillis();
    // Jigasi drops its sockets without eof when a conference ends: the last words still count.
    // They are kept before the stream counts as closed, or its conference could end without them.
    StreamingResult.Final last = stream.finish();
    if (!last.isEmpty()) {
      conferences.heard(stream, stream.utterance(last, now), now);
    }
    stream.close(now);
    conferences.closed(stream, now);
    log.debug("Vosk stream {} closed: {}", stream.id, status);
  }

  @Override
  public void handleTransportError(WebSocketSession session, Throwable exception) {
    log.debug("Vosk stream transport error", exception);
  }

  /** Closes a stream that has been quiet too long; its connection's close finalises it. */
  static void closeIdle(VoskStream stream) {
    try {
      stream.session.close(new CloseStatus(1000, "idle"));
    } catch (IOException e) {
      log.debug("Closing idle Vosk stream {} failed", stream.id, e);
    }
  }
}
