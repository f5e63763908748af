package dev.gatehouse.benchmarks.load;

import java.util.Locale;

/** A server set-up: which server, and whether the request goes through the gateway. */
public enum Variant {
  /** A plain {@code HttpHandler} on the JDK's {@code com.sun.net.httpserver.HttpServer}. */
  JDK_BARE(Server.JDK),
  /** The scenario's gateway on the same JDK server, through {@code JdkHttpServerAdapter}. */
  JDK_GATEWAY(Server.JDK),
  /** A plain servlet on embedded Jetty 12 (ee10). */
  JETTY_BARE(Server.JETTY),
  /** The scenario's gateway on the same Jetty, through {@code GatewayServlet} with async support. */
  JETTY_GATEWAY(Server.JETTY);

  /** The servers a variant runs on. */
  public enum Server {
    JDK,
    JETTY;

    /** {@code jdk} or {@code jetty}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Server server;

  Variant(Server server) {
    this.server = server;
  }

  public Server server() {
    return server;
  }

  /** Whether requests pass through a gateway, as opposed to the bare baseline. */
  public boolean throughGateway() {
    return this == JDK_GATEWAY || this == JETTY_GATEWAY;
  }

  /** {@code jdk-bare}, {@code jdk-gateway}, {@code jetty-bare}, {@code jetty-gateway}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The bare or gateway variant on {@code server}. */
  public static Variant of(Server server, boolean throughGateway) {
    if (server == Server.JDK) {
      return throughGateway ? JDK_GATEWAY : JDK_BARE;
    }
    return throughGateway ? JETTY_GATEWAY : JETTY_BARE;
  }

  /**
   * The variant labelled {@code label}.
   *
   * @throws IllegalArgumentException naming the labels if none matches
   */
  public static Variant parse(String label) {
    for (Variant variant : values()) {
      if (variant.label().equals(label)) {
        return variant;
      }
    }
    throw new IllegalArgumentException("variant: \"" + label
        + "\" (expected: one of jdk-bare, jdk-gateway, jetty-bare, jetty-gateway)");
  }
}
