package dev.verbatim.server.jitsi;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Lets a WebSocket handshake on {@code /asr/vosk[/…]} through when it comes from an allowed network
 * or carries the secret, and reads the room from the path:
 *
 * <ul>
 *   <li>{@code /asr/vosk}: no room;
 *   <li>{@code /asr/vosk/{room}}: the room, unless the segment is the secret (then no room);
 *   <li>{@code /asr/vosk/{secret}/{room}}: both.
 * </ul>
 */
final class JitsiGate implements HandshakeInterceptor {

  private static final Logger log = LoggerFactory.getLogger(JitsiGate.class);

  static final String PREFIX = "/asr/vosk";
  static final String ROOM = "jitsi.room";

  private final Networks networks;

  JitsiGate(Networks networks) {
    this.networks = networks;
  }

  /** What the path after the prefix says. */
  record Target(boolean secret, @Nullable String room) {}

  /** Reads {@code /asr/vosk/…}; null for a path of more segments than the endpoint has. */
  @Nullable Target target(String path) {
    int at = path.indexOf(PREFIX);
    String rest = at < 0 ? "" : path.substring(at + PREFIX.length());
    List<String> segments =
        Arrays.stream(rest.split("/"))
            .filter(s -> !s.isEmpty())
            .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
            .toList();
    return switch (segments.size()) {
      case 0 -> new Target(false, null);
      case 1 ->
          networks.isSecret(segments.get(0))
              ? new Target(true, null)
              : new Target(false, segments.get(0));
      case 2 -> new Target(networks.isSecret(segments.get(0)), segments.get(1));
      default -> null;
    };
  }

  boolean isSecret(String candidate) {
    return networks.isSecret(candidate);
  }

  /** Whether a caller at {@code address} who showed the secret (or not) may come in. */
  boolean admits(@Nullable String address, boolean secret) {
    return secret || networks.allows(address);
  }

  @Override
  public boolean beforeHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Map<String, Object> attributes) {
    Target target = target(request.getURI().getRawPath());
    InetSocketAddress remote = request.getRemoteAddress();
    String address =
        remote != null && remote.getAddress() != null ? remote.getAddress().getHostAddress() : null;
    if (target == null) {
      response.setStatusCode(HttpStatus.NOT_FOUND);
      return false;
    }
    if (!admits(address, target.secret())) {
      log.warn("Refused a Vosk connection from {}: not an allowed network, no secret", address);
      response.setStatusCode(HttpStatus.FORBIDDEN);
      return false;
    }
    String room = Conferences.roomKey(target.room());
    if (room != null) {
      attributes.put(ROOM, room);
    }
    return true;
  }

  @Override
  public void afterHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      @Nullable Exception exception) {}
}
