package dev.verbatim.server.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Verbatim-Signature} header, in the style of Stripe's: {@code t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<body>">}. Signing the time with the body lets a receiver refuse old
 * deliveries replayed by someone who captured one.
 */
public final class WebhookSignature {

  public static final String HEADER = "Verbatim-Signature";

  private WebhookSignature() {}

  /** The header's value for {@code body} sent at {@code epochSeconds}. */
  public static String header(String secret, long epochSeconds, String body) {
    return "t=" + epochSeconds + ",v1=" + hmac(secret, epochSeconds + "." + body);
  }

  /** Hex HMAC-SHA256 of {@code message} with the secret's UTF-8 bytes as the key. */
  public static String hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // Every Java runtime has HmacSHA256, and any non-empty key suits it.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
