package dev.gatehouse.iam;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address block in CIDR notation, as IAM's {@code aws:SourceIp} conditions take
 * them. A bare address is a block of one ({@code /32} or {@code /128}). An IPv4 block never
 * contains an IPv6 address, not even an IPv4-mapped one, so a {@code ::ffff:10.0.0.1} caller is
 * matched only by IPv6 blocks.
 *
 * <pre>{@code
 * Cidr office = Cidr.parse("192.0.2.0/24");
 * office.contains("192.0.2.17");     // true
 * office.contains("2001:db8::1");    // false
 * }</pre>
 *
 * @param text the block as written
 * @param network the network address's bytes (4 or 16), host bits cleared
 * @param prefixLength the number of leading bits that must match
 */
public record Cidr(String text, byte[] network, int prefixLength) {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  public Cidr {
    Objects.requireNonNull(text, "text");
    network = network.clone();
    if (prefixLength < 0 || prefixLength > network.length * 8) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " outside 0.." + network.length * 8);
    }
  }

  /**
   * Parses {@code 10.0.0.0/8}, {@code 2001:db8::/32} or a bare address.
   *
   * @throws IllegalArgumentException naming what is wrong; never looks a name up in DNS
   */
  public static Cidr parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("CIDR block " + (text == null ? "null" : "\"\"")
          + " (expected: an address block such as 192.0.2.0/24 or 2001:db8::/32)");
    }
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    byte[] bytes = address(address);
    if (bytes == null) {
      throw new IllegalArgumentException("CIDR block \"" + text
          + "\" (expected: an IPv4 or IPv6 address, then optionally /prefix, such as 192.0.2.0/24 or 2001:db8::/32)");
    }
    int prefix = bytes.length * 8;
    if (slash >= 0) {
      String digits = text.substring(slash + 1);
      if (!digits.matches("\\d{1,3}") || Integer.parseInt(digits) > bytes.length * 8) {
        throw new IllegalArgumentException("CIDR block \"" + text + "\": prefix length \"" + digits
            + "\" (expected: 0.." + bytes.length * 8 + ")");
      }
      prefix = Integer.parseInt(digits);
    }
    return new Cidr(text, mask(bytes, prefix), prefix);
  }

  /**
   * The bytes of an IP literal (4 or 16), or {@code null} for anything else, including host names:
   * literals are checked by shape first, so that {@link InetAddress} never resolves a name.
   */
  public static byte[] address(String literal) {
    if (literal == null) {
      return null;
    }
    String candidate = literal.startsWith("[") && literal.endsWith("]")
        ? literal.substring(1, literal.length() - 1) : literal;
    boolean v4 = IPV4.matcher(candidate).matches();
    boolean v6 = candidate.indexOf(':') >= 0 && IPV6.matcher(candidate).matches();
    if (!v4 && !v6) {
      return null;
    }
    if (v4) {
      for (String octet : candidate.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          return null;
        }
      }
    }
    try {
      byte[] bytes = InetAddress.getByName(candidate).getAddress();
      // the JDK turns ::ffff:a.b.c.d into an IPv4 address; keep it IPv6 as the caller wrote it
      if (v6 && bytes.length == 4) {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(bytes, 0, mapped, 12, 4);
        return mapped;
      }
      return bytes;
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** Whether the address {@code literal} lies in this block; {@code false} for anything not an IP literal. */
  public boolean contains(String literal) {
    byte[] bytes = address(literal);
    return bytes != null && contains(bytes);
  }

  /** Whether the address with these bytes lies in any of {@code blocks}; {@code false} for {@code null}. */
  public static boolean anyContains(java.util.Collection<Cidr> blocks, byte[] address) {
    if (address == null) {
      return false;
    }
    for (Cidr block : blocks) {
      if (block.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the address with these bytes (4 or 16) lies in this block. */
  public boolean contains(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    return Arrays.equals(mask(address, prefixLength), network);
  }

  @Override
  public byte[] network() {
    return network.clone();
  }

  private static byte[] mask(byte[] bytes, int prefix) {
    byte[] masked = bytes.clone();
    for (int i = 0; i < masked.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      masked[i] &= (byte) (0xff << (8 - keep));
    }
    return masked;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr other && prefixLength == other.prefixLength && Arrays.equals(network, other.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefixLength;
  }

  @Override
  public String toString() {
    return text;
  }
}
