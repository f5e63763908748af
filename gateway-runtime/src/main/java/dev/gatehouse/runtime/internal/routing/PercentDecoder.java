package dev.gatehouse.runtime.internal.routing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 percent-decoding, shared by paths and query strings. */
final class PercentDecoder {
  private PercentDecoder() {}

  /** The decoded text of {@code raw[start, end)}, or {@code null} for a broken escape or bad UTF-8. */
  static String decode(String raw, int start, int end, boolean plusIsSpace) {
    if (isPlain(raw, start, end, plusIsSpace)) {
      return raw.substring(start, end);
    }
    byte[] bytes = new byte[(end - start) * 3];
    int n = 0;
    for (int i = start; i < end; i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= end) {
          return null;
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        bytes[n++] = (byte) ((hi << 4) | lo);
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes[n++] = ' ';
      } else if (c < 0x80) {
        bytes[n++] = (byte) c;
      } else {
        // a raw non-ASCII character (servers that decoded nothing may still pass one): keep it as UTF-8
        int codePoint = raw.codePointAt(i);
        byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(utf8, 0, bytes, n, utf8.length);
        n += utf8.length;
        i += Character.charCount(codePoint) - 1;
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, n))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Whether {@code raw[start, end)} decodes to itself: ASCII without escapes (or {@code +}). */
  private static boolean isPlain(String raw, int start, int end, boolean plusIsSpace) {
    for (int i = start; i < end; i++) {
      char c = raw.charAt(i);
      if (c == '%' || c >= 0x80 || (c == '+' && plusIsSpace)) {
        return false;
      }
    }
    return true;
  }
}
