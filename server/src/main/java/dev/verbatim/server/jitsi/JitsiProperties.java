package dev.verbatim.server.jitsi;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Jitsi integration: Jigasi's audio on {@code /asr/vosk} and its events on {@code
 * /api/jigasi/events}. Jigasi sends no credentials, so who may connect is decided by address or by
 * a secret in the path.
 *
 * @param enabled whether the endpoints exist at all
 * @param allowedNetworks addresses (CIDR, such as {@code 10.0.0.0/8}, or single addresses) that may
 *     connect without the secret; loopback by default
 * @param secret when set, a request from anywhere that carries it as a path segment ({@code
 *     /asr/vosk/SECRET/room}, {@code /api/jigasi/SECRET/events}) is let in; at least 16 characters
 * @param owner the email of the account that owns live meetings; without one, only admins see them
 * @param language the speech model's language; the transcription default when not set
 * @param silentConnectionTimeout a connection that has sent nothing for this long is closed (Jigasi
 *     opens spare ones it never uses)
 * @param idleTimeout a connection that has sent audio but nothing for this long is closed; Jigasi
 *     opens a new one when the participant speaks again
 * @param conferenceIdle a conference none of whose streams is open, and that heard nothing for this
 *     long, is over even without Jigasi's END event; while participants who joined have not left,
 *     it waits {@code idleTimeout} instead (they may all be muted)
 * @param endGrace after END, how long to wait for the last results of closing streams
 * @param warmRecognizers recognizers kept warm between streams: a fresh one decodes its first half
 *     minute of speech three times slower, so a conference whose participants all start at once
 *     falls behind; each holds tens of megabytes of native memory, up to about 200 MB
 */
@ConfigurationProperties("verbatim.jitsi")
public record JitsiProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue({"127.0.0.0/8", "::1/128"}) List<String> allowedNetworks,
    @Nullable String secret,
    @Nullable String owner,
    @Nullable String language,
    @DefaultValue("30s") Duration silentConnectionTimeout,
    @DefaultValue("10m") Duration idleTimeout,
    @DefaultValue("2m") Duration conferenceIdle,
    @DefaultValue("3s") Duration endGrace,
    @DefaultValue("20") int warmRecognizers) {

  public JitsiProperties {
    allowedNetworks = List.copyOf(allowedNetworks);
    // Parsed now, so that a typo stops the start rather than every connection.
    allowedNetworks.forEach(Networks.Network::parse);
    if (secret != null && secret.isBlank()) {
      secret = null;
    }
    if (secret != null && (secret.length() < 16 || secret.contains("/"))) {
      throw new IllegalArgumentException(
          "verbatim.jitsi.secret must be at least 16 characters and contain no '/'");
    }
    if (owner != null && owner.isBlank()) {
      owner = null;
    }
    if (language != null && language.isBlank()) {
      language = null;
    }
    if (warmRecognizers < 0) {
      throw new IllegalArgumentException("verbatim.jitsi.warm-recognizers must not be negative");
    }
  }
}
