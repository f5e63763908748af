package dev.gatehouse.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.event.ProxyResponseV1;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's function handlers: plain methods that take AWS's payload 1.0 event and return a
 * proxy response, exactly as a Lambda function behind a REST API would.
 */
public final class PetStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<Integer, Pet> pets = new ConcurrentSkipListMap<>();
  private final AtomicInteger nextId = new AtomicInteger(1);

  public PetStore() {
    add("dog", "Rex", 24_999);
    add("cat", "Tom", 12_999);
    add("fish", "Nemo", 499);
  }

  /** {@code GET /pets?type=dog&limit=2}. */
  public ProxyResponseV1 list(ProxyEventV1 event) {
    Map<String, String> query = event.queryStringParameters() == null ? Map.of() : event.queryStringParameters();
    String type = query.get("type");
    int limit;
    try {
      limit = Integer.parseInt(query.getOrDefault("limit", "100"));
    } catch (NumberFormatException e) {
      return json(400, Map.of("message", "limit must be a number"));
    }
    List<Pet> found = pets.values().stream()
        .filter(pet -> type == null || pet.type().equals(type))
        .limit(Math.max(0, limit))
        .toList();
    return json(200, found);
  }

  /** {@code GET /pets/{id}}. */
  public ProxyResponseV1 get(ProxyEventV1 event) {
    Pet pet = find(event.pathParameters().get("id"));
    return pet == null ? json(404, Map.of("message", "no pet " + event.pathParameters().get("id"))) : json(200, pet);
  }

  /** {@code POST /pets} with {@code {"type":"dog","name":"Rex","price":100}}. */
  public ProxyResponseV1 create(ProxyEventV1 event) {
    Pet input;
    try {
      input = JSON.readValue(event.body() == null ? "" : event.body(), Pet.class);
    } catch (JsonProcessingException e) {
      return json(400, Map.of("message", "body must be a pet: {\"type\":\"dog\",\"name\":\"Rex\",\"price\":100}"));
    }
    if (input.type() == null || input.name() == null) {
      return json(400, Map.of("message", "type and name are required"));
    }
    return json(201, add(input.type(), input.name(), input.price()));
  }

  private Pet add(String type, String name, int price) {
    Pet pet = new Pet(nextId.getAndIncrement(), type, name, price);
    pets.put(pet.id(), pet);
    return pet;
  }

  private Pet find(String id) {
    try {
      return pets.get(Integer.parseInt(id));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static ProxyResponseV1 json(int status, Object body) {
    try {
      return ProxyResponseV1.builder(status)
          .header("Content-Type", "application/json")
          .body(JSON.writeValueAsString(body))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("demo value is not JSON-writable", e);
    }
  }
}
