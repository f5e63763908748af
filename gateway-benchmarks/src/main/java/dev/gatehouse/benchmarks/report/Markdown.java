package dev.gatehouse.benchmarks.report;

import java.util.List;
import java.util.Locale;

/** Markdown tables and the number formats of BENCHMARKS.md; a missing figure prints as a dash. */
final class Markdown {
  static final String NONE = "–";

  private Markdown() {}

  /** A table with a header row; cells must not contain {@code |} or line breaks. */
  static String table(List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    row(out, header);
    out.append('|');
    for (int i = 0; i < header.size(); i++) {
      out.append(" --- |");
    }
    out.append('\n');
    rows.forEach(row -> row(out, row));
    return out.toString();
  }

  private static void row(StringBuilder out, List<String> cells) {
    out.append('|');
    cells.forEach(cell -> out.append(' ').append(cell).append(" |"));
    out.append('\n');
  }

  /** A rate or count with thousands separators: {@code 23,456}. */
  static String whole(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? NONE : String.format(Locale.ROOT, "%,.0f", value);
  }

  /** A duration or size in its unit, with one decimal below 100: {@code 7.3}, {@code 1,234}. */
  static String amount(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return NONE;
    }
    return Math.abs(value) < 100 ? String.format(Locale.ROOT, "%.1f", value) : whole(value);
  }

  /** Two percentiles: {@code 85 / 240}. */
  static String pair(double p50, double p99) {
    return amount(p50) + " / " + amount(p99);
  }

  /** A ratio: {@code 0.93×}. */
  static String ratio(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? NONE : String.format(Locale.ROOT, "%.2f×", value);
  }

  /** A signed difference: {@code +1.4}, {@code -0.3}. */
  static String signed(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? NONE : String.format(Locale.ROOT, "%+.1f", value);
  }

  /** A fraction as a percentage: {@code 3%}. */
  static String percent(double fraction) {
    return Double.isNaN(fraction) || Double.isInfinite(fraction) ? NONE
        : String.format(Locale.ROOT, "%.0f%%", fraction * 100);
  }
}
