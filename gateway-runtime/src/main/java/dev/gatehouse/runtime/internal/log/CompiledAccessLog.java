package dev.gatehouse.runtime.internal.log;

import dev.gatehouse.log.AccessLogTemplate;
import dev.gatehouse.log.AccessLogTemplate.Escaping;
import dev.gatehouse.log.AccessLogTemplate.Part;
import java.util.List;
import java.util.function.Function;

/** A parsed format bound to its values' sources: rendering a line is one pass over its parts. */
final class CompiledAccessLog {
  private final String[] literals;
  private final List<Function<AccessLogValues.Facts, Object>> values;
  private final Escaping[] escapings;
  private final int sizeHint;

  CompiledAccessLog(AccessLogTemplate template) {
    List<Part> parts = template.parts();
    this.literals = new String[parts.size()];
    this.escapings = new Escaping[parts.size()];
    this.values = new java.util.ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      literals[i] = part.literal();
      escapings[i] = part.escaping();
      values.add(part.variable() == null ? null : AccessLogValues.of(part.variable()));
    }
    this.sizeHint = template.format().length() + 64;
  }

  String render(AccessLogValues.Facts facts) {
    StringBuilder line = new StringBuilder(sizeHint);
    for (int i = 0; i < literals.length; i++) {
      if (literals[i] != null) {
        line.append(literals[i]);
        continue;
      }
      Object value = values.get(i).apply(facts);
      if (value == null) {
        line.append('-');
      } else {
        Escaper.append(line, value.toString(), escapings[i]);
      }
    }
    return line.toString();
  }
}
