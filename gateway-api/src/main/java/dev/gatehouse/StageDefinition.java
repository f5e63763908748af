package dev.gatehouse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A stage of an API: a name that appears in the URL ({@code {mount}/{stage}/...}) and the stage
 * variables that integrations and events read. The stage named {@code $default} (HTTP APIs only) is
 * served at the mount point itself, without a stage segment.
 *
 * @param name the stage name
 * @param variables the stage variables, in declaration order; unmodifiable
 */
public record StageDefinition(String name, Map<String, String> variables) {
  /** The name of the stage served without a stage segment. */
  public static final String DEFAULT = "$default";

  private static final int MAX_VALUE_LENGTH = 2048;

  public StageDefinition {
    Objects.requireNonNull(name, "name");
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  /** Starts a standalone stage definition, for use with {@code api.stage(definition)}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  public Builder toBuilder() {
    Builder builder = new Builder(name);
    builder.variables.putAll(variables);
    return builder;
  }

  /** Collects one stage; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final Map<String, String> variables = new LinkedHashMap<>();

    Builder(String name) {
      this.name = name;
    }

    /** Sets a stage variable, read as {@code ${stageVariables.name}} and in events. */
    public Builder variable(String name, String value) {
      variables.put(name, value);
      return this;
    }

    /**
     * Builds the stage.
     *
     * @throws GatewayDefinitionException naming each broken rule
     */
    public StageDefinition build() {
      Problems problems = Problems.root();
      StageDefinition stage = collect(problems.under("stage " + Problems.describe(name)));
      problems.throwIfAny();
      return stage;
    }

    String name() {
      return name;
    }

    StageDefinition collect(Problems problems) {
      if (name == null || !(DEFAULT.equals(name) || name.matches("[A-Za-z0-9_-]{1,128}"))) {
        problems.add("name", name, "[A-Za-z0-9_-]{1,128} or $default");
      }
      variables.forEach((key, value) -> {
        if (key == null || !key.matches("[A-Za-z0-9_]{1,64}")) {
          problems.add("variable name", key, "[A-Za-z0-9_]{1,64}");
        } else if (value == null || value.length() > MAX_VALUE_LENGTH) {
          problems.add("variable " + key + ": " + (value == null ? "null" : value.length() + " characters")
              + " (expected: a value of at most " + MAX_VALUE_LENGTH + " characters)");
        }
      });
      return name == null ? null : new StageDefinition(name, variables);
    }
  }
}
