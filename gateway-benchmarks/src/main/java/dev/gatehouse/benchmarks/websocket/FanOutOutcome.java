package dev.gatehouse.benchmarks.websocket;

/**
 * What a server reports after sending one message to every connection. The clients time the
 * fan-out; this only says whether the server believes every send was taken.
 *
 * @param sent the connections it sent to
 * @param failed the sends that failed
 * @param firstFailure the first failure's message, or {@code -} when none failed
 */
record FanOutOutcome(int sent, int failed, String firstFailure) {

  /** One line of the server's standard output: {@code fanned <sent> <failed> <first failure>}. */
  String line() {
    return "fanned " + sent + " " + failed + " " + firstFailure.replace('\n', ' ');
  }

  static FanOutOutcome parse(String line) {
    String[] parts = line.split(" ", 4);
    if (parts.length != 4 || !parts[0].equals("fanned")) {
      throw new IllegalStateException("server answered \"" + line + "\" (expected: fanned <sent> <failed> <failure>)");
    }
    return new FanOutOutcome(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), parts[3]);
  }
}
