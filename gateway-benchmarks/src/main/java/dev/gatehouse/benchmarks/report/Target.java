package dev.gatehouse.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One target (issue 4's, or issue 7's HTTP proxy ones), with the figure this run measured for it.
 * Targets are reported, never asserted: a missed one is a finding for BENCHMARKS.md, not a failed
 * build.
 *
 * @param description what is promised, such as {@code jdk: function route >= 0.90x bare throughput}
 * @param measured the figure measured, or why there is none
 * @param verdict whether it was met
 */
public record Target(String description, String measured, Verdict verdict) {
  static final String FUNCTION_SCENARIO = "function";
  static final double MIN_THROUGHPUT_RATIO = 0.90;
  static final double MAX_ADDED_CPU_MICROS = 2.0;
  static final String HANDLE_BENCHMARK = "HandleBenchmark.asyncFunction";
  static final double MAX_HANDLE_NANOS = 5_000;
  static final double MAX_HANDLE_BYTES = 1_024;
  static final double MAX_ROUTING_RATIO = 2.0;
  static final String PROXY_SCENARIO = "http-proxy";
  static final double MIN_NGINX_RATIO = 0.5;
  static final double MAX_PROXY_CPU_MICROS = 25;
  /** Bare runs further apart than this make a load verdict noisy. */
  static final double NOISY_SPREAD = 0.10;

  /** Whether a target was met. */
  public enum Verdict {
    MET("met"),
    MISSED("**missed**"),
    NOT_MEASURED("not measured");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    static Verdict of(double measured, boolean met) {
      return Double.isNaN(measured) ? NOT_MEASURED : met ? MET : MISSED;
    }
  }

  /**
   * A warning when the two bare runs of a comparison differ by more than {@link #NOISY_SPREAD}: the
   * machine moved under the run, and a verdict near its threshold may flip on the next one.
   */
  private static String noise(Comparison c) {
    return c.bareSpread() > NOISY_SPREAD
        ? " (noisy: the bare runs differ by " + Markdown.percent(c.bareSpread()) + ")" : "";
  }

  /**
   * Every target, evaluated against this run's load comparisons and JMH results (if any).
   *
   * @param proxies the HTTP proxy cells against nginx
   * @param nginxAbsence why there is no nginx figure, for the runs without one
   */
  public static List<Target> evaluate(List<Comparison> comparisons, List<ProxyComparison> proxies,
      String nginxAbsence, Optional<List<JmhResult>> jmh) {
    List<Target> targets = new ArrayList<>();
    List<Comparison> function = comparisons.stream().filter(c -> c.scenario().equals(FUNCTION_SCENARIO)).toList();
    if (function.isEmpty()) {
      targets.add(new Target("function route: >= 0.90× bare throughput, <= 2 µs added server CPU per request",
          "scenario \"function\" not run", Verdict.NOT_MEASURED));
    }
    for (Comparison c : function) {
      targets.add(new Target(c.server() + ": function route throughput >= 0.90× bare",
          Markdown.ratio(c.throughputRatio()) + noise(c),
          Verdict.of(c.throughputRatio(), c.throughputRatio() >= MIN_THROUGHPUT_RATIO)));
      targets.add(new Target(c.server() + ": function route adds <= 2 µs server CPU per request",
          Markdown.signed(c.addedCpuMicros()) + " µs" + noise(c),
          Verdict.of(c.addedCpuMicros(), c.addedCpuMicros() <= MAX_ADDED_CPU_MICROS)));
    }
    targets.addAll(proxyTargets(proxies, nginxAbsence));
    List<JmhResult> results = jmh.orElse(List.of());
    JmhResult handle = results.stream().filter(r -> r.shortName().equals(HANDLE_BENCHMARK)).findFirst().orElse(null);
    String absent = jmh.isPresent() ? HANDLE_BENCHMARK + " not in the JMH results" : "JMH results absent";
    double nanos = handle != null ? handle.nanosPerOp() : Double.NaN;
    double bytes = handle != null ? handle.allocBytesPerOp() : Double.NaN;
    targets.add(new Target("gateway.handle, function route (" + HANDLE_BENCHMARK + "): <= 5 µs",
        handle != null ? Markdown.amount(nanos / 1e3) + " µs" : absent,
        Verdict.of(nanos, nanos <= MAX_HANDLE_NANOS)));
    targets.add(new Target("gateway.handle, function route (" + HANDLE_BENCHMARK + "): <= 1 KB allocated",
        handle != null ? Markdown.whole(bytes) + " B" : absent,
        Verdict.of(bytes, bytes <= MAX_HANDLE_BYTES)));
    List<RoutingRatio> routing = RoutingRatio.of(results);
    if (routing.isEmpty()) {
      targets.add(new Target("routing: 10,000-route table within 2× of a 1-route table",
          jmh.isPresent() ? RoutingRatio.BENCHMARK + " not in the JMH results" : "JMH results absent",
          Verdict.NOT_MEASURED));
    }
    for (RoutingRatio r : routing) {
      targets.add(new Target("routing (" + r.kind() + "): 10,000 routes within 2× of 1 route",
          Markdown.ratio(r.ratio()) + (r.noisy() ? " (noisy: an error above half the score; see the JMH table)" : ""),
          Verdict.of(r.ratio(), r.ratio() <= MAX_ROUTING_RATIO)));
    }
    return targets;
  }

  /**
   * The HTTP proxy's targets on each server, on the default client ({@code http-proxy}). Its
   * CPU is the gateway server's own, with or without nginx to compare it with.
   */
  private static List<Target> proxyTargets(List<ProxyComparison> proxies, String nginxAbsence) {
    List<Target> targets = new ArrayList<>();
    List<ProxyComparison> proxy = proxies.stream().filter(p -> p.scenario().equals(PROXY_SCENARIO)).toList();
    if (proxy.isEmpty()) {
      targets.add(new Target("HTTP proxy: >= 0.5× nginx's throughput, <= 25 µs of gateway CPU per proxied request",
          "scenario \"" + PROXY_SCENARIO + "\" not run", Verdict.NOT_MEASURED));
    }
    for (ProxyComparison p : proxy) {
      targets.add(new Target(p.server() + ": HTTP proxy >= 0.5× nginx's throughput",
          p.withNginx()
              ? Markdown.ratio(p.throughputRatio()) + " (" + Markdown.whole(p.gatewayThroughput()) + " vs "
                  + Markdown.whole(p.nginxThroughput()) + " req/s)"
              : nginxAbsence,
          Verdict.of(p.throughputRatio(), p.throughputRatio() >= MIN_NGINX_RATIO)));
      targets.add(new Target(p.server() + ": HTTP proxy <= 25 µs of gateway CPU per proxied request",
          Markdown.amount(p.gatewayCpuMicros()) + " µs"
              + (p.withNginx() ? " (nginx: " + Markdown.amount(p.nginxCpuMicros()) + " µs)" : ""),
          Verdict.of(p.gatewayCpuMicros(), p.gatewayCpuMicros() <= MAX_PROXY_CPU_MICROS)));
    }
    return targets;
  }
}
