package dev.verbatim.server.jitsi;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who may reach the Jitsi endpoints: a caller from an allowed network, or one that shows the shared
 * secret in its path.
 */
final class Networks {

  private final List<Network> allowed;
  private final byte @Nullable [] secret;

  Networks(JitsiProperties properties) {
    this.allowed = properties.allowedNetworks().stream().map(Network::parse).toList();
    String configured = properties.secret();
    this.secret = configured == null ? null : configured.getBytes(StandardCharsets.UTF_8);
  }

  /** Whether {@code address} (an IP literal, as the servlet container reports it) is allowed. */
  boolean allows(@Nullable String address) {
    if (address == null) {
      return false;
    }
    try {
      // A literal never causes a lookup; anything else is not an address and is refused.
      if (!address.matches("[0-9a-fA-F:.%]+")) {
        return false;
      }
      InetAddress remote = InetAddress.getByName(address);
      return allowed.stream().anyMatch(n -> n.contains(remote));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Whether {@code candidate} is the configured secret, compared in constant time. */
  boolean isSecret(@Nullable String candidate) {
    return secret != null
        && candidate != null
        && MessageDigest.isEqual(secret, candidate.getBytes(StandardCharsets.UTF_8));
  }

  /** An address range such as {@code 10.0.0.0/8}, or one address. */
  record Network(byte[] prefix, int bits) {

    static Network parse(String cidr) {
      String text = cidr.trim();
      int slash = text.indexOf('/');
      String host = slash < 0 ? text : text.substring(0, slash);
      if (!host.matches("[0-9a-fA-F:.]+")) {
        throw new IllegalArgumentException("Not an IP address or CIDR range: " + cidr);
      }
      try {
        byte[] address = InetAddress.getByName(host).getAddress();
        int bits = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
        if (bits < 0 || bits > address.length * 8) {
          throw new IllegalArgumentException("Bad prefix length in " + cidr);
        }
        return new Network(address, bits);
      } catch (UnknownHostException | NumberFormatException e) {
        throw new IllegalArgumentException("Not an IP address or CIDR range: " + cidr, e);
      }
    }

    boolean contains(InetAddress remote) {
      byte[] address = remote.getAddress();
      if (address.length != prefix.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != prefix[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xff << (8 - rest);
      return (address[full] & mask) == (prefix[full] & mask);
    }
  }
}
