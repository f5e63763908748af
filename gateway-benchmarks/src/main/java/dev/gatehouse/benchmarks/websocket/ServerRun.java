package dev.gatehouse.benchmarks.websocket;

/**
 * Everything measured against one server process.
 *
 * @param variant {@code bare} or {@code gateway}
 * @param single the echo loop of one client
 * @param concurrent the echo loops of several clients at once
 * @param fanOut the fan-out rounds
 */
public record ServerRun(String variant, EchoResult single, EchoResult concurrent, FanOutResult fanOut) {}
