package dev.gatehouse.testing;

/** Request and response bodies that tests of every module send. */
public final class Bodies {
  private Bodies() {}

  /**
   * Every byte value 0..255 in order, {@code times} times over: a body that only arrives intact if
   * nothing on the way treats it as text or stops at a particular byte.
   */
  public static byte[] everyByte(int times) {
    byte[] bytes = new byte[256 * times];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    return bytes;
  }
}
